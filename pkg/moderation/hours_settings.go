package moderation

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// HoursInput is the administrator's form for moderation hours and the
// out-of-hours protections, as typed. Days are the keys of the ticked
// days ("mon" ... "sun").
type HoursInput struct {
	Days            []string
	Start, End      string
	Zone, Label     string
	ReportThreshold string
	HoldFirstPosts  string
	CrisisPanel     bool
	Overnight       bool
}

// HoursSettings returns the timetable and the protections, for the
// settings page.
func (s *Service) HoursSettings(ctx context.Context, a *auth.Actor) (Hours, OutOfHours, error) {
	if err := s.requireAdmin(a); err != nil {
		return Hours{}, OutOfHours{}, err
	}
	c, _, err := s.cover(ctx)
	return c.Hours, c.Protect, err
}

// maxLabel bounds the words naming the time zone.
const maxLabel = 40

// check validates the form, adding its messages to v.
func (in HoursInput) check(v *forum.ValidationError) (Hours, OutOfHours) {
	h := Hours{Days: sortedDays(in.Days), Zone: strings.TrimSpace(in.Zone), Label: strings.TrimSpace(in.Label)}
	var ok bool
	if h.Start, ok = parseClock(in.Start); !ok {
		v.Add("hours_start", "Please give the time moderators start as HH:MM, such as 08:00.")
	}
	if h.End, ok = parseClock(in.End); !ok {
		v.Add("hours_end", "Please give the time moderators finish as HH:MM, such as 22:00. A time before the start runs past midnight.")
	}
	if _, err := time.LoadLocation(h.Zone); err != nil || h.Zone == "" || strings.EqualFold(h.Zone, "local") {
		v.Add("hours_zone", "Please give a time zone by its name, such as Europe/London, America/New_York or Australia/Sydney.")
	}
	forum.CheckEncoding(v, "hours_zone_label", h.Label)
	forum.CheckEncoding(v, "hours_zone", h.Zone)
	if utf8.RuneCountInString(h.Label) > maxLabel {
		v.Add("hours_zone_label", "Please keep the name of the time zone under 40 characters.")
	}
	o := OutOfHours{CrisisPanel: in.CrisisPanel, Overnight: in.Overnight}
	n, err := strconv.Atoi(strings.TrimSpace(in.ReportThreshold))
	if err != nil || n < 1 || n > MaxReportThreshold {
		v.Add("out_of_hours_report_threshold", "Please enter a whole number from 1 to 100.")
	}
	o.ReportThreshold = n
	n, err = strconv.Atoi(strings.TrimSpace(in.HoldFirstPosts))
	if err != nil || n < 0 || n > maxPremodFirst {
		v.Add("out_of_hours_hold_first_posts", "Please enter a whole number from 0 (hold nothing) to 50.")
	}
	o.HoldFirstPosts = n
	return h, o
}

// UpdateHours saves the moderation hours and the out-of-hours protections.
// Saving the timetable moves every member's settings version (migration
// 22), so every page shows the new hours at once.
func (s *Service) UpdateHours(ctx context.Context, a *auth.Actor, in HoursInput) error {
	if err := s.requireAdmin(a); err != nil {
		return err
	}
	v := &forum.ValidationError{}
	h, o := in.check(v)
	if err := v.OrNil(); err != nil {
		return err
	}
	onOff := map[bool]string{true: "on", false: "off"}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		for _, x := range [][2]string{
			{SettingHours, h.Encode()},
			{SettingOutOfHoursThreshold, strconv.Itoa(o.ReportThreshold)},
			{SettingOutOfHoursHold, strconv.Itoa(o.HoldFirstPosts)},
			{SettingOutOfHoursPanel, onOff[o.CrisisPanel]},
			{SettingOutOfHoursOvernight, onOff[o.Overnight]},
		} {
			if err := tx.PutSetting(x[0], x[1], now); err != nil {
				return err
			}
		}
		e := entry(Request{Actor: a}, ActionSettings, "site", 0, 0, nil, now)
		e.TargetID = nil
		e.Detail = "moderation hours: " + h.Text() + " Out of hours: " + strconv.Itoa(o.ReportThreshold) + " reports hide a post; first " +
			strconv.Itoa(o.HoldFirstPosts) + " posts held; crisis panel " + onOff[o.CrisisPanel] + "; overnight list " + onOff[o.Overnight]
		return tx.Audit(e)
	})
}
