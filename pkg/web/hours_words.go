package web

import (
	"strings"

	"hearth/pkg/i18n"
	"hearth/pkg/moderation"
)

// The moderation hours and who is around, in the reader's words: "Moderators
// are around 08:00–22:00 UK time, every day. Right now nobody is." Built
// here from the timetable rather than translated from moderation's
// English, whose pieces (a span, a list of days) are put together the
// English way.

// dayNames are the keys of the days' plural names, by time.Weekday.
var dayNames = [7]string{msg("Sundays"), msg("Mondays"), msg("Tuesdays"), msg("Wednesdays"),
	msg("Thursdays"), msg("Fridays"), msg("Saturdays")}

// hoursWords is the timetable h in p's language; "" when unpublished.
func hoursWords(p *i18n.Printer, h moderation.Hours) string {
	if !h.Published {
		return ""
	}
	if !h.Kept() {
		return p.T("Moderators keep no set hours: someone is around when they are on duty.")
	}
	zone := p.T("%s time", h.Zone)
	if h.Label != "" {
		zone = p.T(h.Label)
	}
	if h.Start == h.End {
		return p.T("Moderators are around all day (%s), %s.", zone, daysWords(p, h.Days))
	}
	return p.T("Moderators are around %s–%s %s, %s.", moderation.Clock(h.Start), moderation.Clock(h.End), zone, daysWords(p, h.Days))
}

// daysWords says which days the timetable covers.
func daysWords(p *i18n.Printer, d [7]bool) string {
	weekdays := d[1] && d[2] && d[3] && d[4] && d[5]
	switch {
	case weekdays && d[0] && d[6]:
		return p.T("every day")
	case weekdays && !d[0] && !d[6]:
		return p.T("Monday to Friday")
	case d == [7]bool{true, false, false, false, false, false, true}:
		return p.T("at weekends")
	}
	var names []string
	for _, i := range []int{1, 2, 3, 4, 5, 6, 0} {
		if d[i] {
			names = append(names, p.T(dayNames[i]))
		}
	}
	if len(names) == 1 {
		return p.T("on %s", names[0])
	}
	return p.T("on %s and %s", strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// coverNow says who is around right now, without advice; "" when the
// hours are unpublished and nobody is on duty.
func coverNow(p *i18n.Printer, cv moderation.Cover) string {
	switch {
	case cv.OnDuty > 0:
		return p.T("Right now %d moderators are on duty.", cv.OnDuty)
	case cv.InHours:
		return p.T("Right now moderators are around.")
	case !cv.Hours.Published:
		return ""
	}
	return p.T("Right now nobody is.")
}
