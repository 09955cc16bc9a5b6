package auth

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// This file is the one place that answers "may this actor do X to Y".
// Handlers, services and templates ask these functions and never compare
// roles themselves.
//
// Staff powers need Status to be exactly StatusActive: a suspended or
// banned moderator or admin, or one with a status this code does not
// know, has no powers at all. Unknown roles and statuses are refused
// rather than guessed at.

// ErrLoginRequired is returned by CanPost for a visitor.
var ErrLoginRequired = errors.New("auth: log in to post")

// SanctionError explains why a member may not post: a ban, or a suspension
// and when it ends.
type SanctionError struct {
	// Status is StatusBanned or StatusSuspended.
	Status Status
	// Until is when a suspension ends; zero for a ban or a suspension
	// without an end date.
	Until time.Time
}

// Error describes the sanction, with the end of a suspension in UTC.
func (e *SanctionError) Error() string {
	switch {
	case e.Status == StatusBanned:
		return "auth: account is banned"
	case e.Until.IsZero():
		return "auth: account is suspended until a moderator lifts the suspension"
	}
	return "auth: account is suspended until " + e.Until.UTC().Format("2 January 2006 15:04 MST")
}

// CanPost reports whether a may start threads and reply at now: nil when
// allowed, ErrLoginRequired for a visitor, a *SanctionError for a banned or
// suspended member, and an error for an unknown status.
func CanPost(a *Actor, now time.Time) error {
	if a == nil {
		return ErrLoginRequired
	}
	switch a.Status {
	case StatusBanned:
		return &SanctionError{Status: StatusBanned}
	case StatusSuspended:
		if a.SuspendedUntil.IsZero() {
			return &SanctionError{Status: StatusSuspended}
		}
	case StatusActive:
	default:
		return fmt.Errorf("auth: unknown account status %q", a.Status)
	}
	// Checked for every status so that a suspension recorded only as a date
	// still holds, and one whose date has passed ends without anyone having
	// to lift it.
	if now.Before(a.SuspendedUntil) {
		return &SanctionError{Status: StatusSuspended, Until: a.SuspendedUntil}
	}
	return nil
}

func inGoodStanding(a *Actor) bool {
	return a != nil && a.Status == StatusActive
}

// IsStaff reports whether a is an active moderator (of any scope), admin
// or safeguarding lead.
func IsStaff(a *Actor) bool {
	return inGoodStanding(a) && (a.Role == RoleModerator || a.Role == RoleAdmin || a.Lead)
}

// IsLead reports whether a is an active safeguarding lead.
func IsLead(a *Actor) bool {
	return inGoodStanding(a) && a.Lead
}

// CanAdmin reports whether a may use site administration.
func CanAdmin(a *Actor) bool {
	return inGoodStanding(a) && a.Role == RoleAdmin
}

// CanModerate reports whether a may moderate in the group groupID. A
// groupID of 0 means the whole site (site-wide sanctions, every group's
// queue at once), which only admins and site-wide moderators may do.
func CanModerate(a *Actor, groupID int64) bool {
	if !inGoodStanding(a) {
		return false
	}
	switch a.Role {
	case RoleAdmin:
		return true
	case RoleModerator:
		return a.SiteWide || (groupID > 0 && a.ModGroups[groupID])
	}
	return false
}

// ModerationScope says which groups a may moderate, for filtering the
// queue: every group when all is true, otherwise the listed groups in
// ascending order (none for someone who is not staff).
func ModerationScope(a *Actor) (all bool, groups []int64) {
	if !IsStaff(a) {
		return false, nil
	}
	if a.Role == RoleAdmin || a.SiteWide {
		return true, nil
	}
	for id, ok := range a.ModGroups {
		if ok && id > 0 {
			groups = append(groups, id)
		}
	}
	slices.Sort(groups)
	return false, groups
}

// CanEditPost reports whether a may edit a post written by authorID. Only
// authors edit, and only while in good standing; moderators redact instead
// of editing, so the audit log shows what they changed and why.
func CanEditPost(a *Actor, authorID int64) bool {
	return inGoodStanding(a) && authorID != 0 && a.ID == authorID
}

// CanSanction reports whether a may warn, suspend or ban target in
// groupID (0 for a site-wide sanction). Nobody may sanction themselves.
// Admins may sanction anyone else, other admins included. Moderators may
// sanction only ordinary members, and only where they moderate: never an
// admin or another moderator, whatever that person's scope.
func CanSanction(a *Actor, target *Actor, groupID int64) bool {
	if target == nil || !inGoodStanding(a) || a.ID == target.ID {
		return false
	}
	switch a.Role {
	case RoleAdmin:
		return true
	case RoleModerator:
		return target.Role == RoleMember && CanModerate(a, groupID)
	}
	return false
}

// CanViewHeld reports whether a may see a post held for review, written by
// authorID in groupID: its author may (it is their own words), and so may
// whoever moderates that group.
func CanViewHeld(a *Actor, authorID, groupID int64) bool {
	if a == nil {
		return false
	}
	return (authorID != 0 && a.ID == authorID) || CanModerate(a, groupID)
}

// StaffNeedsTOTP reports whether a must set up two-factor codes before
// using staff powers: true for staff without TOTP when requireTOTP (the
// HEARTH_STAFF_TOTP setting) is on.
func StaffNeedsTOTP(a *Actor, requireTOTP bool) bool {
	return requireTOTP && IsStaff(a) && !a.TOTPEnabled
}

// ActingActor is the actor a request acts as. Staff who must set up
// two-factor codes first (StaffNeedsTOTP) act with a member's powers only,
// on every page, so a password alone never carries staff powers: not the
// queue, and not held posts or locked threads on ordinary pages either.
// withheld reports that, so the caller can send them to set codes up.
func ActingActor(a *Actor, requireTOTP bool) (acting *Actor, withheld bool) {
	if !StaffNeedsTOTP(a, requireTOTP) {
		return a, false
	}
	m := *a
	m.Role, m.SiteWide, m.ModGroups, m.Lead = RoleMember, false, nil, false
	return &m, true
}

// CanChangeRole reports whether a may change the role of the account
// targetID, whose role is targetRole: admins may, except their own and
// another admin's (admins are appointed with hearth create-admin).
func CanChangeRole(a *Actor, targetID int64, targetRole Role) bool {
	return CanAdmin(a) && targetID != a.ID && targetRole != RoleAdmin
}

// CanCheckIn reports whether a is staff of the group groupID for private
// check-ins: may open one with a member of it, read and write in it. That
// is whoever moderates the group, and safeguarding leads.
func CanCheckIn(a *Actor, groupID int64) bool {
	return groupID > 0 && (CanModerate(a, groupID) || IsLead(a))
}

// CanHandleEscalations reports whether a sees the escalation queue and
// resolves escalations: safeguarding leads only.
func CanHandleEscalations(a *Actor) bool { return IsLead(a) }

// CanAppointLead reports whether a may make someone a safeguarding lead or
// take it back: admins, for anyone, themselves included (a small charity's
// one admin is often its lead).
func CanAppointLead(a *Actor) bool { return CanAdmin(a) }
