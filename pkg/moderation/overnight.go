package moderation

import (
	"context"
	"fmt"
	"time"

	"hearth/pkg/auth"
)

// overnightLimit bounds the items the overnight list shows.
const overnightLimit = 25

// Overnight is what came into the queue while nobody was around: the
// open items created in the timetable's last out-of-hours stretch,
// wellbeing concerns and crisis posts first, then oldest first.
type Overnight struct {
	From, To time.Time
	// Current is true while the stretch goes on (it is out of hours now).
	Current bool
	Entries []QueueEntry
	// More is true when more items came in than are listed.
	More bool
}

// Overnight lists, for a moderator, what came in while nobody was around,
// so the first moderator back sees it first. Empty when the protection is
// off or the timetable has no gap (no set hours, or round the clock).
func (s *Service) Overnight(ctx context.Context, a *auth.Actor) (Overnight, error) {
	if !auth.IsStaff(a) {
		return Overnight{}, forbidden("not staff")
	}
	c, _, err := s.cover(ctx)
	if err != nil || !c.Protect.Overnight {
		return Overnight{}, err
	}
	from, to, ok := c.Hours.LastGap(c.At)
	if !ok {
		return Overnight{}, nil
	}
	all, groups := auth.ModerationScope(a)
	rows, err := s.store.QueueBetween(ctx, QueueQuery{All: all, Groups: groups, Limit: overnightLimit}, from, to)
	if err != nil {
		return Overnight{}, fmt.Errorf("overnight items: %w", err)
	}
	o := Overnight{From: from, To: to, Current: !c.InHours}
	if len(rows) > overnightLimit {
		rows, o.More = rows[:overnightLimit], true
	}
	o.Entries, err = s.entries(ctx, a, rows)
	return o, err
}
