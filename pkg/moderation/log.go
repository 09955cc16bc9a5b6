package moderation

import (
	"context"
	"errors"
	"fmt"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// LogPerPage is the size of a page of either log.
const LogPerPage = 50

// AuditFilter narrows the staff audit log.
type AuditFilter struct {
	// Actor is a moderator's pseudonym; "" means anyone.
	Actor string
	// Action is an Action* constant; "" means any.
	Action string
	// GroupSlug is a group; "" means every group the viewer may see.
	GroupSlug string
	// Before continues below this entry id.
	Before int64
}

// AuditPage is a page of the audit log.
type AuditPage struct {
	Entries []AuditRow
	Groups  []forum.Group
	// Next is the id to continue below, 0 on the last page.
	Next int64
}

// Audit lists the audit log for staff: admins and site-wide moderators see
// everything, group moderators what happened in their groups.
func (s *Service) Audit(ctx context.Context, a *auth.Actor, f AuditFilter) (AuditPage, error) {
	if !auth.IsStaff(a) {
		return AuditPage{}, forbidden("not staff")
	}
	all, groups := auth.ModerationScope(a)
	gs, err := s.scopeGroups(ctx, a)
	if err != nil {
		return AuditPage{}, err
	}
	p := AuditPage{Groups: gs}
	q := AuditQuery{All: all, Groups: groups, Action: f.Action, Before: f.Before, Limit: LogPerPage}
	if f.Actor != "" {
		subj, err := s.store.SubjectByName(ctx, f.Actor, auth.PseudonymKey(f.Actor))
		if errors.Is(err, forum.ErrNotFound) {
			return p, nil
		}
		if err != nil {
			return p, fmt.Errorf("actor %q: %w", f.Actor, err)
		}
		q.ActorID = subj.ID
	}
	if f.GroupSlug != "" {
		g, err := s.store.GroupBySlug(ctx, f.GroupSlug)
		if err != nil {
			return AuditPage{}, fmt.Errorf("group %q: %w", f.GroupSlug, err)
		}
		if !auth.CanModerate(a, g.ID) {
			return AuditPage{}, forbidden("audit of a group the moderator does not moderate")
		}
		q.GroupID = g.ID
	}
	rows, err := s.store.Audit(ctx, q)
	if err != nil {
		return p, fmt.Errorf("audit log: %w", err)
	}
	if len(rows) > LogPerPage {
		rows = rows[:LogPerPage]
		p.Next = rows[len(rows)-1].ID
	}
	p.Entries = rows
	return p, nil
}

// PublicPage is a page of the public moderation log.
type PublicPage struct {
	Entries []PublicRow
	Next    int64
}

// PublicLog lists public actions: what was done, why and in which group;
// never who did it, to whom, or the words removed.
func (s *Service) PublicLog(ctx context.Context, before int64) (PublicPage, error) {
	rows, err := s.store.PublicLog(ctx, before, LogPerPage+1)
	if err != nil {
		return PublicPage{}, fmt.Errorf("public log: %w", err)
	}
	var p PublicPage
	if len(rows) > LogPerPage {
		rows = rows[:LogPerPage]
		p.Next = rows[len(rows)-1].ID
	}
	p.Entries = rows
	return p, nil
}
