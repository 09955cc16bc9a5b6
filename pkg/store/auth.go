package store

import (
	"context"
	"time"

	"hearth/pkg/auth"
)

// Auth implements auth.Store.
type Auth struct{ db *DB }

// NewAuth returns the accounts store on db.
func NewAuth(db *DB) *Auth { return &Auth{db: db} }

var _ auth.Store = (*Auth)(nil)

// CreateUser implements auth.Store.
func (s *Auth) CreateUser(ctx context.Context, u *auth.User) error {
	return translate(s.db.write(ctx).Create(u).Error)
}

// UserByID implements auth.Store.
func (s *Auth) UserByID(ctx context.Context, id int64) (auth.User, error) {
	var u auth.User
	err := s.db.read(ctx).Where("id = ?", id).Take(&u).Error
	return u, translate(err)
}

// UserByKey implements auth.Store.
func (s *Auth) UserByKey(ctx context.Context, key string) (auth.User, error) {
	var u auth.User
	err := s.db.read(ctx).Where("username_key = ?", key).Take(&u).Error
	return u, translate(err)
}

// ModeratorGroups implements auth.Store.
func (s *Auth) ModeratorGroups(ctx context.Context, userID int64) ([]int64, error) {
	var ids []int64
	err := s.db.read(ctx).Table("moderator_groups").Where("user_id = ?", userID).Order("group_id").Pluck("group_id", &ids).Error
	return ids, translate(err)
}

// CreateSession implements auth.Store.
func (s *Auth) CreateSession(ctx context.Context, sess *auth.Session) error {
	return translate(s.db.write(ctx).Create(sess).Error)
}

// sessionUserRow is the join of a session and its user, read in one query.
type sessionUserRow struct {
	auth.User
	SessTokenHash  string    `gorm:"column:s_token_hash"`
	SessDevice     string    `gorm:"column:s_device"`
	SessCreatedAt  time.Time `gorm:"column:s_created_at"`
	SessLastSeenAt time.Time `gorm:"column:s_last_seen_at"`
	SessExpiresAt  time.Time `gorm:"column:s_expires_at"`
}

// SessionUser implements auth.Store.
func (s *Auth) SessionUser(ctx context.Context, tokenHash string, now, idleSince time.Time) (auth.Session, auth.User, error) {
	var row sessionUserRow
	err := s.db.read(ctx).Table("sessions").
		Select("users.*, sessions.token_hash AS s_token_hash, sessions.device AS s_device, sessions.created_at AS s_created_at, sessions.last_seen_at AS s_last_seen_at, sessions.expires_at AS s_expires_at").
		Joins("JOIN users ON users.id = sessions.user_id").
		Where("sessions.token_hash = ? AND sessions.expires_at > ? AND sessions.last_seen_at > ?", tokenHash, now, idleSince).
		Take(&row).Error
	if err != nil {
		return auth.Session{}, auth.User{}, translate(err)
	}
	sess := auth.Session{TokenHash: row.SessTokenHash, UserID: row.ID, Device: row.SessDevice, CreatedAt: row.SessCreatedAt, LastSeenAt: row.SessLastSeenAt, ExpiresAt: row.SessExpiresAt}
	return sess, row.User, nil
}

// TouchSession implements auth.Store.
func (s *Auth) TouchSession(ctx context.Context, tokenHash string, now time.Time) error {
	return translate(s.db.write(ctx).Model(&auth.Session{}).Where("token_hash = ?", tokenHash).Update("last_seen_at", now).Error)
}

// DeleteSession implements auth.Store.
func (s *Auth) DeleteSession(ctx context.Context, tokenHash string) error {
	return translate(s.db.write(ctx).Where("token_hash = ?", tokenHash).Delete(&auth.Session{}).Error)
}

// DeleteUserSessions implements auth.Store.
func (s *Auth) DeleteUserSessions(ctx context.Context, userID int64, keepHash string) error {
	q := s.db.write(ctx).Where("user_id = ?", userID)
	if keepHash != "" {
		q = q.Where("token_hash <> ?", keepHash)
	}
	return translate(q.Delete(&auth.Session{}).Error)
}

// UserSessions implements auth.Store.
func (s *Auth) UserSessions(ctx context.Context, userID int64, now, idleSince time.Time) ([]auth.Session, error) {
	var ss []auth.Session
	err := s.db.read(ctx).Where("user_id = ? AND expires_at > ? AND last_seen_at > ?", userID, now, idleSince).
		Order("last_seen_at DESC, created_at DESC").Find(&ss).Error
	return ss, translate(err)
}
