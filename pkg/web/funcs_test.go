package web

import (
	"testing"
	"time"

	"hearth/pkg/i18n"
)

// TestTimesFollowTheLanguage pins the times the web layer formats itself
// (a post's timestamps, how long a queue item or a thread has waited, how
// long ago a moderator handled something) in English and in Spanish, at
// each unit's edges.
func TestTimesFollowTheLanguage(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	en, es := cat.Printer("en"), cat.Printer("es")
	for _, tc := range []struct {
		d      time.Duration
		en, es string
	}{
		{30 * time.Second, "less than a minute", "menos de un minuto"},
		{time.Minute, "1 minute", "1 minuto"},
		{59 * time.Minute, "59 minutes", "59 minutos"},
		{time.Hour, "1 hour", "1 hora"},
		{47 * time.Hour, "47 hours", "47 horas"},
		{48 * time.Hour, "2 days", "2 días"},
	} {
		if got := modWaited(en, tc.d); got != tc.en {
			t.Errorf("modWaited(en, %v) = %q, want %q", tc.d, got, tc.en)
		}
		if got := modWaited(es, tc.d); got != tc.es {
			t.Errorf("modWaited(es, %v) = %q, want %q", tc.d, got, tc.es)
		}
	}
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		d      time.Duration
		en, es string
	}{
		{time.Second, "1 second ago", "hace 1 segundo"},
		{90 * time.Second, "90 seconds ago", "hace 90 segundos"},
		{3 * time.Hour, "3 hours ago", "hace 3 horas"},
	} {
		if got := modSince(en, now.Add(-tc.d), now); got != tc.en {
			t.Errorf("modSince(en, %v) = %q, want %q", tc.d, got, tc.en)
		}
		if got := modSince(es, now.Add(-tc.d), now); got != tc.es {
			t.Errorf("modSince(es, %v) = %q, want %q", tc.d, got, tc.es)
		}
	}
	at := time.Date(2026, 12, 6, 8, 5, 0, 0, time.UTC)
	if got := timeText(es, at, at.Add(2*time.Hour)); got.Exact != "6 de diciembre de 2026, a las 08:05 UTC" || got.Ago != "hace 2 horas" || got.ISO != "2026-12-06T08:05:00Z" {
		t.Errorf("timeText(es) = %+v", got)
	}
	if got := timeText(en, at, at.Add(2*time.Hour)); got.Exact != "6 December 2026 at 08:05 UTC" || got.Ago != "2 hours ago" {
		t.Errorf("timeText(en) = %+v", got)
	}
}
