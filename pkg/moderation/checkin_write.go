package moderation

import (
	"context"
	"fmt"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// CheckInsPerPage is the size of a page of check-ins.
const CheckInsPerPage = 25

// WriteOutcome says what a message in a check-in did.
type WriteOutcome struct {
	// Member is true when the check-in's member wrote it (staff otherwise).
	Member bool
	// Screening is the crisis-language assessment of a member's message.
	Screening forum.Screening
}

// WriteCheckIn adds a message to an open check-in, from its member or the
// staff of its group, and records who wrote it and when. A member's words
// are screened for crisis language: a crisis-level message brings the
// check-in to the top of the queue until staff answer. Staff writing again
// tells the member gently, once until they have looked.
func (s *Service) WriteCheckIn(ctx context.Context, a *auth.Actor, id int64, body string) (WriteOutcome, error) {
	r, member, err := s.readCheckIn(ctx, a, id)
	if err != nil {
		return WriteOutcome{}, err
	}
	if !r.IsOpen() {
		return WriteOutcome{}, closedError(member)
	}
	body, err = checkMessage(body)
	if err != nil {
		return WriteOutcome{}, err
	}
	html, err := s.render(body)
	if err != nil {
		return WriteOutcome{}, err
	}
	out := WriteOutcome{Member: member}
	if member && s.screen != nil {
		out.Screening = s.screen(body)
	}
	now := s.now()
	err = s.store.Atomic(ctx, func(tx Tx) error {
		c, err := tx.LockConversation(id)
		if err != nil {
			return err
		}
		if !c.IsOpen() {
			return closedError(member)
		}
		m := &forum.ConversationMessage{ConversationID: id, AuthorID: &a.ID, FromStaff: !member, BodyMD: body, BodyHTML: html,
			CrisisLevel: int(out.Screening.Level), CreatedAt: now}
		if err := tx.AddMessage(m); err != nil {
			return err
		}
		c.LastMessageAt, c.UpdatedAt, c.Waiting = now, now, member
		switch {
		case !member:
			c.CrisisAt = nil
		case out.Screening.Level >= forum.LevelCrisis:
			c.CrisisAt = &now
		}
		if err := tx.SaveConversation(&c); err != nil {
			return err
		}
		if err := tx.Audit(checkInAudit(a.ID, ActionCheckInMessage, c, now)); err != nil {
			return err
		}
		if member {
			return tx.AckConversationNotices(a.ID, id, now)
		}
		if err := tx.AddParticipant(&forum.ConversationParticipant{ConversationID: id, UserID: a.ID, Role: forum.ParticipantStaff, CreatedAt: now}); err != nil {
			return err
		}
		return noticeOnce(tx, c)
	})
	return out, err
}

// noticeOnce tells the member staff wrote, unless a notice about the
// check-in is still waiting for them.
func noticeOnce(tx Tx, c forum.PrivateConversation) error {
	pending, err := tx.HasConversationNotice(c.SubjectID, c.ID)
	if err != nil || pending {
		return err
	}
	return tx.Notify(checkInNotice(c, checkInReplyNotice, c.UpdatedAt))
}

// closedError refuses a message in a closed check-in, saying what to do.
func closedError(member bool) error {
	v := &forum.ValidationError{}
	if member {
		v.Add("body", "You closed this check-in. Reopen it if you'd like to write again.")
	} else {
		v.Add("body", "This check-in is closed, so nothing more can be written in it.")
	}
	return v
}

// CloseCheckIn closes an open check-in, by its member or the staff of its
// group. A member's closing keeps other check-ins away for CheckInQuiet
// unless they reopen it. Closing a closed check-in is an
// *AlreadyHandledError.
func (s *Service) CloseCheckIn(ctx context.Context, a *auth.Actor, id int64) error {
	_, member, err := s.readCheckIn(ctx, a, id)
	if err != nil {
		return err
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		c, err := tx.LockConversation(id)
		if err != nil {
			return err
		}
		if !c.IsOpen() {
			return alreadyClosed(c)
		}
		c.Status, c.ClosedBy, c.ClosedByMember, c.ClosedAt = forum.ConversationClosed, &a.ID, member, &now
		c.Waiting, c.CrisisAt, c.UpdatedAt = false, nil, now
		if err := tx.SaveConversation(&c); err != nil {
			return err
		}
		if member {
			if err := tx.AckConversationNotices(a.ID, id, now); err != nil {
				return err
			}
		}
		return tx.Audit(checkInAudit(a.ID, ActionCheckInClose, c, now))
	})
}

func alreadyClosed(c forum.PrivateConversation) error {
	h := &AlreadyHandledError{Action: ActionCheckInClose}
	if c.ClosedAt != nil {
		h.At = *c.ClosedAt
	}
	return h
}

// ReopenCheckIn reopens a closed check-in; only its member may. When the
// staff of its group have opened another since, that one stays the only
// open check-in between them: an *OpenCheckInError names it.
func (s *Service) ReopenCheckIn(ctx context.Context, a *auth.Actor, id int64) error {
	_, member, err := s.readCheckIn(ctx, a, id)
	if err != nil {
		return err
	}
	if !member {
		return forbidden("only the member reopens a check-in")
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		c, err := tx.LockConversation(id)
		if err != nil {
			return err
		}
		if c.IsOpen() {
			return &AlreadyHandledError{Action: ActionCheckInReopen}
		}
		if c.GroupID != nil {
			open, err := tx.OpenConversationWith(c.Kind, c.SubjectID, *c.GroupID)
			if err != nil {
				return err
			}
			if open != 0 {
				return &OpenCheckInError{ID: open}
			}
		}
		c.Status, c.ClosedBy, c.ClosedByMember, c.ClosedAt, c.UpdatedAt = forum.ConversationOpen, nil, false, nil, now
		if err := tx.SaveConversation(&c); err != nil {
			return err
		}
		return tx.Audit(checkInAudit(a.ID, ActionCheckInReopen, c, now))
	})
}

// CheckInList is a page of check-ins.
type CheckInList struct {
	CheckIns []CheckInRow
	HasNext  bool
}

// MyCheckIns lists the check-ins staff opened with the member a.
func (s *Service) MyCheckIns(ctx context.Context, a *auth.Actor, page int) (CheckInList, error) {
	if a == nil {
		return CheckInList{}, forbidden("visitor")
	}
	return s.checkInList(ctx, CheckInQuery{SubjectID: a.ID}, page)
}

// StaffCheckIns lists the check-ins of the groups a is staff of: crisis
// replies first, then those waiting for an answer, then open, then closed.
// waiting lists only those whose member wrote last.
func (s *Service) StaffCheckIns(ctx context.Context, a *auth.Actor, waiting bool, page int) (CheckInList, error) {
	if !auth.IsStaff(a) {
		return CheckInList{}, forbidden("not staff")
	}
	all, groups := auth.ModerationScope(a)
	return s.checkInList(ctx, CheckInQuery{All: all || auth.IsLead(a), Groups: groups, Waiting: waiting}, page)
}

func (s *Service) checkInList(ctx context.Context, q CheckInQuery, page int) (CheckInList, error) {
	q.Offset, q.Limit = max(page, 0)*CheckInsPerPage, CheckInsPerPage
	rows, err := s.store.CheckIns(ctx, q)
	if err != nil {
		return CheckInList{}, fmt.Errorf("check-ins: %w", err)
	}
	l := CheckInList{CheckIns: rows}
	if len(rows) > CheckInsPerPage {
		l.CheckIns, l.HasNext = rows[:CheckInsPerPage], true
	}
	return l, nil
}
