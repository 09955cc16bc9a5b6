package moderation

import (
	"context"
	"fmt"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// escalationAuditRows is how many audit rows an escalation's page shows.
const escalationAuditRows = 50

// EscalationDetail is one escalation as a safeguarding lead reads it: the
// escalation with its post, the audit rows about it, its target and its
// member, and the admins' instructions. A lead who is not a moderator
// reads what was escalated to them here, without the moderators' pages.
type EscalationDetail struct {
	Escalation EscalationRow
	Audit      []AuditRow
	// MoreAudit is true when older rows were left out.
	MoreAudit    bool
	Instructions string
}

// EscalationDetail returns an escalation for a safeguarding lead.
func (s *Service) EscalationDetail(ctx context.Context, a *auth.Actor, id int64) (EscalationDetail, error) {
	if !auth.CanHandleEscalations(a) {
		return EscalationDetail{}, forbidden("not a safeguarding lead")
	}
	rows, err := s.store.Escalations(ctx, EscalationQuery{ID: id, Limit: 1})
	if err != nil {
		return EscalationDetail{}, fmt.Errorf("escalation %d: %w", id, err)
	}
	if len(rows) == 0 {
		return EscalationDetail{}, fmt.Errorf("escalation %d: %w", id, forum.ErrNotFound)
	}
	d := EscalationDetail{Escalation: rows[0]}
	e := rows[0].Escalation
	if d.Audit, err = s.store.Audit(ctx, AuditQuery{All: true, About: &e, Limit: escalationAuditRows}); err != nil {
		return d, fmt.Errorf("audit of escalation %d: %w", id, err)
	}
	if len(d.Audit) > escalationAuditRows {
		d.Audit, d.MoreAudit = d.Audit[:escalationAuditRows], true
	}
	d.Instructions, err = s.Instructions(ctx)
	return d, err
}
