package moderation

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/events"
	"hearth/pkg/forum"
)

// SettingInstructions names the escalation instructions admins write for
// the safeguarding leads (the charity's on-call number, local emergency
// procedures). Hearth stores and shows them; it never calls anyone.
const SettingInstructions = "escalation_instructions"

// MaxInstructionsLen bounds the escalation instructions, in characters.
const MaxInstructionsLen = 5000

// EscalationsPerPage is the size of a page of escalations.
const EscalationsPerPage = 25

// EscalationInput is a moderator's escalation of a queue item, a check-in
// or a member to the safeguarding leads.
type EscalationInput struct {
	TargetType string
	TargetID   int64
	Reason     string
}

// Escalate passes a queue item, check-in or member to the safeguarding
// leads with a reason, and writes its audit row in the same transaction.
// Staff who may act on the target may escalate it; a target with an open
// escalation already is an *AlreadyHandledError.
func (s *Service) Escalate(ctx context.Context, a *auth.Actor, in EscalationInput) (Escalation, error) {
	if !auth.IsStaff(a) {
		return Escalation{}, forbidden("not staff")
	}
	e, err := s.escalationTarget(ctx, a, in)
	if err != nil {
		return e, err
	}
	reason := strings.TrimSpace(in.Reason)
	v := &forum.ValidationError{}
	forum.CheckEncoding(v, "reason", reason)
	switch {
	case v.Fields["reason"] != "":
	case reason == "":
		v.Add("reason", "Please say why you are escalating this. The safeguarding leads read it first.")
	case utf8.RuneCountInString(reason) > MaxReasonLen:
		v.Add("reason", "Please keep the reason under 500 characters.")
	}
	if err := v.OrNil(); err != nil {
		return e, err
	}
	now := s.now()
	e.Reason, e.Status, e.By, e.CreatedAt = reason, EscalationOpen, &a.ID, now
	err = s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.AddEscalation(&e); err != nil {
			if !errors.Is(err, forum.ErrConflict) {
				return err
			}
			open, err := tx.OpenEscalation(e.TargetType, e.TargetID)
			if err != nil {
				return err
			}
			return &AlreadyHandledError{At: open.CreatedAt, Action: ActionEscalate}
		}
		if err := tx.Audit(escalationAudit(a.ID, ActionEscalate, e, reason)); err != nil {
			return err
		}
		return tx.Record(escalationEvent(e))
	})
	if err == nil {
		s.bus.Publish(escalationEvent(e))
	}
	return e, err
}

// escalationEvent is what webhooks carry of an escalation: its kind, the
// group and when, never the reason or whom it is about.
func escalationEvent(e Escalation) events.Event {
	ev := events.Event{Kind: events.Escalation, At: e.CreatedAt}
	if e.GroupID != nil {
		ev.GroupID = *e.GroupID
	}
	return ev
}

// escalationTarget checks that a may escalate the target and fills in its
// group, member and post.
func (s *Service) escalationTarget(ctx context.Context, a *auth.Actor, in EscalationInput) (Escalation, error) {
	e := Escalation{TargetType: in.TargetType, TargetID: in.TargetID}
	switch in.TargetType {
	case EscalateItem:
		it, err := s.store.Item(ctx, in.TargetID)
		if err != nil {
			return e, fmt.Errorf("queue item %d: %w", in.TargetID, err)
		}
		p, err := s.loadPost(ctx, a, it.PostID)
		if err != nil {
			return e, err
		}
		e.GroupID, e.SubjectID, e.PostID = &p.GroupID, p.AuthorID, &p.ID
	case EscalateCheckIn:
		r, member, err := s.readCheckIn(ctx, a, in.TargetID)
		if err != nil {
			return e, err
		}
		if member {
			return e, errNoCheckIn(in.TargetID)
		}
		e.GroupID, e.SubjectID, e.PostID = r.GroupID, &r.SubjectID, r.PostID
	case EscalateMember:
		subj, err := s.store.Subject(ctx, in.TargetID)
		if err != nil {
			return e, fmt.Errorf("member %d: %w", in.TargetID, err)
		}
		e.SubjectID = &subj.ID
	default:
		return e, fmt.Errorf("escalation target %q: %w", in.TargetType, forum.ErrNotFound)
	}
	return e, nil
}

// escalationAudit is the audit row of an escalation or its resolution.
func escalationAudit(actorID int64, action string, e Escalation, reason string) *AuditEntry {
	id := e.ID
	return &AuditEntry{ActorID: &actorID, Action: action, TargetType: "escalation", TargetID: &id, GroupID: e.GroupID,
		SubjectID: e.SubjectID, Reason: reason, Detail: e.TargetType, CreatedAt: e.CreatedAt}
}

// EscalationPage is what a safeguarding lead sees: the open escalations,
// oldest first, or the resolved ones, newest first, with the admins'
// instructions.
type EscalationPage struct {
	Escalations  []EscalationRow
	HasNext      bool
	Instructions string
}

