package web

import (
	"net/url"
	"strconv"
	"strings"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// HoursForm is the moderation hours form of /admin/settings: the
// timetable and the out-of-hours protections, every field named with
// "hour".
type HoursForm struct {
	// Published is false until an admin first saves the hours.
	Published                       bool
	Days                            []DayChoice
	Start, End, Zone, Label         string
	ReportThreshold, HoldFirstPosts string
	CrisisPanel, Overnight          bool
}

// DayChoice is one day's checkbox.
type DayChoice struct {
	Key, Name string
	Checked   bool
}

// OnOff are the choices of a protection's select.
func (HoursForm) OnOff(on bool) []Option {
	return []Option{{Value: "on", Label: msg("On"), Selected: on}, {Value: "off", Label: msg("Off"), Selected: !on}}
}

// hoursForm shows saved hours and protections.
func hoursForm(h moderation.Hours, o moderation.OutOfHours) HoursForm {
	f := HoursForm{Published: h.Published, Start: moderation.Clock(h.Start), End: moderation.Clock(h.End), Zone: h.Zone, Label: h.Label,
		ReportThreshold: strconv.Itoa(o.ReportThreshold), HoldFirstPosts: strconv.Itoa(o.HoldFirstPosts),
		CrisisPanel: o.CrisisPanel, Overnight: o.Overnight}
	var days []string
	for i, on := range h.Days {
		if on {
			days = append(days, moderation.DayKeyOf(i))
		}
	}
	f.Days = dayChoices(days)
	return f
}

// dayChoices are the seven days, Monday first, ticked as given.
func dayChoices(ticked []string) []DayChoice {
	var out []DayChoice
	for _, k := range moderation.DayKeys() {
		c := DayChoice{Key: k, Name: moderation.DayName(k)}
		for _, t := range ticked {
			c.Checked = c.Checked || t == k
		}
		out = append(out, c)
	}
	return out
}

// hoursInput reads the hours form from a request's form over the saved
// values (a field the request does not carry keeps its saved value), or
// returns ok false when the request carries none of its fields (another
// form of the page was sent). The form's empty hours_days value marks the
// day checkboxes as sent, so that no day ticked means no set hours.
func hoursInput(form url.Values, saved HoursForm) (moderation.HoursInput, HoursForm, bool) {
	sent := false
	for k := range form {
		sent = sent || strings.HasPrefix(k, "hours_") || strings.HasPrefix(k, "out_of_hours_")
	}
	if !sent {
		return moderation.HoursInput{}, HoursForm{}, false
	}
	f := saved
	if ds, ok := form["hours_days"]; ok {
		var days []string
		for _, d := range ds {
			if d != "" {
				days = append(days, d)
			}
		}
		f.Days = dayChoices(days)
	}
	for name, to := range map[string]*string{"hours_start": &f.Start, "hours_end": &f.End, "hours_zone": &f.Zone,
		"hours_zone_label": &f.Label, "out_of_hours_report_threshold": &f.ReportThreshold, "out_of_hours_hold_first_posts": &f.HoldFirstPosts} {
		if vs, ok := form[name]; ok && len(vs) > 0 {
			*to = vs[0]
		}
	}
	for name, to := range map[string]*bool{"out_of_hours_crisis_panel": &f.CrisisPanel, "out_of_hours_overnight": &f.Overnight} {
		if vs, ok := form[name]; ok && len(vs) > 0 {
			*to = vs[len(vs)-1] != "off"
		}
	}
	in := moderation.HoursInput{Start: f.Start, End: f.End, Zone: f.Zone, Label: f.Label,
		ReportThreshold: f.ReportThreshold, HoldFirstPosts: f.HoldFirstPosts, CrisisPanel: f.CrisisPanel, Overnight: f.Overnight}
	// Shown again as typed, unreadable characters marked.
	f.Zone, f.Label = forum.CleanText(f.Zone), forum.CleanText(f.Label)
	for _, d := range f.Days {
		if d.Checked {
			in.Days = append(in.Days, d.Key)
		}
	}
	return in, f, true
}
