package auth

import "time"

// User is a member's account as stored. It holds no real name, email or
// phone number: Hearth never asks for them.
type User struct {
	ID                int64  `gorm:"column:id;primaryKey"`
	Username          string `gorm:"column:username"`
	UsernameKey       string `gorm:"column:username_key"`
	PasswordHash      string `gorm:"column:password_hash"`
	Role              Role   `gorm:"column:role"`
	ModeratorSiteWide bool   `gorm:"column:moderator_site_wide"`
	// SafeguardingLead is the permission admins grant to receive
	// escalations; a lead may also be a moderator.
	SafeguardingLead bool       `gorm:"column:safeguarding_lead"`
	Status           Status     `gorm:"column:status"`
	StatusUntil      *time.Time `gorm:"column:status_until"`
	StatusReason     string     `gorm:"column:status_reason"`
	Country          string     `gorm:"column:country"`
	// Language is the code of the language the member chose to read
	// Hearth in; empty for none.
	Language    string `gorm:"column:language"`
	TOTPSecret  string `gorm:"column:totp_secret"`
	TOTPEnabled bool   `gorm:"column:totp_enabled"`
	// TOTPLastStep is the time step of the last code accepted; a code of
	// that step or an earlier one is refused as a replay.
	TOTPLastStep int64     `gorm:"column:totp_last_step"`
	CreatedAt    time.Time `gorm:"column:created_at"`
	UpdatedAt    time.Time `gorm:"column:updated_at"`
	// SettingsVersion grows with every change to the member's tag
	// preferences, blocks, breaks and notices (database triggers, migration
	// 16), so the web layer can keep those in memory between requests.
	// Only the triggers change it: GORM writes it on create, never on update.
	SettingsVersion int64 `gorm:"column:settings_version;<-:create"`
	// NoticeVersion grows with every change the member's unread count
	// depends on (database triggers keep it in member_versions and
	// notice_marks, migrations 20 and 25), so the count can be kept in
	// memory between requests. The session lookup reads it; it is not a
	// column of users.
	NoticeVersion int64 `gorm:"-"`
	// Helping, PeerSupporter and SupportActive are the member's part in
	// peer support, read by the session lookup with the member so that
	// every page's header knows, without a query of its own, whether it
	// has anything to ask about them: they asked to help answer new posts,
	// they are a peer supporter in some group, and they have an open or
	// accepted support request, as the member asking or the supporter.
	// They are not columns of users.
	Helping       bool `gorm:"-"`
	PeerSupporter bool `gorm:"-"`
	SupportActive bool `gorm:"-"`
}

// TableName is the table User is stored in.
func (User) TableName() string { return "users" }

// Session is a signed-in browser. TokenHash is the SHA-256 of the cookie's
// token; the token itself is never stored.
type Session struct {
	TokenHash  string    `gorm:"column:token_hash;primaryKey"`
	UserID     int64     `gorm:"column:user_id"`
	Device     string    `gorm:"column:device"`
	CreatedAt  time.Time `gorm:"column:created_at"`
	LastSeenAt time.Time `gorm:"column:last_seen_at"`
	ExpiresAt  time.Time `gorm:"column:expires_at"`
}

// TableName is the table Session is stored in.
func (Session) TableName() string { return "sessions" }

// RecoveryCode is one of a member's one-time recovery codes, stored only as
// HashRecoveryCode of the code. UsedAt is set when it is spent.
type RecoveryCode struct {
	ID        int64      `gorm:"column:id;primaryKey"`
	UserID    int64      `gorm:"column:user_id"`
	CodeHash  string     `gorm:"column:code_hash"`
	UsedAt    *time.Time `gorm:"column:used_at"`
	CreatedAt time.Time  `gorm:"column:created_at"`
}

// TableName is the table RecoveryCode is stored in.
func (RecoveryCode) TableName() string { return "recovery_codes" }

// LoginFailure is one failed attempt counted by the login throttle. Key is
// an opaque keyed hash (see throttle.go), never a name or an address.
type LoginFailure struct {
	ID        int64     `gorm:"column:id;primaryKey"`
	Key       string    `gorm:"column:throttle_key"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// TableName is the table LoginFailure is stored in.
func (LoginFailure) TableName() string { return "login_failures" }

// ActorFor builds the permission view of u; modGroups are the groups a
// group-scoped moderator looks after.
func ActorFor(u User, modGroups []int64) *Actor {
	a := &Actor{ID: u.ID, Role: u.Role, Status: u.Status, SiteWide: u.ModeratorSiteWide, Lead: u.SafeguardingLead, TOTPEnabled: u.TOTPEnabled}
	if u.StatusUntil != nil {
		a.SuspendedUntil = *u.StatusUntil
	}
	if len(modGroups) > 0 {
		a.ModGroups = make(map[int64]bool, len(modGroups))
		for _, g := range modGroups {
			a.ModGroups[g] = true
		}
	}
	return a
}
