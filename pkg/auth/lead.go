package auth

import (
	"context"
	"fmt"
	"unicode/utf8"

	"hearth/pkg/forum"
)

// Audit actions for safeguarding lead appointments.
const (
	AuditLeadGrant  = "lead.grant"
	AuditLeadRevoke = "lead.revoke"
)

const msgLeadNoChange = "That is already so."

// LeadChange makes a member a safeguarding lead or takes it back. ActorID
// and Action are filled in by the service; KeepSession is the token hash
// of the admin's own session, kept when admins appoint themselves.
type LeadChange struct {
	ActorID     int64
	TargetID    int64
	Lead        bool
	Reason      string
	Action      string
	KeepSession string
}

// SetLead applies ch for the admin a: the permission changes, an audit row
// is written and the member's other sessions end, in one transaction. A
// lead has staff powers, so the staff two-factor rule applies to them as
// to moderators. Form problems are a *forum.ValidationError; a non-admin
// gets forum.ErrForbidden.
func (s *Service) SetLead(ctx context.Context, a *Actor, ch LeadChange, keepSession string) error {
	if !CanAppointLead(a) {
		return forum.ErrForbidden
	}
	target, err := s.store.UserByID(ctx, ch.TargetID)
	if err != nil {
		return fmt.Errorf("lead change target: %w", err)
	}
	v := &forum.ValidationError{}
	validReason := utf8.ValidString(ch.Reason)
	ch.Reason = cleanReason(ch.Reason)
	switch {
	case ch.Reason == "" || !validReason:
		v.Add("lead_reason", msgRoleReason)
	case utf8.RuneCountInString(ch.Reason) > maxReason:
		v.Add("lead_reason", msgRoleLong)
	}
	if target.SafeguardingLead == ch.Lead {
		v.Add("lead", msgLeadNoChange)
	}
	if err := v.OrNil(); err != nil {
		return err
	}
	ch.ActorID = a.ID
	ch.Action = AuditLeadRevoke
	if ch.Lead {
		ch.Action = AuditLeadGrant
	}
	if target.ID == a.ID {
		ch.KeepSession = keepSession
	}
	if err := s.store.SetLead(ctx, ch, s.now()); err != nil {
		return fmt.Errorf("change safeguarding lead: %w", err)
	}
	return nil
}
