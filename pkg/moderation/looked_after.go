package moderation

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// MaxDailyLimit bounds a moderator's soft daily limit.
const MaxDailyLimit = 500

// Tally counts the hard items a moderator opened: crisis, wellbeing
// concerns and trigger-warned posts (one item may be two of them), and
// Hard, the items that were any of them.
type Tally struct {
	Crisis, Wellbeing, Warned, Hard int
}

// CareDay is a moderator's own day: what they opened today and this week,
// their soft limit, and the items they hold.
type CareDay struct {
	Today, Week Tally
	// Limit is the soft daily limit, 0 for none; AtLimit is true once the
	// hard items opened today reach it.
	Limit   int
	AtLimit bool
	// Held are the open items the moderator is looking at.
	Held  []ClaimRow
	Prefs CarePrefs
}

// exposureOf says what kind of hard item a queue item is: crisis when its
// post's words were read as a crisis, a wellbeing concern for any other
// wellbeing item, and trigger-warned when the post (or, for an opening
// post, its thread) carries warnings.
func exposureOf(it QueueItem, p PostRef) Exposure {
	e := Exposure{ItemID: it.ID}
	e.Crisis = p.CrisisLevel == forum.LevelCrisis
	e.Wellbeing = it.Kind == KindWellbeing && !e.Crisis
	tags := p.Tags
	if p.IsOpening() {
		tags = tags.Union(p.ThreadTags)
	}
	e.Warned = !tags.Empty()
	return e
}

// careClock is now in the moderation hours' time zone (UTC when none is
// set), in which a moderator's day and week are counted.
func (s *Service) careClock(ctx context.Context) (time.Time, error) {
	h, err := s.Hours(ctx)
	if err != nil {
		return time.Time{}, err
	}
	return s.now().In(h.Location()), nil
}

// dayKey names the day of t.
func dayKey(t time.Time) string { return t.Format("2006-01-02") }

// weekStart is the Monday 00:00 that begins t's week.
func weekStart(t time.Time) time.Time {
	d := (int(t.Weekday()) + 6) % 7
	y, m, day := t.Date()
	return time.Date(y, m, day-d, 0, 0, 0, 0, t.Location())
}

// OpenItem is a moderator opening one queue item: it returns the item as
// the queue shows it, unfolded, and counts it once a day among what the
// moderator opened when it is a hard item.
func (s *Service) OpenItem(ctx context.Context, a *auth.Actor, itemID int64) (QueueEntry, error) {
	if !auth.IsStaff(a) {
		return QueueEntry{}, forbidden("not staff")
	}
	it, err := s.store.Item(ctx, itemID)
	if err != nil {
		return QueueEntry{}, fmt.Errorf("queue item %d: %w", itemID, err)
	}
	p, err := s.loadPost(ctx, a, it.PostID)
	if err != nil {
		return QueueEntry{}, err
	}
	es, err := s.entries(ctx, a, []QueueRow{{Item: it, PostRef: p}})
	if err != nil {
		return QueueEntry{}, err
	}
	if err := s.withCheckIns(ctx, es); err != nil {
		return QueueEntry{}, err
	}
	if e := exposureOf(it, p); e.Hard() {
		now, err := s.careClock(ctx)
		if err != nil {
			return QueueEntry{}, err
		}
		e.UserID, e.Day, e.OpenedAt = a.ID, dayKey(now), now.UTC()
		if err := s.store.RecordExposure(ctx, &e); err != nil {
			return QueueEntry{}, fmt.Errorf("record exposure: %w", err)
		}
	}
	return es[0], nil
}

// MyDay reads a moderator's own day for the queue's "Your day" panel.
func (s *Service) MyDay(ctx context.Context, a *auth.Actor) (CareDay, error) {
	if !auth.IsStaff(a) {
		return CareDay{}, forbidden("not staff")
	}
	now, err := s.careClock(ctx)
	if err != nil {
		return CareDay{}, err
	}
	var d CareDay
	if d.Prefs, err = s.store.CarePrefs(ctx, a.ID); err != nil {
		return d, fmt.Errorf("care settings: %w", err)
	}
	es, err := s.store.Exposures(ctx, a.ID, weekStart(now).UTC())
	if err != nil {
		return d, fmt.Errorf("exposures: %w", err)
	}
	today := dayKey(now)
	for _, e := range es {
		d.Week.add(e)
		if e.Day == today {
			d.Today.add(e)
		}
	}
	if d.Prefs.DailyLimit != nil {
		d.Limit = *d.Prefs.DailyLimit
		d.AtLimit = d.Today.Hard >= d.Limit
	}
	if d.Held, err = s.store.ClaimsBy(ctx, a.ID); err != nil {
		return d, fmt.Errorf("claims: %w", err)
	}
	return d, nil
}

func (t *Tally) add(e Exposure) {
	if e.Crisis {
		t.Crisis++
	}
	if e.Wellbeing {
		t.Wellbeing++
	}
	if e.Warned {
		t.Warned++
	}
	if e.Hard() {
		t.Hard++
	}
}

// CareSettings returns a moderator's own care settings.
func (s *Service) CareSettings(ctx context.Context, a *auth.Actor) (CarePrefs, error) {
	if !auth.IsStaff(a) {
		return CarePrefs{}, forbidden("not staff")
	}
	return s.store.CarePrefs(ctx, a.ID)
}

// CarePrefsInput is the care settings form: the daily limit as typed
// ("" for none) and whether to show trigger-warned posts unfolded.
type CarePrefsInput struct {
	DailyLimit   string
	UnfoldWarned bool
}

// SaveCareSettings stores a moderator's care settings.
func (s *Service) SaveCareSettings(ctx context.Context, a *auth.Actor, in CarePrefsInput) error {
	if !auth.IsStaff(a) {
		return forbidden("not staff")
	}
	p := CarePrefs{UserID: a.ID, UnfoldWarned: in.UnfoldWarned, UpdatedAt: s.now()}
	if t := strings.TrimSpace(in.DailyLimit); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 1 || n > MaxDailyLimit || !utf8.ValidString(t) {
			v := &forum.ValidationError{}
			v.Add("daily_limit", "Please give a whole number from 1 to 500, or leave it empty for no limit.")
			return v
		}
		p.DailyLimit = &n
	}
	return s.store.SaveCarePrefs(ctx, &p)
}
