package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/forum"
	"hearth/pkg/safety"
)

// Safety implements safety.HelplineStore.
type Safety struct{ db *DB }

// NewSafety returns the safety store on db.
func NewSafety(db *DB) *Safety { return &Safety{db: db} }

var _ safety.HelplineStore = (*Safety)(nil)

// safetyAuditRow is an audit_log row written by safety changes (helpline
// edits), in the same transaction as the change.
type safetyAuditRow struct {
	ID         int64     `gorm:"column:id;primaryKey"`
	ActorID    *int64    `gorm:"column:actor_id"`
	Action     string    `gorm:"column:action"`
	TargetType string    `gorm:"column:target_type"`
	TargetID   *int64    `gorm:"column:target_id"`
	Detail     string    `gorm:"column:detail"`
	CreatedAt  time.Time `gorm:"column:created_at"`
}

func (safetyAuditRow) TableName() string { return "audit_log" }

func writeSafetyAudit(tx *gorm.DB, actorID int64, action, targetType string, targetID int64, detail string) error {
	row := safetyAuditRow{ActorID: &actorID, Action: action, TargetType: targetType, TargetID: &targetID, Detail: detail, CreatedAt: time.Now().UTC()}
	return tx.Create(&row).Error
}

// helplineOrder is the constant ordering of helpline lists.
const helplineOrder = "country_code, position, id"

// Helplines implements safety.HelplineStore.
func (s *Safety) Helplines(ctx context.Context) ([]safety.Helpline, error) {
	var hs []safety.Helpline
	err := s.db.read(ctx).Order(helplineOrder).Find(&hs).Error
	return hs, translate(err)
}

// HelplinesIn implements safety.HelplineStore.
func (s *Safety) HelplinesIn(ctx context.Context, codes []string) ([]safety.Helpline, error) {
	var hs []safety.Helpline
	err := s.db.read(ctx).Where("country_code IN ?", codes).Order(helplineOrder).Find(&hs).Error
	return hs, translate(err)
}

// Helpline implements safety.HelplineStore.
func (s *Safety) Helpline(ctx context.Context, id int64) (safety.Helpline, error) {
	var h safety.Helpline
	err := s.db.read(ctx).Where("id = ?", id).Take(&h).Error
	return h, translate(err)
}

func helplineDetail(h *safety.Helpline) string {
	return fmt.Sprintf("%s · %s · %s", h.CountryCode, h.Service, h.Phone)
}

// CreateHelpline implements safety.HelplineStore.
func (s *Safety) CreateHelpline(ctx context.Context, h *safety.Helpline, actorID int64) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(h).Error; err != nil {
			return err
		}
		return writeSafetyAudit(tx, actorID, "helpline_create", "helpline", h.ID, helplineDetail(h))
	})
}

// UpdateHelpline implements safety.HelplineStore.
func (s *Safety) UpdateHelpline(ctx context.Context, h *safety.Helpline, actorID int64) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&safety.Helpline{}).Where("id = ?", h.ID).Updates(map[string]any{
			"country_code": h.CountryCode, "country": h.Country, "service": h.Service, "phone": h.Phone,
			"sms": h.SMS, "web": h.Web, "hours": h.Hours, "languages": h.Languages, "source": h.Source,
			"position": h.Position, "updated_at": h.UpdatedAt,
		})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return forum.ErrNotFound
		}
		return writeSafetyAudit(tx, actorID, "helpline_update", "helpline", h.ID, helplineDetail(h))
	})
}

// DeleteHelpline implements safety.HelplineStore.
func (s *Safety) DeleteHelpline(ctx context.Context, id, actorID int64) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		var h safety.Helpline
		if err := tx.Where("id = ?", id).Take(&h).Error; err != nil {
			return err
		}
		if err := tx.Delete(&safety.Helpline{}, id).Error; err != nil {
			return err
		}
		return writeSafetyAudit(tx, actorID, "helpline_delete", "helpline", id, helplineDetail(&h))
	})
}
