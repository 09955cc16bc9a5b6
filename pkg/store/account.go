package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// This file implements auth.AccountStore: credentials, recovery codes,
// two-factor codes and settings. Export, deletion and the profile read are
// in account_export.go, account_delete.go and account_profile.go.

// CreateAccount implements auth.AccountStore.
func (s *Auth) CreateAccount(ctx context.Context, u *auth.User, codeHashes []string, now time.Time) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(u).Error; err != nil {
			return err
		}
		return insertRecoveryCodes(tx, u.ID, codeHashes, now)
	})
}

func insertRecoveryCodes(tx *gorm.DB, userID int64, hashes []string, now time.Time) error {
	if len(hashes) == 0 {
		return nil
	}
	rows := make([]auth.RecoveryCode, len(hashes))
	for i, h := range hashes {
		rows[i] = auth.RecoveryCode{UserID: userID, CodeHash: h, CreatedAt: now}
	}
	return tx.Create(&rows).Error
}

// SetPasswordHash implements auth.AccountStore.
func (s *Auth) SetPasswordHash(ctx context.Context, userID int64, hash string, now time.Time) error {
	return updateUser(s.db.write(ctx), userID, map[string]any{"password_hash": hash, "updated_at": now})
}

// updateUser sets columns of one user; forum.ErrNotFound when it is gone.
func updateUser(tx *gorm.DB, userID int64, cols map[string]any) error {
	res := tx.Model(&auth.User{}).Where("id = ?", userID).Updates(cols)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return forum.ErrNotFound
	}
	return nil
}

// ChangePassword implements auth.AccountStore.
func (s *Auth) ChangePassword(ctx context.Context, userID int64, hash string, sess *auth.Session, now time.Time) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := updateUser(tx, userID, map[string]any{"password_hash": hash, "updated_at": now}); err != nil {
			return err
		}
		if err := tx.Where("user_id = ?", userID).Delete(&auth.Session{}).Error; err != nil {
			return err
		}
		return tx.Create(sess).Error
	})
}

// RecoverAccount implements auth.AccountStore. The code is spent by a
// conditional update, so two requests with one code cannot both succeed.
func (s *Auth) RecoverAccount(ctx context.Context, userID int64, codeHash, hash string, now time.Time) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&auth.RecoveryCode{}).Where("user_id = ? AND code_hash = ? AND used_at IS NULL", userID, codeHash).Update("used_at", now)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return forum.ErrNotFound
		}
		if err := updateUser(tx, userID, map[string]any{
			"password_hash": hash, "totp_enabled": false, "totp_secret": "", "totp_last_step": 0, "updated_at": now,
		}); err != nil {
			return err
		}
		return tx.Where("user_id = ?", userID).Delete(&auth.Session{}).Error
	})
}

// ReplaceRecoveryCodes implements auth.AccountStore.
func (s *Auth) ReplaceRecoveryCodes(ctx context.Context, userID int64, hashes []string, now time.Time) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("user_id = ?", userID).Delete(&auth.RecoveryCode{}).Error; err != nil {
			return err
		}
		return insertRecoveryCodes(tx, userID, hashes, now)
	})
}

// UnusedRecoveryCodes implements auth.AccountStore.
func (s *Auth) UnusedRecoveryCodes(ctx context.Context, userID int64) (int, error) {
	var n int64
	err := s.db.read(ctx).Model(&auth.RecoveryCode{}).Where("user_id = ? AND used_at IS NULL", userID).Count(&n).Error
	return int(n), translate(err)
}

// UnusedRecoveryCodeHashes implements auth.AccountStore.
func (s *Auth) UnusedRecoveryCodeHashes(ctx context.Context, userID int64) ([]string, error) {
	var hashes []string
	err := s.db.read(ctx).Model(&auth.RecoveryCode{}).Where("user_id = ? AND used_at IS NULL", userID).Pluck("code_hash", &hashes).Error
	return hashes, translate(err)
}

// SetTOTPSecret implements auth.AccountStore.
func (s *Auth) SetTOTPSecret(ctx context.Context, userID int64, secret string, now time.Time) error {
	res := s.db.write(ctx).Model(&auth.User{}).Where("id = ? AND totp_enabled = ?", userID, false).
		Updates(map[string]any{"totp_secret": secret, "updated_at": now})
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return forum.ErrConflict
	}
	return nil
}

// EnableTOTP implements auth.AccountStore.
func (s *Auth) EnableTOTP(ctx context.Context, userID int64, secret string, step int64, now time.Time) error {
	res := s.db.write(ctx).Model(&auth.User{}).Where("id = ? AND totp_secret = ? AND totp_enabled = ?", userID, secret, false).
		Updates(map[string]any{"totp_enabled": true, "totp_last_step": step, "updated_at": now})
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return forum.ErrConflict
	}
	return nil
}

// UseTOTPStep implements auth.AccountStore: the update only happens when
// step is later than the last one, so a replayed code is refused even when
// two requests race.
func (s *Auth) UseTOTPStep(ctx context.Context, userID int64, step int64) error {
	res := s.db.write(ctx).Model(&auth.User{}).Where("id = ? AND totp_last_step < ?", userID, step).
		Update("totp_last_step", step)
	if res.Error != nil {
		return translate(res.Error)
	}
	if res.RowsAffected == 0 {
		return forum.ErrConflict
	}
	return nil
}

// DisableTOTP implements auth.AccountStore.
func (s *Auth) DisableTOTP(ctx context.Context, userID int64, now time.Time) error {
	return updateUser(s.db.write(ctx), userID, map[string]any{"totp_enabled": false, "totp_secret": "", "updated_at": now})
}

// SetCountry implements auth.AccountStore.
func (s *Auth) SetCountry(ctx context.Context, userID int64, country string, now time.Time) error {
	return updateUser(s.db.write(ctx), userID, map[string]any{"country": country, "updated_at": now})
}

// SetLanguage implements auth.AccountStore.
func (s *Auth) SetLanguage(ctx context.Context, userID int64, code string, now time.Time) error {
	return updateUser(s.db.write(ctx), userID, map[string]any{"language": code, "updated_at": now})
}
