package moderation_test

import (
	"testing"
	"time"

	"hearth/pkg/moderation"
)

func london(t *testing.T, s string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	at, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// TestHoursContains: the default timetable (every day 08:00-22:00 UK
// time), a weekday one, one past midnight, and the change of clocks.
func TestHoursContains(t *testing.T) {
	published := moderation.ParseHours(moderation.DefaultHours.Encode())
	weekdays := moderation.ParseHours("days=mon,tue,wed,thu,fri&start=09:00&end=17:00&zone=Europe/London&label=UK+time")
	night := moderation.ParseHours("days=fri&start=20:00&end=02:00&zone=Europe/London")
	cases := []struct {
		h    moderation.Hours
		at   string
		want bool
	}{
		{published, "2026-12-09 03:00", false},
		{published, "2026-12-09 08:00", true},
		{published, "2026-12-09 21:59", true},
		{published, "2026-12-09 22:00", false},
		// British Summer Time: 08:30 in London is 07:30 UTC.
		{published, "2026-07-15 08:30", true},
		{published, "2026-07-15 07:59", false},
		{weekdays, "2026-12-09 12:00", true},  // a Wednesday
		{weekdays, "2026-12-12 12:00", false}, // a Saturday
		{night, "2026-12-11 23:00", true},     // Friday night
		{night, "2026-12-12 01:30", true},     // into Saturday
		{night, "2026-12-12 02:00", false},
		{night, "2026-12-10 23:00", false}, // Thursday
		{moderation.Hours{}, "2026-12-09 12:00", false},
	}
	for _, c := range cases {
		if got := c.h.Contains(london(t, c.at)); got != c.want {
			t.Errorf("%s at %s: %v, want %v", c.h.Encode(), c.at, got, c.want)
		}
	}
	// The moment, not its zone, decides.
	if !published.Contains(london(t, "2026-12-09 12:00").UTC()) {
		t.Error("a UTC moment inside the hours is outside")
	}
	// Until an admin publishes hours, no moment is in them (and none is
	// taken to be out of hours: see Cover.Around).
	if moderation.DefaultHours.Contains(london(t, "2026-12-09 12:00")) || moderation.DefaultHours.Text() != "" {
		t.Error("unpublished hours count")
	}
}

func TestHoursText(t *testing.T) {
	cases := map[string]string{
		moderation.DefaultHours.Encode():                                          "Moderators are around 08:00–22:00 UK time, every day.",
		"days=mon,tue,wed,thu,fri&start=09:00&end=17:00&zone=Europe/Paris":        "Moderators are around 09:00–17:00 Europe/Paris time, Monday to Friday.",
		"days=sat,sun&start=10:00&end=16:00&zone=Europe/London&label=UK+time":     "Moderators are around 10:00–16:00 UK time, at weekends.",
		"days=mon,wed,fri&start=18:00&end=23:30&zone=Europe/London&label=UK+time": "Moderators are around 18:00–23:30 UK time, on Mondays, Wednesdays and Fridays.",
		"days=&start=08:00&end=22:00&zone=Europe/London":                          "Moderators keep no set hours: someone is around when they are on duty.",
	}
	for stored, want := range cases {
		if got := moderation.ParseHours(stored).Text(); got != want {
			t.Errorf("%s: %q, want %q", stored, got, want)
		}
	}
	want := moderation.DefaultHours
	want.Published = true
	if h := moderation.ParseHours(moderation.DefaultHours.Encode()); h != want {
		t.Errorf("the stored form does not read back: %+v", h)
	}
	if h := moderation.ParseHours("start=nonsense"); h != moderation.DefaultHours {
		t.Errorf("an unreadable setting gives %+v, not the default", h)
	}
}

// TestHoursLastGap: the out-of-hours stretch current at a moment, or the
// last one before it.
func TestHoursLastGap(t *testing.T) {
	h := moderation.ParseHours(moderation.DefaultHours.Encode())
	from, to, ok := h.LastGap(london(t, "2026-12-09 09:15"))
	if !ok || !from.Equal(london(t, "2026-12-08 22:00")) || !to.Equal(london(t, "2026-12-09 08:00")) {
		t.Errorf("in hours: gap %v to %v (%v)", from, to, ok)
	}
	now := london(t, "2026-12-09 03:00")
	from, to, ok = h.LastGap(now)
	if !ok || !from.Equal(london(t, "2026-12-08 22:00")) || !to.Equal(now) {
		t.Errorf("out of hours: gap %v to %v (%v)", from, to, ok)
	}
	weekdays := moderation.ParseHours("days=mon,tue,wed,thu,fri&start=09:00&end=17:00&zone=Europe/London")
	from, to, ok = weekdays.LastGap(london(t, "2026-12-14 10:00")) // a Monday
	if !ok || !from.Equal(london(t, "2026-12-11 17:00")) || !to.Equal(london(t, "2026-12-14 09:00")) {
		t.Errorf("after a weekend: gap %v to %v (%v)", from, to, ok)
	}
	if _, _, ok := moderation.ParseHours("days=&start=08:00&end=22:00&zone=UTC").LastGap(now); ok {
		t.Error("no set hours has a gap")
	}
	allDay := moderation.ParseHours("days=mon,tue,wed,thu,fri,sat,sun&start=00:00&end=00:00&zone=Europe/London")
	if _, _, ok := allDay.LastGap(now); ok || !allDay.Contains(now) {
		t.Error("round the clock has a gap, or is not around")
	}
}
