package moderation

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// OutOfHours are the protections that apply while no moderator is around
// (outside the timetable, with nobody on duty). Admins choose each.
type OutOfHours struct {
	// ReportThreshold is how many members' reports hide a post out of
	// hours (the usual threshold applies when it is lower).
	ReportThreshold int
	// HoldFirstPosts is how many of a member's first posts in a group
	// wait for a moderator out of hours; 0 holds none.
	HoldFirstPosts int
	// CrisisPanel makes the crisis panel say that nobody is around and
	// lead with the emergency number and the member's helpline.
	CrisisPanel bool
	// Overnight shows moderators, at the top of the queue, what came in
	// while nobody was around, crisis items first.
	Overnight bool
}

// Names of the out-of-hours settings.
const (
	SettingOutOfHoursThreshold = "out_of_hours_report_threshold"
	SettingOutOfHoursHold      = "out_of_hours_hold_first_posts"
	SettingOutOfHoursPanel     = "out_of_hours_crisis_panel"
	SettingOutOfHoursOvernight = "out_of_hours_overnight"
)

// DefaultOutOfHours are the protections until an admin changes them: two
// reports hide a post (instead of three), a member's first post in a group
// waits for a moderator, the crisis panel leads with emergency help, and
// the first moderator back sees the night's items.
var DefaultOutOfHours = OutOfHours{ReportThreshold: 2, HoldFirstPosts: 1, CrisisPanel: true, Overnight: true}

// Cover is whether anyone is around at a moment, and why.
type Cover struct {
	Hours   Hours
	Protect OutOfHours
	// OnDuty is how many moderators have marked themselves on duty.
	OnDuty int
	// InHours is true when the moment falls in the timetable.
	InHours bool
	At      time.Time
}

// Around reports whether a moderator is around: someone on duty (which
// beats the timetable) or the timetable's hours. Until hours are
// published Hearth cannot tell, and never takes it that nobody is.
func (c Cover) Around() bool { return c.OnDuty > 0 || c.InHours || !c.Hours.Published }

// Known reports whether there is anything to tell members: published hours
// or a moderator on duty.
func (c Cover) Known() bool { return c.Hours.Published || c.OnDuty > 0 }

// settingsOf reads the timetable, the protections and the report
// threshold from the site settings, with defaults for what is missing or
// unreadable.
func settingsOf(set []Setting) (Hours, OutOfHours, int) {
	h, o, threshold := DefaultHours, DefaultOutOfHours, DefaultReportThreshold
	for _, x := range set {
		n, err := strconv.Atoi(x.Value)
		switch x.Name {
		case SettingHours:
			h = ParseHours(x.Value)
		case SettingReportThreshold:
			if err == nil && n >= 1 {
				threshold = n
			}
		case SettingOutOfHoursThreshold:
			if err == nil && n >= 1 {
				o.ReportThreshold = n
			}
		case SettingOutOfHoursHold:
			if err == nil && n >= 0 {
				o.HoldFirstPosts = n
			}
		case SettingOutOfHoursPanel:
			o.CrisisPanel = x.Value != "off"
		case SettingOutOfHoursOvernight:
			o.Overnight = x.Value != "off"
		}
	}
	return h, o, threshold
}

// Cover reads who is around now (the service's clock).
func (s *Service) Cover(ctx context.Context) (Cover, error) {
	c, _, err := s.cover(ctx)
	return c, err
}

// cover reads the cover now and the usual report threshold.
func (s *Service) cover(ctx context.Context) (Cover, int, error) {
	now := s.now()
	set, n, err := s.coverRows(ctx, now)
	if err != nil {
		return Cover{}, DefaultReportThreshold, fmt.Errorf("cover: %w", err)
	}
	h, o, threshold := settingsOf(set)
	return Cover{Hours: h, Protect: o, OnDuty: n, InHours: h.Contains(now), At: now}, threshold, nil
}

// CoverCache keeps the site settings between requests, each set under the
// cover version it was read at (hearth/pkg/cache's Cover).
type CoverCache interface {
	Get(version uint64) ([]Setting, bool)
	Put(version uint64, set []Setting)
}

