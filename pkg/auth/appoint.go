package auth

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"hearth/pkg/forum"
)

// Audit actions for role changes.
const (
	AuditRoleGrant  = "role.grant"
	AuditRoleRevoke = "role.revoke"
)

// maxReason bounds the reason given for a role change.
const maxReason = 500

const (
	msgRoleReason   = "Please give a short reason; it goes into the audit log."
	msgRoleLong     = "Please keep the reason to 500 characters or fewer."
	msgRoleScope    = "Please choose site-wide, or at least one group."
	msgRoleChoice   = "Please choose member or moderator."
	msgRoleSelf     = "You can't change your own role here."
	msgRoleAdmin    = "Admins are appointed and removed with the hearth create-admin command, not here."
	msgRoleNoChange = "That is already their role."
)

// RoleChange makes a member a moderator (site-wide or of some groups) or
// takes it back. ActorID, Action and Detail are filled in by the service.
type RoleChange struct {
	ActorID  int64
	TargetID int64
	Role     Role
	SiteWide bool
	Groups   []int64
	Reason   string
	Action   string
	Detail   string
}

// Person is what the people page shows of a member.
type Person struct {
	User   User
	Groups []int64
}

// FindPerson looks a member up by pseudonym (compared like pseudonyms)
// for an admin.
func (s *Service) FindPerson(ctx context.Context, a *Actor, name string) (Person, error) {
	if !CanAdmin(a) {
		return Person{}, forum.ErrForbidden
	}
	key := PseudonymKey(name)
	if key == "" {
		return Person{}, fmt.Errorf("person: %w", forum.ErrNotFound)
	}
	u, err := s.store.UserByKey(ctx, key)
	if err != nil {
		return Person{}, fmt.Errorf("person: %w", err)
	}
	return s.person(ctx, u)
}

// PersonByID is FindPerson by account id.
func (s *Service) PersonByID(ctx context.Context, a *Actor, id int64) (Person, error) {
	if !CanAdmin(a) {
		return Person{}, forum.ErrForbidden
	}
	u, err := s.store.UserByID(ctx, id)
	if err != nil {
		return Person{}, fmt.Errorf("person: %w", err)
	}
	return s.person(ctx, u)
}

// Staff lists moderators and admins for an admin.
func (s *Service) Staff(ctx context.Context, a *Actor) ([]Person, error) {
	if !CanAdmin(a) {
		return nil, forum.ErrForbidden
	}
	us, err := s.store.StaffUsers(ctx)
	if err != nil {
		return nil, fmt.Errorf("staff: %w", err)
	}
	out := make([]Person, 0, len(us))
	for _, u := range us {
		p, err := s.person(ctx, u)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func (s *Service) person(ctx context.Context, u User) (Person, error) {
	p := Person{User: u}
	if u.Role == RoleModerator && !u.ModeratorSiteWide {
		gs, err := s.store.ModeratorGroups(ctx, u.ID)
		if err != nil {
			return Person{}, fmt.Errorf("moderator groups: %w", err)
		}
		p.Groups = gs
	}
	return p, nil
}

// ChangeRole applies ch for the admin a: the role and scope change, an
// audit row is written and the member's sessions end (so their next
// session carries the new role), all in one transaction. Form problems are
// a *forum.ValidationError; a non-admin gets forum.ErrForbidden.
func (s *Service) ChangeRole(ctx context.Context, a *Actor, ch RoleChange) error {
	if !CanAdmin(a) {
		return forum.ErrForbidden
	}
	target, err := s.store.UserByID(ctx, ch.TargetID)
	if err != nil {
		return fmt.Errorf("role change target: %w", err)
	}
	v := &forum.ValidationError{}
	validReason := utf8.ValidString(ch.Reason)
	ch.Reason = cleanReason(ch.Reason)
	switch {
	case target.ID == a.ID:
		v.Add("role", msgRoleSelf)
	case target.Role == RoleAdmin:
		v.Add("role", msgRoleAdmin)
	case ch.Role != RoleMember && ch.Role != RoleModerator:
		v.Add("role", msgRoleChoice)
	case ch.Role == RoleModerator && !ch.SiteWide && len(ch.Groups) == 0:
		v.Add("scope", msgRoleScope)
	}
	switch {
	case ch.Reason == "" || !validReason:
		v.Add("reason", msgRoleReason)
	case utf8.RuneCountInString(ch.Reason) > maxReason:
		v.Add("reason", msgRoleLong)
	}
	if err := v.OrNil(); err != nil {
		return err
	}
	if ch.Role == RoleMember || ch.SiteWide {
		ch.Groups = nil
	}
	slices.Sort(ch.Groups)
	ch.Groups = slices.Compact(ch.Groups)
	before, err := s.person(ctx, target)
	if err != nil {
		return err
	}
	if before.User.Role == ch.Role && before.User.ModeratorSiteWide == ch.SiteWide && slices.Equal(before.Groups, ch.Groups) {
		v.Add("role", msgRoleNoChange)
		return v
	}
	ch.ActorID = a.ID
	ch.Action = AuditRoleGrant
	if ch.Role == RoleMember {
		ch.Action = AuditRoleRevoke
	}
	ch.Detail = describeRole(before.User.Role, before.User.ModeratorSiteWide, before.Groups) + " -> " + describeRole(ch.Role, ch.SiteWide, ch.Groups)
	if err := s.store.SetRole(ctx, ch, s.now()); err != nil {
		if errors.Is(err, forum.ErrNotFound) {
			// A group was deleted while the form was open.
			v.Add("scope", msgRoleScope)
			return v
		}
		return fmt.Errorf("change role: %w", err)
	}
	return nil
}

// describeRole writes a role for the audit log, such as "moderator of
// groups 1,4" or "moderator (site-wide)".
func describeRole(r Role, siteWide bool, groups []int64) string {
	if r != RoleModerator {
		return string(r)
	}
	if siteWide {
		return "moderator (site-wide)"
	}
	ids := make([]string, len(groups))
	for i, g := range groups {
		ids[i] = fmt.Sprint(g)
	}
	return "moderator of groups " + strings.Join(ids, ",")
}

// cleanReason trims a reason and drops control characters (a NUL byte
// cannot even be stored by PostgreSQL). Check UTF-8 first: this turns
// invalid bytes into U+FFFD.
func cleanReason(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s))
}