// Escalations lists escalations for a safeguarding lead: open ones when
// resolved is false.
func (s *Service) Escalations(ctx context.Context, a *auth.Actor, resolved bool, page int) (EscalationPage, error) {
	if !auth.CanHandleEscalations(a) {
		return EscalationPage{}, forbidden("not a safeguarding lead")
	}
	q := EscalationQuery{Status: EscalationOpen, Offset: max(page, 0) * EscalationsPerPage, Limit: EscalationsPerPage}
	if resolved {
		q.Status = EscalationResolved
	}
	rows, err := s.store.Escalations(ctx, q)
	if err != nil {
		return EscalationPage{}, fmt.Errorf("escalations: %w", err)
	}
	p := EscalationPage{Escalations: rows}
	if len(rows) > EscalationsPerPage {
		p.Escalations, p.HasNext = rows[:EscalationsPerPage], true
	}
	p.Instructions, err = s.Instructions(ctx)
	return p, err
}

// ResolveEscalation closes an open escalation with a lead's note of what
// was done, and audits it, once: the second lead is told it was resolved.
func (s *Service) ResolveEscalation(ctx context.Context, a *auth.Actor, id int64, note string) error {
	if !auth.CanHandleEscalations(a) {
		return forbidden("not a safeguarding lead")
	}
	note = strings.TrimSpace(note)
	v := &forum.ValidationError{}
	forum.CheckEncoding(v, "note", note)
	switch {
	case v.Fields["note"] != "":
	case note == "":
		v.Add("note", "Please note what was done. It goes into the audit log.")
	case utf8.RuneCountInString(note) > MaxReasonLen:
		v.Add("note", "Please keep the note under 500 characters.")
	}
	if err := v.OrNil(); err != nil {
		return err
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		ok, err := tx.ResolveEscalation(id, a.ID, note, now)
		if err != nil {
			return err
		}
		e, err := tx.EscalationByID(id)
		if err != nil {
			return fmt.Errorf("escalation %d: %w", id, err)
		}
		if !ok {
			h := &AlreadyHandledError{Action: ActionEscalationResolve}
			if e.ResolvedAt != nil {
				h.At = *e.ResolvedAt
			}
			return h
		}
		e.CreatedAt = now
		return tx.Audit(escalationAudit(a.ID, ActionEscalationResolve, e, note))
	})
}

// EscalationsOf returns the open escalations of targets of one type, for
// staff showing that something was escalated.
func (s *Service) EscalationsOf(ctx context.Context, a *auth.Actor, targetType string, ids []int64) (map[int64]Escalation, error) {
	out := map[int64]Escalation{}
	if !auth.IsStaff(a) || len(ids) == 0 {
		return out, nil
	}
	es, err := s.store.OpenEscalations(ctx, targetType, ids)
	if err != nil {
		return nil, fmt.Errorf("open escalations: %w", err)
	}
	for _, e := range es {
		out[e.TargetID] = e
	}
	return out, nil
}

// WaitingEscalations counts the open escalations for a safeguarding lead;
// 0 for anyone else.
func (s *Service) WaitingEscalations(ctx context.Context, a *auth.Actor) (int, error) {
	if !auth.CanHandleEscalations(a) {
		return 0, nil
	}
	return s.store.CountOpenEscalations(ctx)
}

// Leads counts the safeguarding leads, so a moderator escalating can be
// told when nobody would see it.
func (s *Service) Leads(ctx context.Context) (int, error) { return s.store.CountLeads(ctx) }

// Instructions returns the escalation instructions admins wrote ("" when
// none).
func (s *Service) Instructions(ctx context.Context) (string, error) {
	settings, err := s.store.Settings(ctx)
	if err != nil {
		return "", fmt.Errorf("settings: %w", err)
	}
	for _, st := range settings {
		if st.Name == SettingInstructions {
			return st.Value, nil
		}
	}
	return "", nil
}

// SetInstructions stores the escalation instructions for an admin, with
// its audit row.
func (s *Service) SetInstructions(ctx context.Context, a *auth.Actor, text string) error {
	if err := s.requireAdmin(a); err != nil {
		return err
	}
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	v := &forum.ValidationError{}
	forum.CheckEncoding(v, "instructions", text)
	if v.Fields["instructions"] == "" && utf8.RuneCountInString(text) > MaxInstructionsLen {
		v.Add("instructions", "Please keep the instructions under 5,000 characters.")
	}
	if err := v.OrNil(); err != nil {
		return err
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.PutSetting(SettingInstructions, text, now); err != nil {
			return err
		}
		id := a.ID
		return tx.Audit(&AuditEntry{ActorID: &id, Action: ActionInstructions, TargetType: "settings", CreatedAt: now})
	})
}
