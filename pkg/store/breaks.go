package store

import (
	"context"
	"database/sql"
	"time"

	"hearth/pkg/forum"
)

// Breaks implements forum.BreakStore.
type Breaks struct{ db *DB }

// NewBreaks returns the break store on db.
func NewBreaks(db *DB) *Breaks { return &Breaks{db: db} }

var _ forum.BreakStore = (*Breaks)(nil)

// CreateBreak implements forum.BreakStore.
func (s *Breaks) CreateBreak(ctx context.Context, b *forum.Break) error {
	return translate(s.db.write(ctx).Create(b).Error)
}

// ActiveBreaks implements forum.BreakStore.
func (s *Breaks) ActiveBreaks(ctx context.Context, userID int64, now time.Time) ([]forum.Break, error) {
	var bs []forum.Break
	err := scanRows(s.db.read(ctx), `SELECT id, user_id, scope, group_id, tag, starts_at, ends_at, end_requested_at, created_at
		FROM breaks WHERE user_id = ? AND ends_at > ? AND starts_at <= ? ORDER BY ends_at DESC, id DESC`,
		[]any{userID, now, now}, func(r *sql.Rows) error {
			var b forum.Break
			if err := r.Scan(&b.ID, &b.UserID, &b.Scope, &b.GroupID, &b.Tag, &b.StartsAt, &b.EndsAt, &b.EndRequestedAt, &b.CreatedAt); err != nil {
				return err
			}
			bs = append(bs, b)
			return nil
		})
	return bs, translate(err)
}

// UserBreak implements forum.BreakStore.
func (s *Breaks) UserBreak(ctx context.Context, userID, id int64) (forum.Break, error) {
	var b forum.Break
	err := s.db.read(ctx).Where("id = ? AND user_id = ?", id, userID).Take(&b).Error
	return b, translate(err)
}

// ShortenBreak implements forum.BreakStore.
func (s *Breaks) ShortenBreak(ctx context.Context, userID, id int64, endsAt, at time.Time) error {
	return translate(s.db.write(ctx).Model(&forum.Break{}).
		Where("id = ? AND user_id = ? AND ends_at > ?", id, userID, endsAt).
		Updates(map[string]any{"ends_at": endsAt, "end_requested_at": at}).Error)
}