// SetCoverCache makes the service keep the site settings in c while
// nobody is on duty, for requests whose session read the cover's version
// (forum.ReadAhead): those then read nothing. The version moves with
// every change to the settings or to time on duty, in the same
// transaction, so a kept set is exact; while someone is on duty the count
// would change as time passes, so nothing is kept.
func (s *Service) SetCoverCache(c CoverCache) { s.kept = c }

// coverRows are the site settings and how many moderators are on duty at
// now: kept when the request's version matches, else read.
func (s *Service) coverRows(ctx context.Context, now time.Time) ([]Setting, int, error) {
	v, known := forum.ReadAheadOf(ctx).CoverVersion()
	if known && s.kept != nil {
		if set, ok := s.kept.Get(v); ok {
			return set, 0, nil
		}
	}
	set, n, version, err := s.store.Cover(ctx, now)
	if err == nil && n == 0 && s.kept != nil {
		s.kept.Put(version, set)
	}
	return set, n, err
}

// threshold is how many members' reports hide a post now: out of hours,
// the lower of the usual threshold and the out-of-hours one.
func (s *Service) threshold(ctx context.Context) int {
	c, usual, err := s.cover(ctx)
	if err != nil || c.Around() {
		return usual
	}
	return min(usual, c.Protect.ReportThreshold)
}

// Hours reads the timetable alone, for pages that show it.
func (s *Service) Hours(ctx context.Context) (Hours, error) {
	set, err := s.store.Settings(ctx)
	if err != nil {
		return Hours{}, fmt.Errorf("settings: %w", err)
	}
	h, _, _ := settingsOf(set)
	return h, nil
}

// HoldFirstPosts is how many of a member's first posts in a group wait for
// a moderator right now: the out-of-hours setting while nobody is around,
// else 0. Posting asks it (forum.WithOffHours); when the cover cannot be
// read nothing extra is held.
func (s *Service) HoldFirstPosts(ctx context.Context) int {
	c, err := s.Cover(ctx)
	if err != nil || c.Around() {
		return 0
	}
	return c.Protect.HoldFirstPosts
}

// DutySpans are the lengths, in hours, a moderator may go on duty for: a
// forgotten "on duty" must not promise cover all night.
var DutySpans = []int{1, 2, 4, 8, 12}

// Duty is when a moderator's time on duty ends; nil when they are not on
// duty.
func (s *Service) Duty(ctx context.Context, a *auth.Actor) (*time.Time, error) {
	if !auth.IsStaff(a) {
		return nil, forbidden("not staff")
	}
	return s.store.Duty(ctx, a.ID, s.now())
}

// StartDuty marks a moderator on duty for hours hours (one of DutySpans),
// which beats the timetable: while anyone is on duty, members are told a
// moderator is around and the out-of-hours protections rest.
func (s *Service) StartDuty(ctx context.Context, a *auth.Actor, hours int) error {
	if !auth.IsStaff(a) {
		return forbidden("not staff")
	}
	ok := false
	for _, h := range DutySpans {
		ok = ok || h == hours
	}
	if !ok {
		v := &forum.ValidationError{}
		v.Add("duty_hours", "Please choose how long you'll be on duty: 1, 2, 4, 8 or 12 hours.")
		return v
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.StartDuty(a.ID, now, now.Add(time.Duration(hours)*time.Hour)); err != nil {
			return err
		}
		e := entry(Request{Actor: a}, ActionDutyStart, "user", a.ID, 0, nil, now)
		e.Detail = strconv.Itoa(hours) + " hours"
		return tx.Audit(e)
	})
}

// EndDuty marks a moderator off duty.
func (s *Service) EndDuty(ctx context.Context, a *auth.Actor) error {
	if !auth.IsStaff(a) {
		return forbidden("not staff")
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		ok, err := tx.EndDuty(a.ID, now)
		if err != nil || !ok {
			return err
		}
		return tx.Audit(entry(Request{Actor: a}, ActionDutyEnd, "user", a.ID, 0, nil, now))
	})
}
