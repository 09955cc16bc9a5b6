package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func mustLoad(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNegotiate(t *testing.T) {
	c := mustLoad(t)
	cases := []struct{ setting, accept, fallback, want string }{
		{"", "", "en", "en"},
		{"", "", "es", "es"},
		{"es", "en-GB,en;q=0.9", "en", "es"},
		{"en", "es-ES,es;q=0.9", "es", "en"},
		{"", "es-MX,es;q=0.9,en;q=0.5", "en", "es"},
		{"", "fr-FR,fr;q=0.9", "es", "es"},
		{"", "fr-FR,fr;q=0.9,es;q=0.4", "en", "es"},
		{"xx", "not a header;;", "en", "en"},
		{"", "", "de", "en"},
	}
	for _, tc := range cases {
		if got := c.Negotiate(tc.setting, tc.accept, tc.fallback); got != tc.want {
			t.Errorf("Negotiate(%q, %q, %q) = %q, want %q", tc.setting, tc.accept, tc.fallback, got, tc.want)
		}
	}
}

func TestPluralsAndNumbers(t *testing.T) {
	c := mustLoad(t)
	en, es := c.Printer("en"), c.Printer("es")
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		p    *Printer
		d    time.Duration
		want string
	}{
		{en, 30 * time.Second, "just now"},
		{en, time.Minute, "1 minute ago"},
		{en, 5 * time.Hour, "5 hours ago"},
		{es, time.Hour, "hace 1 hora"},
		{es, 3 * 24 * time.Hour, "hace 3 días"},
		{es, 40 * 24 * time.Hour, "hace 1 mes"},
	} {
		if got := tc.p.Ago(now.Add(-tc.d), now); got != tc.want {
			t.Errorf("%s Ago(%v) = %q, want %q", tc.p.Lang(), tc.d, got, tc.want)
		}
	}
	if got := en.Number(1234567); got != "1,234,567" {
		t.Errorf("en Number = %q", got)
	}
	if got := es.Number(1234567); got != "1.234.567" {
		t.Errorf("es Number = %q", got)
	}
}

func TestDates(t *testing.T) {
	c := mustLoad(t)
	at := time.Date(2026, 12, 6, 9, 5, 0, 0, time.FixedZone("x", 3600))
	for _, tc := range []struct{ code, date, day, month string }{
		{"en", "6 December 2026 at 08:05 UTC", "6 December 2026", "December 2026"},
		{"es", "6 de diciembre de 2026, a las 08:05 UTC", "6 de diciembre de 2026", "diciembre de 2026"},
	} {
		p := c.Printer(tc.code)
		if got := p.Date(at); got != tc.date {
			t.Errorf("%s Date = %q, want %q", tc.code, got, tc.date)
		}
		if got := p.Day(at); got != tc.day {
			t.Errorf("%s Day = %q, want %q", tc.code, got, tc.day)
		}
		if got := p.MonthYear(at); got != tc.month {
			t.Errorf("%s MonthYear = %q, want %q", tc.code, got, tc.month)
		}
	}
}

func TestTPassesUnknownTextThrough(t *testing.T) {
	c := mustLoad(t)
	es := c.Printer("es")
	if got := es.T("100% better"); got != "100% better" {
		t.Errorf("T of text without an entry = %q", got)
	}
	if got := es.T("January"); got != "enero" {
		t.Errorf("T(January) = %q", got)
	}
	if c.Printer("zz").Lang() != "en" {
		t.Error("an unknown language should print in English")
	}
}

func TestLanguages(t *testing.T) {
	ls := mustLoad(t).Languages()
	if len(ls) < 2 || ls[0] != (Language{"en", "English"}) || ls[1] != (Language{"es", "Español"}) {
		t.Errorf("Languages = %v", ls)
	}
}

func TestTReadsFormattedSentencesBack(t *testing.T) {
	c := mustLoad(t)
	es := c.Printer("es")
	es.patterns = []pattern{}
	for _, k := range []string{"%d days ago", "%[1]s %[2]s"} {
		if p, ok := newPattern(k); ok {
			es.patterns = append(es.patterns, p)
		}
	}
	if got := es.T("3 days ago"); got != "hace 3 días" {
		t.Errorf("T(formatted) = %q, want hace 3 días", got)
	}
	if got := es.T("1,000 days ago"); got != "hace 1.000 días" {
		t.Errorf("T(formatted, grouped) = %q", got)
	}
	if got := es.T("many days ago"); got != "many days ago" {
		t.Errorf("T(not formatted from a key) = %q", got)
	}
	if got := c.Printer("en").T("3 days ago"); got != "3 days ago" {
		t.Errorf("English T(formatted) = %q", got)
	}
}

