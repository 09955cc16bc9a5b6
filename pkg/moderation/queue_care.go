package moderation

import (
	"context"
	"fmt"
	"time"

	"hearth/pkg/auth"
)

// QueueWaitingCheckIns is how many check-ins waiting for an answer the
// queue shows at its top.
const QueueWaitingCheckIns = 10

// withCheckIns adds to each entry the check-ins its author was sent by the
// staff of the item's group since the item was opened, so the queue shows
// whether the member was reached: one read for the whole page.
func (s *Service) withCheckIns(ctx context.Context, entries []QueueEntry) error {
	var authors []int64
	var since time.Time
	for _, e := range entries {
		if e.AuthorID == nil {
			continue
		}
		authors = append(authors, *e.AuthorID)
		if since.IsZero() || e.Item.CreatedAt.Before(since) {
			since = e.Item.CreatedAt
		}
	}
	rows, err := s.store.CheckInsAbout(ctx, authors, since)
	if err != nil {
		return fmt.Errorf("check-ins about authors: %w", err)
	}
	for i, e := range entries {
		for _, r := range rows {
			fromItem := r.ItemID != nil && *r.ItemID == e.Item.ID
			sameGroup := r.GroupID != nil && *r.GroupID == e.Item.GroupID && e.AuthorID != nil && r.SubjectID == *e.AuthorID &&
				!r.CreatedAt.Before(e.Item.CreatedAt)
			if fromItem || sameGroup {
				entries[i].CheckIns = append(entries[i].CheckIns, r)
			}
		}
	}
	return nil
}

// WaitingCheckIns lists the check-ins whose member wrote last, in the
// groups a is staff of, crisis replies first: they lead the queue.
func (s *Service) WaitingCheckIns(ctx context.Context, a *auth.Actor) ([]CheckInRow, bool, error) {
	if !auth.IsStaff(a) {
		return nil, false, forbidden("not staff")
	}
	all, groups := auth.ModerationScope(a)
	rows, err := s.store.CheckIns(ctx, CheckInQuery{All: all || auth.IsLead(a), Groups: groups, Waiting: true, Limit: QueueWaitingCheckIns})
	if err != nil {
		return nil, false, fmt.Errorf("waiting check-ins: %w", err)
	}
	if len(rows) > QueueWaitingCheckIns {
		return rows[:QueueWaitingCheckIns], true, nil
	}
	return rows, false, nil
}
