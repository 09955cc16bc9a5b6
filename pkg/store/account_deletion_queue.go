package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// CountPosts implements auth.AccountStore: how many posts userID wrote.
func (s *Auth) CountPosts(ctx context.Context, userID int64) (int64, error) {
	var n int64
	if err := s.db.read(ctx).Model(&forum.Post{}).Where("author_id = ?", userID).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count the member's posts: %w", err)
	}
	return n, nil
}

// BeginDeletion implements auth.AccountStore: in one transaction the
// account's ways in go (sessions, recovery codes, moderator assignments,
// two-factor secret and password: nobody can sign in as it again) and a
// row says its deletion goes on in mode until DeleteAccount, run by
// FinishDeletions, ends it with the user row. Beginning twice keeps one
// row, with the later mode.
func (s *Auth) BeginDeletion(ctx context.Context, userID int64, mode auth.DeleteMode, now time.Time) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := deleteCredentials(tx, userID, mode, now); err != nil {
			return err
		}
		res := tx.Model(&auth.User{}).Where("id = ?", userID).Updates(map[string]any{
			"password_hash": "", "totp_secret": "", "totp_enabled": false, "updated_at": now,
		})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return forum.ErrNotFound
		}
		return tx.Exec(`INSERT INTO account_deletions (user_id, mode, requested_at) VALUES (?, ?, ?)
			ON CONFLICT (user_id) DO UPDATE SET mode = excluded.mode`, userID, string(mode), now).Error
	})
}

// PendingDeletions implements auth.AccountStore: the accounts whose
// deletion goes on, the longest waiting first.
func (s *Auth) PendingDeletions(ctx context.Context) ([]auth.PendingDeletion, error) {
	var rows []struct {
		UserID int64
		Mode   string
	}
	if err := s.db.write(ctx).Raw(`SELECT user_id, mode FROM account_deletions ORDER BY requested_at, user_id`).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("pending account deletions: %w", err)
	}
	out := make([]auth.PendingDeletion, len(rows))
	for i, r := range rows {
		out[i] = auth.PendingDeletion{UserID: r.UserID, Mode: auth.DeleteMode(r.Mode)}
	}
	return out, nil
}
