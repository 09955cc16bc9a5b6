package auth

import "time"

// Role is what a member may do across the site.
type Role string

// The roles. Moderators act within their groups, or everywhere when the
// Actor is SiteWide; admins may do everything moderators may, everywhere,
// plus site administration.
const (
	RoleMember    Role = "member"
	RoleModerator Role = "moderator"
	RoleAdmin     Role = "admin"
)

// Valid reports whether r is one of the known roles.
func (r Role) Valid() bool {
	switch r {
	case RoleMember, RoleModerator, RoleAdmin:
		return true
	}
	return false
}

// Status is an account's standing.
type Status string

// The statuses. A suspension with a zero SuspendedUntil lasts until a
// moderator lifts it.
const (
	StatusActive    Status = "active"
	StatusSuspended Status = "suspended"
	StatusBanned    Status = "banned"
)

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	switch s {
	case StatusActive, StatusSuspended, StatusBanned:
		return true
	}
	return false
}

// Actor is the member a request acts for, as far as permissions go. A nil
// *Actor is a visitor who has not logged in.
type Actor struct {
	ID     int64
	Role   Role
	Status Status
	// SuspendedUntil is when a suspension ends; zero means it has no end
	// date. A future time blocks posting whatever Status says.
	SuspendedUntil time.Time
	// ModGroups are the groups a group-scoped moderator looks after.
	ModGroups map[int64]bool
	// SiteWide makes a moderator a moderator of every group.
	SiteWide bool
	// Lead is a safeguarding lead: they receive escalations and may read
	// every check-in, whatever their role.
	Lead bool
	// TOTPEnabled records that the member has set up two-factor codes.
	TOTPEnabled bool
}