func TestCataloguePartsMerge(t *testing.T) {
	fsys := fstest.MapFS{
		"locales/en.json":     {Data: []byte(`{"name": "English", "messages": {}}`)},
		"locales/es.json":     {Data: []byte(`{"name": "Español", "messages": {"Reply": "Responder"}}`)},
		"locales/es-mod.json": {Data: []byte(`{"messages": {"Queue": "Cola"}}`)},
	}
	c, err := load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Languages()) != 2 || c.Printer("es").T("Queue") != "Cola" || c.Printer("es").T("Reply") != "Responder" {
		t.Errorf("parts not merged: %v %q", c.Languages(), c.Printer("es").T("Queue"))
	}
	fsys["locales/es-admin.json"] = &fstest.MapFile{Data: []byte(`{"messages": {"Reply": "Contestar"}}`)}
	if _, err := load(fsys); err == nil || !strings.Contains(err.Error(), "translated twice") {
		t.Errorf("a key in two files: err = %v", err)
	}
}

// A date a domain package wrote into an English sentence is written again
// the language's way; other values stay as they were.
func TestTWritesEnglishDatesAgain(t *testing.T) {
	es := mustLoad(t).Printer("es")
	got := es.T("Your account is suspended until 6 December 2026 at 08:05 UTC. You can still read, but you can't post or reply until then.")
	if want := "Tu cuenta está suspendida hasta el 6 de diciembre de 2026, a las 08:05 UTC. Puedes seguir leyendo, pero no puedes publicar ni responder hasta entonces."; got != want {
		t.Errorf("T(suspension) = %q, want %q", got, want)
	}
	if got := es.T("The thread is already in 6 December 2026."); got != "El hilo ya está en 6 December 2026." {
		t.Errorf("T(not a whole date) = %q", got)
	}
}

// TestStoredPassesValuesThrough: Stored translates a stored English
// sentence and hands each written-in value to the caller's function (a
// seeded group's name becomes the language's), while a date is still
// written again and text with no entry is returned as it is.
func TestStoredPassesValuesThrough(t *testing.T) {
	es := mustLoad(t).Printer("es")
	names := func(v string) string {
		if v == "Grief & Loss" {
			return "Duelo y pérdida"
		}
		return v
	}
	got := es.Stored("A moderator removed your reply in Grief & Loss. Other members no longer see it.", names)
	if want := "Un moderador ha quitado tu respuesta en Duelo y pérdida. Los demás miembros ya no la ven."; got != want {
		t.Errorf("Stored(removal) = %q, want %q", got, want)
	}
	if got := es.Stored("A moderator removed your reply in Evenings. Other members no longer see it.", names); !strings.Contains(got, "en Evenings.") {
		t.Errorf("Stored kept no member's words: %q", got)
	}
	if got := es.Stored("Your account is suspended until 6 December 2026 at 08:05 UTC. You can still read, but you can't post or reply until then.", names); !strings.Contains(got, "6 de diciembre de 2026") {
		t.Errorf("Stored(date) = %q", got)
	}
	if got := es.Stored("Evenings are long", names); got != "Evenings are long" {
		t.Errorf("Stored(no sentence) = %q", got)
	}
}

// TestWrittenDatesAndTimesStayExact: Date and Ago answer from what they
// wrote before exactly as they would write it again, in both languages,
// for times spread over years (more minutes than are kept, so the kept
// dates also start again), and never mix one language's words into the
// other's.
func TestWrittenDatesAndTimesStayExact(t *testing.T) {
	c := mustLoad(t)
	now := time.Date(2026, 12, 6, 14, 0, 0, 0, time.UTC)
	for _, code := range []string{"en", "es"} {
		p := c.Printer(code)
		for round := range 2 {
			for i := range 3 * writtenDates {
				at := now.Add(-time.Duration(i*i) * 7 * time.Minute)
				d := now.Sub(at)
				wantAgo := p.T("just now")
				switch {
				case d >= 365*24*time.Hour:
					wantAgo = p.ago(365*24*time.Hour, int(d/(365*24*time.Hour)))
				case d >= 30*24*time.Hour:
					wantAgo = p.ago(30*24*time.Hour, int(d/(30*24*time.Hour)))
				case d >= 24*time.Hour:
					wantAgo = p.ago(24*time.Hour, int(d/(24*time.Hour)))
				case d >= time.Hour:
					wantAgo = p.ago(time.Hour, int(d/time.Hour))
				case d >= time.Minute:
					wantAgo = p.ago(time.Minute, int(d/time.Minute))
				}
				if got, want := p.Date(at), p.date(at.UTC()); got != want {
					t.Fatalf("%s round %d: Date(%v) = %q, want %q", code, round, at, got, want)
				}
				if got := p.Ago(at, now); got != wantAgo {
					t.Fatalf("%s round %d: Ago(%v) = %q, want %q", code, round, at, got, wantAgo)
				}
			}
		}
	}
	if en, es := c.Printer("en").Ago(now.Add(-3*time.Hour), now), c.Printer("es").Ago(now.Add(-3*time.Hour), now); en != "3 hours ago" || es != "hace 3 horas" {
		t.Fatalf("3 hours ago: %q in English, %q in Spanish", en, es)
	}
}
