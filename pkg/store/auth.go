package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
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

// sessionUserQuery is a live session and its member, every column of
// auth.User in field order (TestSessionUserReadsEveryColumn keeps the two
// in step), with the member's versions and their part in peer support
// (three index probes, so that pages need no query for a member who has
// none).
const sessionUserQuery = sessionColumns + "\n\t" + sessionFrom + "\n\t" + sessionWhere

const (
	sessionColumns = `SELECT u.id, u.username, u.username_key, u.password_hash, u.role, u.moderator_site_wide, u.safeguarding_lead, u.status,
		u.status_until, u.status_reason, u.country, u.language, u.totp_secret, u.totp_enabled, u.totp_last_step,
		u.created_at, u.updated_at, u.settings_version, COALESCE(mv.notices, 0),
		(SELECT COUNT(*) FROM notice_marks nm WHERE nm.user_id = u.id),
		EXISTS (SELECT 1 FROM member_helping mh WHERE mh.user_id = u.id),
		EXISTS (SELECT 1 FROM peer_supporters ps WHERE ps.user_id = u.id),
		EXISTS (SELECT 1 FROM support_requests sr WHERE sr.requester_id = u.id AND sr.status IN ('open', 'accepted'))
			OR EXISTS (SELECT 1 FROM support_requests sr WHERE sr.supporter_id = u.id AND sr.status IN ('open', 'accepted')),
		s.token_hash, s.device, s.created_at, s.last_seen_at, s.expires_at`
	sessionFrom  = `FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN member_versions mv ON mv.user_id = u.id`
	sessionWhere = `WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ?`
)

// SessionUser implements auth.Store. When ctx asks for a thread's head to
// be read ahead (forum.WithReadAhead), it is read in the same statement and
// kept for the request (sessionThreadQuery): a thread page then costs one
// round trip before its posts instead of two.
func (s *Auth) SessionUser(ctx context.Context, tokenHash string, now, idleSince time.Time) (auth.Session, auth.User, error) {
	var (
		u     auth.User
		sess  auth.Session
		marks int64
		head  forum.ThreadHead
		cover uint64
	)
	query, args := sessionUserQuery, []any{tokenHash, now, idleSince}
	dest := []any{&u.ID, &u.Username, &u.UsernameKey, &u.PasswordHash, &u.Role, &u.ModeratorSiteWide, &u.SafeguardingLead, &u.Status,
		&u.StatusUntil, &u.StatusReason, &u.Country, &u.Language, &u.TOTPSecret, &u.TOTPEnabled, &u.TOTPLastStep,
		&u.CreatedAt, &u.UpdatedAt, &u.SettingsVersion, &u.NoticeVersion, &marks,
		&u.Helping, &u.PeerSupporter, &u.SupportActive, &sess.TokenHash, &sess.Device, &sess.CreatedAt, &sess.LastSeenAt, &sess.ExpiresAt}
	ahead := forum.ReadAheadOf(ctx)
	if ahead != nil {
		query, args = sessionThreadQuery, append([]any{ahead.ThreadID()}, args...)
		dest = append(dest, orZero(threadHeadDest(&head)...)...)
		dest = append(dest, &cover)
	}
	found, err := scanOne(s.db.read(ctx), query, args, dest...)
	if err != nil {
		return auth.Session{}, auth.User{}, translate(err)
	}
	if !found {
		return auth.Session{}, auth.User{}, translate(gorm.ErrRecordNotFound)
	}
	if ahead != nil {
		ahead.KeepCover(cover)
		if head.ID != 0 {
			ahead.Keep(head)
		}
	}
	sess.UserID = u.ID
	u.NoticeVersion += marks
	if marks >= foldMarksAt {
		s.db.folds.noticeMarks(s.db, u.ID)
	}
	return sess, u, nil
}

// sessionThreadQuery is sessionUserQuery with a thread's head beside the
// session: its columns are threadHeadQuery's, NULL when there is no such
// thread (then nothing is kept, and the handler's own read says so), and
// last the moderation cover's version (migration 43). The thread's id is
// the first argument.
const sessionThreadQuery = sessionColumns + ", th.*, " + coverVersionQuery + "\n\t" + sessionFrom +
	"\n\tLEFT JOIN (" + threadHeadQuery + ") th ON 1 = 1\n\t" + sessionWhere

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
