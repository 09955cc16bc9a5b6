package moderation

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Hours is when moderators are normally around: the days a window starts
// on, the window's start and end in minutes after midnight (an end at or
// before the start runs past midnight into the next day, and an end equal
// to the start means the whole day), in a time zone, with the words
// members read for it ("UK time"). Published hours without days mean the
// moderators keep no set hours: someone is around only when on duty.
// Until an admin publishes hours, Hearth does not know when moderators
// are around: it says nothing about them and never counts it as out of
// hours.
type Hours struct {
	// Published is true once an admin has saved the hours.
	Published bool
	// Days are indexed by time.Weekday.
	Days       [7]bool
	Start, End int
	Zone       string
	// Label names the zone for members; empty reads as the zone's name.
	Label string
}

// SettingHours names the setting holding the timetable; changing it moves
// every member's settings version (migration 22), so pages may keep it.
const SettingHours = "hours"

// DefaultHours is what the settings page suggests until an admin
// publishes hours: every day, 08:00 to 22:00 UK time. Unpublished, it
// counts for nothing.
var DefaultHours = Hours{Days: [7]bool{true, true, true, true, true, true, true}, Start: 8 * 60, End: 22 * 60,
	Zone: "Europe/London", Label: "UK time"}

// dayKeys are the form and setting values of the days, by time.Weekday.
var dayKeys = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// DayKeys lists the days' keys Monday first, as forms offer them.
func DayKeys() []string { return append(dayKeys[1:7:7], dayKeys[0]) }

// DayName is the English name of the day with key k.
func DayName(k string) string {
	for i, d := range dayKeys {
		if d == k {
			return time.Weekday(i).String()
		}
	}
	return k
}

// Kept reports whether the moderators keep set hours at all.
func (h Hours) Kept() bool { return h.Published && h.Days != [7]bool{} }

// Location is the timetable's time zone (UTC when it cannot be loaded).
func (h Hours) Location() *time.Location {
	loc, err := time.LoadLocation(h.Zone)
	if err != nil || h.Zone == "" {
		return time.UTC
	}
	return loc
}

// ZoneLabel is how members read the time zone.
func (h Hours) ZoneLabel() string {
	if h.Label != "" {
		return h.Label
	}
	return h.Zone + " time"
}

// Clock formats minutes after midnight as HH:MM.
func Clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// Text is the timetable in plain words: "Moderators are around
// 08:00–22:00 UK time, every day."
func (h Hours) Text() string {
	if !h.Published {
		return ""
	}
	if !h.Kept() {
		return "Moderators keep no set hours: someone is around when they are on duty."
	}
	if h.Start == h.End {
		return fmt.Sprintf("Moderators are around all day (%s), %s.", h.ZoneLabel(), h.daysText())
	}
	return fmt.Sprintf("Moderators are around %s–%s %s, %s.", Clock(h.Start), Clock(h.End), h.ZoneLabel(), h.daysText())
}

// daysText says which days the timetable covers.
func (h Hours) daysText() string {
	weekdays := h.Days[1] && h.Days[2] && h.Days[3] && h.Days[4] && h.Days[5]
	switch {
	case weekdays && h.Days[0] && h.Days[6]:
		return "every day"
	case weekdays && !h.Days[0] && !h.Days[6]:
		return "Monday to Friday"
	case h.Days == [7]bool{true, false, false, false, false, false, true}:
		return "at weekends"
	}
	var names []string
	for _, k := range DayKeys() {
		if h.has(k) {
			names = append(names, DayName(k)+"s")
		}
	}
	if len(names) == 1 {
		return "on " + names[0]
	}
	return "on " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func (h Hours) has(key string) bool {
	for i, d := range dayKeys {
		if d == key {
			return h.Days[i]
		}
	}
	return false
}

// window is one stretch of time the timetable covers.
type window struct{ from, to time.Time }

// windows lists the timetable's windows that start between from and to,
// in order, computed in its time zone (so a change of clocks moves them as
// it moves the moderators).
func (h Hours) windows(from, to time.Time) []window {
	if !h.Kept() {
		return nil
	}
	loc := h.Location()
	var out []window
	f := from.In(loc)
	day := time.Date(f.Year(), f.Month(), f.Day()-1, 0, 0, 0, 0, loc)
	for ; day.Before(to); day = time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, loc) {
		if !h.Days[day.Weekday()] {
			continue
		}
		start := time.Date(day.Year(), day.Month(), day.Day(), h.Start/60, h.Start%60, 0, 0, loc)
		endDay := day.Day()
		if h.End <= h.Start {
			endDay++
		}
		end := time.Date(day.Year(), day.Month(), endDay, h.End/60, h.End%60, 0, 0, loc)
		out = append(out, window{start, end})
	}
	return out
}

