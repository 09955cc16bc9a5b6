package moderation

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// ClaimFor is how long a claim holds unless its holder releases it or
// steps away: a moderator who closes the tab must not keep an item from
// everyone else all night.
const ClaimFor = 2 * time.Hour

// HandoverFor is how long a hand-over note shows to the next moderators.
const HandoverFor = 24 * time.Hour

// MaxHandoverLen bounds a hand-over note, in characters.
const MaxHandoverLen = 1000

// ClaimedError is returned to a moderator claiming an item someone else is
// looking at.
type ClaimedError struct {
	Holder string
	At     time.Time
}

// Error describes the refusal, for logs.
func (e *ClaimedError) Error() string {
	return "moderation: item held by another moderator since " + e.At.Format(time.RFC3339)
}

// Claims returns who holds which of the items, by item id, leaving out
// claims older than ClaimFor.
func (s *Service) Claims(ctx context.Context, a *auth.Actor, itemIDs []int64) (map[int64]ClaimRow, error) {
	out := map[int64]ClaimRow{}
	if !auth.IsStaff(a) || len(itemIDs) == 0 {
		return out, nil
	}
	rows, err := s.store.Claims(ctx, itemIDs)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	stale := s.now().Add(-ClaimFor)
	for _, r := range rows {
		if r.ClaimedAt.After(stale) {
			out[r.ItemID] = r
		}
	}
	return out, nil
}

// ClaimItem marks a moderator as looking at an open queue item, so others
// see who holds it. An item someone else claimed less than ClaimFor ago is
// a *ClaimedError; a handled item an *AlreadyHandledError.
func (s *Service) ClaimItem(ctx context.Context, a *auth.Actor, itemID int64) error {
	if !auth.IsStaff(a) {
		return forbidden("not staff")
	}
	it, err := s.store.Item(ctx, itemID)
	if err != nil {
		return fmt.Errorf("queue item %d: %w", itemID, err)
	}
	if !auth.CanModerate(a, it.GroupID) {
		return forbidden("item outside the moderator's groups")
	}
	if it.Status != StatusOpen {
		h := &AlreadyHandledError{Action: it.Resolution}
		if it.HandledAt != nil {
			h.At = *it.HandledAt
		}
		return h
	}
	now := s.now()
	var holder ClaimRow
	err = s.store.Atomic(ctx, func(tx Tx) error {
		var err error
		holder, err = tx.ClaimFor(itemID, a.ID, now, now.Add(-ClaimFor))
		return err
	})
	if err != nil {
		return err
	}
	if holder.UserID == 0 {
		return &AlreadyHandledError{}
	}
	if holder.UserID != a.ID {
		return &ClaimedError{Holder: holder.HolderName, At: holder.ClaimedAt}
	}
	return nil
}

// ReleaseItem hands an item the moderator holds back to the queue; false
// when they did not hold it.
func (s *Service) ReleaseItem(ctx context.Context, a *auth.Actor, itemID int64) (bool, error) {
	if !auth.IsStaff(a) {
		return false, forbidden("not staff")
	}
	var ok bool
	err := s.store.Atomic(ctx, func(tx Tx) error {
		var err error
		ok, err = tx.Release(itemID, a.ID)
		return err
	})
	return ok, err
}

// StepAway is what stepping away did.
type StepAway struct {
	// Released is how many items went back to the queue.
	Released int
	// Noted is true when a hand-over note was left.
	Noted bool
	// OffDuty is true when the moderator was on duty and no longer is.
	OffDuty bool
}

// StepAway hands every item the moderator holds back to the queue, takes
// them off duty, and leaves their hand-over note (if they wrote one) for
// the next moderators, in one transaction with its audit row. Nothing is
// lost: the items wait in the queue as before.
func (s *Service) StepAway(ctx context.Context, a *auth.Actor, note string) (StepAway, error) {
	if !auth.IsStaff(a) {
		return StepAway{}, forbidden("not staff")
	}
	note = strings.TrimSpace(strings.ReplaceAll(note, "\r\n", "\n"))
	if !utf8.ValidString(note) || strings.ContainsRune(note, 0) || utf8.RuneCountInString(note) > MaxHandoverLen {
		v := &forum.ValidationError{}
		v.Add("note", "Please keep the hand-over note under 1,000 characters.")
		return StepAway{}, v
	}
	now := s.now()
	var out StepAway
	err := s.store.Atomic(ctx, func(tx Tx) error {
		var err error
		if out.Released, err = tx.ReleaseAll(a.ID); err != nil {
			return err
		}
		if out.OffDuty, err = tx.EndDuty(a.ID, now); err != nil {
			return err
		}
		if note != "" {
			all, groups := auth.ModerationScope(a)
			n := &HandoverNote{AuthorID: a.ID, Body: note, Released: out.Released, SiteWide: all, GroupIDs: groupList(groups), CreatedAt: now}
			if err := tx.AddHandover(n); err != nil {
				return err
			}
			out.Noted = true
		}
		e := entry(Request{Actor: a}, ActionStepAway, "user", a.ID, 0, nil, now)
		e.Detail = strconv.Itoa(out.Released) + " items handed back"
		return tx.Audit(e)
	})
	return out, err
}

// groupList wraps group ids in commas, as HandoverNote.GroupIDs holds them.
func groupList(ids []int64) string {
	var b strings.Builder
	b.WriteByte(',')
	for _, id := range ids {
		b.WriteString(strconv.FormatInt(id, 10))
		b.WriteByte(',')
	}
	return b.String()
}

// shares reports whether a moderator with scope (all, groups) works where
// the note's author did: a site-wide author or reader shares with anyone
// who moderates somewhere, others share a group.
func (n HandoverNote) shares(all bool, groups []int64) bool {
	if all || n.SiteWide {
		return all || len(groups) > 0
	}
	for _, id := range strings.Split(strings.Trim(n.GroupIDs, ","), ",") {
		g, err := strconv.ParseInt(id, 10, 64)
		if err == nil && slices.Contains(groups, g) {
			return true
		}
	}
	return false
}

// Handovers lists the hand-over notes a moderator should see: written in
// the last HandoverFor by someone else who works where they do, and not yet
// dismissed by them.
func (s *Service) Handovers(ctx context.Context, a *auth.Actor) ([]HandoverRow, error) {
	all, groups := auth.ModerationScope(a)
	if !all && len(groups) == 0 {
		return nil, nil
	}
	rows, err := s.store.Handovers(ctx, a.ID, s.now().Add(-HandoverFor))
	if err != nil {
		return nil, fmt.Errorf("hand-over notes: %w", err)
	}
	out := rows[:0]
	for _, r := range rows {
		if r.shares(all, groups) {
			out = append(out, r)
		}
	}
	return out, nil
}

// DismissHandover hides a hand-over note from the moderator dismissing it.
func (s *Service) DismissHandover(ctx context.Context, a *auth.Actor, noteID int64) error {
	if !auth.IsStaff(a) {
		return forbidden("not staff")
	}
	ok, err := s.store.DismissHandover(ctx, noteID, a.ID, s.now())
	if err != nil {
		return fmt.Errorf("dismiss hand-over note: %w", err)
	}
	if !ok {
		return fmt.Errorf("hand-over note %d: %w", noteID, forum.ErrNotFound)
	}
	return nil
}
