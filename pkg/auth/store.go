package auth

import (
	"context"
	"time"
)

// Store is what the accounts service needs from persistence; hearth/pkg/store
// implements it. Not found is forum.ErrNotFound; a taken pseudonym key is
// forum.ErrConflict. Every method that changes more than one row does so in
// one transaction.
type Store interface {
	CreateUser(ctx context.Context, u *User) error
	UserByID(ctx context.Context, id int64) (User, error)
	UserByKey(ctx context.Context, key string) (User, error)
	// ModeratorGroups lists the groups a group-scoped moderator looks after.
	ModeratorGroups(ctx context.Context, userID int64) ([]int64, error)

	CreateSession(ctx context.Context, s *Session) error
	// SessionUser returns the live session with tokenHash and its user:
	// not expired at now and seen since idleSince.
	SessionUser(ctx context.Context, tokenHash string, now, idleSince time.Time) (Session, User, error)
	TouchSession(ctx context.Context, tokenHash string, now time.Time) error
	DeleteSession(ctx context.Context, tokenHash string) error
	// DeleteUserSessions ends every session of userID except keepHash.
	DeleteUserSessions(ctx context.Context, userID int64, keepHash string) error
	// UserSessions lists userID's live sessions, most recently seen first.
	UserSessions(ctx context.Context, userID int64, now, idleSince time.Time) ([]Session, error)

	AccountStore
	ThrottleStore
	RoleStore
}

// AccountStore keeps a member's own account data: credentials, recovery
// codes, two-factor codes, settings, export and deletion.
type AccountStore interface {
	// CreateAccount inserts u and the hashes of its first recovery codes.
	CreateAccount(ctx context.Context, u *User, codeHashes []string, now time.Time) error
	// SetPasswordHash stores a new hash for userID (a rehash at login).
	SetPasswordHash(ctx context.Context, userID int64, hash string, now time.Time) error
	// ChangePassword stores hash, ends every session of userID and
	// creates sess instead, in one transaction.
	ChangePassword(ctx context.Context, userID int64, hash string, sess *Session, now time.Time) error
	// RecoverAccount spends userID's unused recovery code codeHash, stores
	// hash, turns two-factor codes off and ends every session of userID.
	// forum.ErrNotFound when no unused code has that hash.
	RecoverAccount(ctx context.Context, userID int64, codeHash, hash string, now time.Time) error
	// ReplaceRecoveryCodes deletes userID's codes and stores hashes instead.
	ReplaceRecoveryCodes(ctx context.Context, userID int64, hashes []string, now time.Time) error
	// UnusedRecoveryCodes counts userID's codes not yet spent.
	UnusedRecoveryCodes(ctx context.Context, userID int64) (int, error)
	// UnusedRecoveryCodeHashes returns the hashes of userID's codes not
	// yet spent.
	UnusedRecoveryCodeHashes(ctx context.Context, userID int64) ([]string, error)

	// SetTOTPSecret stores a new, not yet confirmed, TOTP secret.
	SetTOTPSecret(ctx context.Context, userID int64, secret string, now time.Time) error
	// EnableTOTP turns two-factor codes on when userID's pending secret is
	// still secret, recording step as used; forum.ErrConflict otherwise.
	EnableTOTP(ctx context.Context, userID int64, secret string, step int64, now time.Time) error
	// UseTOTPStep records step as userID's last accepted code when it is
	// later than the last one; forum.ErrConflict for a replayed code.
	UseTOTPStep(ctx context.Context, userID int64, step int64) error
	// DisableTOTP turns two-factor codes off and forgets the secret.
	DisableTOTP(ctx context.Context, userID int64, now time.Time) error

	// SetCountry stores the country crisis resources are chosen by.
	SetCountry(ctx context.Context, userID int64, country string, now time.Time) error
	// SetLanguage stores the language the member reads Hearth in.
	SetLanguage(ctx context.Context, userID int64, code string, now time.Time) error

	// Export gathers everything userID wrote or set.
	Export(ctx context.Context, userID int64) (Export, error)
	// DeleteAccount removes userID and its sessions, codes and settings,
	// anonymising or erasing what it wrote as mode says. When it fails
	// after some posts were done in transactions of their own, the error
	// is an *UnfinishedDeletionError.
	DeleteAccount(ctx context.Context, userID int64, mode DeleteMode, now time.Time) error
	// CountPosts is how many posts userID wrote.
	CountPosts(ctx context.Context, userID int64) (int64, error)
	// BeginDeletion ends every way into userID's account (sessions,
	// recovery codes, two-factor secret, password) and records that its
	// deletion in mode goes on, in one transaction.
	BeginDeletion(ctx context.Context, userID int64, mode DeleteMode, now time.Time) error
	// PendingDeletions lists the deletions begun and not yet finished,
	// the longest waiting first.
	PendingDeletions(ctx context.Context) ([]PendingDeletion, error)
	// RecentPosts lists userID's latest visible posts in visible threads.
	RecentPosts(ctx context.Context, userID int64, limit int) ([]ProfilePost, error)
}

// ThrottleStore counts failed attempts under opaque keys (see throttle.go).
type ThrottleStore interface {
	// FailureTimes returns when key failed since since, oldest first.
	FailureTimes(ctx context.Context, key string, since time.Time) ([]time.Time, error)
	// RecordFailure adds a failure at now under each key and forgets
	// failures older than expireBefore.
	RecordFailure(ctx context.Context, keys []string, now, expireBefore time.Time) error
	// ClearFailures forgets key's failures.
	ClearFailures(ctx context.Context, key string) error
}

// RoleStore changes roles; each change writes its audit row in the same
// transaction and ends the member's sessions.
type RoleStore interface {
	// SetRole applies ch to the member and audits it.
	SetRole(ctx context.Context, ch RoleChange, now time.Time) error
	// MakeAdmin gives userID the admin role and the password hash, ending
	// its sessions, and audits it as done from the command line.
	MakeAdmin(ctx context.Context, userID int64, hash string, now time.Time) error
	// SetLead applies ch to the member and audits it, ending their
	// sessions but ch.KeepSession.
	SetLead(ctx context.Context, ch LeadChange, now time.Time) error
	// StaffUsers lists moderators, admins and safeguarding leads by name.
	StaffUsers(ctx context.Context) ([]User, error)
}