// Contains reports whether t falls in the timetable.
func (h Hours) Contains(t time.Time) bool {
	for _, w := range h.windows(t.Add(-48*time.Hour), t.Add(time.Minute)) {
		if !t.Before(w.from) && t.Before(w.to) {
			return true
		}
	}
	return false
}

// LastGap is the timetable's out-of-hours stretch that is current at now,
// or the most recent one before it when now is within hours: from the end
// of one window to the start of the next (or to now). ok is false when the
// timetable has no gap in the last eight days (no set hours, or round the
// clock).
func (h Hours) LastGap(now time.Time) (from, to time.Time, ok bool) {
	ws := h.windows(now.Add(-8*24*time.Hour), now.Add(time.Minute))
	var merged []window
	for _, w := range ws {
		if n := len(merged); n > 0 && !w.from.After(merged[n-1].to) {
			if w.to.After(merged[n-1].to) {
				merged[n-1].to = w.to
			}
			continue
		}
		merged = append(merged, w)
	}
	for i := len(merged) - 1; i >= 0; i-- {
		w := merged[i]
		if w.from.After(now) {
			continue
		}
		if !now.Before(w.to) {
			return w.to, now, true
		}
		if i > 0 {
			return merged[i-1].to, w.from, true
		}
		return time.Time{}, time.Time{}, false
	}
	return time.Time{}, time.Time{}, false
}

// Encode is the setting's stored form.
func (h Hours) Encode() string {
	v := url.Values{}
	var days []string
	for i, d := range dayKeys {
		if h.Days[i] {
			days = append(days, d)
		}
	}
	v.Set("days", strings.Join(days, ","))
	v.Set("start", Clock(h.Start))
	v.Set("end", Clock(h.End))
	v.Set("zone", h.Zone)
	v.Set("label", h.Label)
	return v.Encode()
}

// ParseHours reads the stored form as published hours; anything it cannot
// read gives the unpublished default.
func ParseHours(s string) Hours {
	v, err := url.ParseQuery(s)
	if err != nil || s == "" {
		return DefaultHours
	}
	h := Hours{Published: true, Zone: v.Get("zone"), Label: v.Get("label")}
	for _, d := range strings.Split(v.Get("days"), ",") {
		for i, k := range dayKeys {
			if d == k {
				h.Days[i] = true
			}
		}
	}
	var ok1, ok2 bool
	h.Start, ok1 = parseClock(v.Get("start"))
	h.End, ok2 = parseClock(v.Get("end"))
	if !ok1 || !ok2 {
		return DefaultHours
	}
	return h
}

// parseClock reads HH:MM (or H:MM) as minutes after midnight.
func parseClock(s string) (int, bool) {
	hh, mm, found := strings.Cut(strings.TrimSpace(s), ":")
	if !found || len(mm) != 2 || len(hh) < 1 || len(hh) > 2 {
		return 0, false
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// sortedDays returns the keys of the days a form ticked, known ones only,
// in week order.
func sortedDays(keys []string) [7]bool {
	var days [7]bool
	for _, k := range keys {
		for i, d := range dayKeys {
			if k == d {
				days[i] = true
			}
		}
	}
	return days
}

// DayKeyOf is the key of the day with time.Weekday i.
func DayKeyOf(i int) string { return dayKeys[i] }
