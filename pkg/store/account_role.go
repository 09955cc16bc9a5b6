package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/auth"
)

// SetRole implements auth.RoleStore: role, scope, audit row and the end
// of the member's sessions in one transaction.
func (s *Auth) SetRole(ctx context.Context, ch auth.RoleChange, now time.Time) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := updateUser(tx, ch.TargetID, map[string]any{"role": string(ch.Role), "moderator_site_wide": ch.SiteWide, "updated_at": now}); err != nil {
			return err
		}
		if err := tx.Table("moderator_groups").Where("user_id = ?", ch.TargetID).Delete(nil).Error; err != nil {
			return err
		}
		for _, g := range ch.Groups {
			if err := tx.Table("moderator_groups").Create(map[string]any{"user_id": ch.TargetID, "group_id": g, "created_at": now}).Error; err != nil {
				return err
			}
		}
		if err := writeRoleAudit(tx, &ch.ActorID, ch.Action, ch.TargetID, ch.Reason, ch.Detail, now); err != nil {
			return err
		}
		return tx.Where("user_id = ?", ch.TargetID).Delete(&auth.Session{}).Error
	})
}

// MakeAdmin implements auth.RoleStore.
func (s *Auth) MakeAdmin(ctx context.Context, userID int64, hash string, now time.Time) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		var before auth.User
		if err := tx.Where("id = ?", userID).Take(&before).Error; err != nil {
			return err
		}
		if err := updateUser(tx, userID, map[string]any{"role": string(auth.RoleAdmin), "moderator_site_wide": false, "password_hash": hash, "updated_at": now}); err != nil {
			return err
		}
		if err := tx.Table("moderator_groups").Where("user_id = ?", userID).Delete(nil).Error; err != nil {
			return err
		}
		detail := string(before.Role) + " -> admin"
		if err := writeRoleAudit(tx, nil, auth.AuditRoleGrant, userID, "hearth create-admin", detail, now); err != nil {
			return err
		}
		return tx.Where("user_id = ?", userID).Delete(&auth.Session{}).Error
	})
}

// writeRoleAudit adds the audit row of a role change; actorID is nil for
// the command line. Role changes are not public: the public moderation log
// is about content, not about who moderates.
func writeRoleAudit(tx *gorm.DB, actorID *int64, action string, targetID int64, reason, detail string, now time.Time) error {
	return tx.Table("audit_log").Create(map[string]any{
		"actor_id": actorID, "action": action, "target_type": "user", "target_id": targetID, "subject_id": targetID,
		"reason": reason, "detail": detail, "public": false, "created_at": now,
	}).Error
}

// StaffUsers implements auth.RoleStore.
func (s *Auth) StaffUsers(ctx context.Context) ([]auth.User, error) {
	var us []auth.User
	err := s.db.read(ctx).Where("role IN ? OR safeguarding_lead", []string{string(auth.RoleModerator), string(auth.RoleAdmin)}).Order("username_key").Find(&us).Error
	return us, translate(err)
}

// SetLead implements auth.RoleStore: the permission, its audit row and the
// end of the member's sessions (but the one kept) in one transaction.
func (s *Auth) SetLead(ctx context.Context, ch auth.LeadChange, now time.Time) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := updateUser(tx, ch.TargetID, map[string]any{"safeguarding_lead": ch.Lead, "updated_at": now}); err != nil {
			return err
		}
		detail := "safeguarding lead"
		if !ch.Lead {
			detail = "no longer a safeguarding lead"
		}
		if err := writeRoleAudit(tx, &ch.ActorID, ch.Action, ch.TargetID, ch.Reason, detail, now); err != nil {
			return err
		}
		return tx.Where("user_id = ? AND token_hash <> ?", ch.TargetID, ch.KeepSession).Delete(&auth.Session{}).Error
	})
}
