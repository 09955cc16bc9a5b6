package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/auth"
)

// FailureTimes implements auth.ThrottleStore.
func (s *Auth) FailureTimes(ctx context.Context, key string, since time.Time) ([]time.Time, error) {
	var times []time.Time
	err := s.db.read(ctx).Model(&auth.LoginFailure{}).Where("throttle_key = ? AND created_at > ?", key, since).
		Order("created_at").Pluck("created_at", &times).Error
	return times, translate(err)
}

// RecordFailure implements auth.ThrottleStore. Expired failures of every
// key are deleted on the way, so the table stays as small as the window.
func (s *Auth) RecordFailure(ctx context.Context, keys []string, now, expireBefore time.Time) error {
	if len(keys) == 0 {
		return nil
	}
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("created_at <= ?", expireBefore).Delete(&auth.LoginFailure{}).Error; err != nil {
			return err
		}
		rows := make([]auth.LoginFailure, len(keys))
		for i, k := range keys {
			rows[i] = auth.LoginFailure{Key: k, CreatedAt: now}
		}
		return tx.Create(&rows).Error
	})
}

// ClearFailures implements auth.ThrottleStore.
func (s *Auth) ClearFailures(ctx context.Context, key string) error {
	return translate(s.db.write(ctx).Where("throttle_key = ?", key).Delete(&auth.LoginFailure{}).Error)
}
