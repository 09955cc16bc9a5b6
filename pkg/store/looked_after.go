package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/moderation"
)

// claimColumns is the allowlisted select list of a claim with its holder
// and the item's post.
const claimColumns = `queue_claims.item_id, queue_claims.user_id, queue_claims.claimed_at, u.username AS holder_name,
	queue_items.post_id, queue_items.group_id, threads.title AS thread_title`

func (s *Moderation) claims(ctx context.Context) *gorm.DB {
	return s.db.read(ctx).Table("queue_claims").Select(claimColumns).
		Joins("JOIN users u ON u.id = queue_claims.user_id").
		Joins("JOIN queue_items ON queue_items.id = queue_claims.item_id").
		Joins("JOIN threads ON threads.id = queue_items.thread_id").
		Where("queue_items.status = ?", moderation.StatusOpen)
}

// CarePrefs implements moderation.LookedAfterStore.
func (s *Moderation) CarePrefs(ctx context.Context, userID int64) (moderation.CarePrefs, error) {
	p := moderation.CarePrefs{UserID: userID}
	err := s.db.read(ctx).Where("user_id = ?", userID).Limit(1).Find(&p).Error
	return p, translate(err)
}

// SaveCarePrefs implements moderation.LookedAfterStore.
func (s *Moderation) SaveCarePrefs(ctx context.Context, p *moderation.CarePrefs) error {
	return translate(s.db.write(ctx).Exec(`INSERT INTO moderator_prefs (user_id, daily_limit, unfold_warned, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET daily_limit = excluded.daily_limit, unfold_warned = excluded.unfold_warned,
		updated_at = excluded.updated_at`, p.UserID, p.DailyLimit, p.UnfoldWarned, p.UpdatedAt).Error)
}

// RecordExposure implements moderation.LookedAfterStore.
func (s *Moderation) RecordExposure(ctx context.Context, e *moderation.Exposure) error {
	return translate(s.db.write(ctx).Exec(`INSERT INTO moderator_exposures (user_id, item_id, day, crisis, wellbeing, warned, opened_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, e.UserID, e.ItemID, e.Day, e.Crisis, e.Wellbeing, e.Warned, e.OpenedAt).Error)
}

// Exposures implements moderation.LookedAfterStore.
func (s *Moderation) Exposures(ctx context.Context, userID int64, since time.Time) ([]moderation.Exposure, error) {
	var es []moderation.Exposure
	err := s.db.read(ctx).Where("user_id = ? AND opened_at >= ?", userID, since).Order("opened_at").Find(&es).Error
	return es, translate(err)
}

// Claims implements moderation.LookedAfterStore.
func (s *Moderation) Claims(ctx context.Context, itemIDs []int64) ([]moderation.ClaimRow, error) {
	var rs []moderation.ClaimRow
	err := s.claims(ctx).Where("queue_claims.item_id IN ?", itemIDs).Find(&rs).Error
	return rs, translate(err)
}

// ClaimsBy implements moderation.LookedAfterStore.
func (s *Moderation) ClaimsBy(ctx context.Context, userID int64) ([]moderation.ClaimRow, error) {
	var rs []moderation.ClaimRow
	err := s.claims(ctx).Where("queue_claims.user_id = ?", userID).Order("queue_claims.claimed_at, queue_claims.item_id").Find(&rs).Error
	return rs, translate(err)
}

// Handovers implements moderation.LookedAfterStore.
func (s *Moderation) Handovers(ctx context.Context, userID int64, since time.Time) ([]moderation.HandoverRow, error) {
	var rs []moderation.HandoverRow
	err := s.db.read(ctx).Table("handover_notes").Select("handover_notes.*, u.username AS author_name").
		Joins("JOIN users u ON u.id = handover_notes.author_id").
		Where("handover_notes.created_at >= ? AND handover_notes.author_id <> ?", since, userID).
		Where("NOT EXISTS (SELECT 1 FROM handover_dismissals d WHERE d.note_id = handover_notes.id AND d.user_id = ?)", userID).
		Order("handover_notes.created_at DESC, handover_notes.id DESC").Limit(20).Find(&rs).Error
	return rs, translate(err)
}

// DismissHandover implements moderation.LookedAfterStore.
func (s *Moderation) DismissHandover(ctx context.Context, noteID, userID int64, at time.Time) (bool, error) {
	var n int64
	if err := s.db.read(ctx).Table("handover_notes").Where("id = ?", noteID).Count(&n).Error; err != nil || n == 0 {
		return false, translate(err)
	}
	err := s.db.write(ctx).Exec(`INSERT INTO handover_dismissals (note_id, user_id, created_at) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, noteID, userID, at).Error
	return err == nil, translate(err)
}

// ClaimFor implements moderation.LookedAfterTx: take over the item's claim
// when it is ours or stale, else add one if nobody holds it; then read
// whoever holds it now (a moderator racing us may have won).
func (t *modTx) ClaimFor(itemID, userID int64, at, staleBefore time.Time) (moderation.ClaimRow, error) {
	res := t.tx.Exec(`UPDATE queue_claims SET user_id = ?, claimed_at = ? WHERE item_id = ? AND (user_id = ? OR claimed_at < ?)`,
		userID, at, itemID, userID, staleBefore)
	if res.Error != nil {
		return moderation.ClaimRow{}, translate(res.Error)
	}
	if res.RowsAffected == 0 {
		err := t.tx.Exec(`INSERT INTO queue_claims (item_id, user_id, claimed_at)
			SELECT id, ?, ? FROM queue_items WHERE id = ? AND status = ? ON CONFLICT (item_id) DO NOTHING`,
			userID, at, itemID, moderation.StatusOpen).Error
		if err != nil {
			return moderation.ClaimRow{}, translate(err)
		}
	}
	var r moderation.ClaimRow
	err := t.tx.Table("queue_claims").Select(claimColumns).
		Joins("JOIN users u ON u.id = queue_claims.user_id").
		Joins("JOIN queue_items ON queue_items.id = queue_claims.item_id").
		Joins("JOIN threads ON threads.id = queue_items.thread_id").
		Where("queue_claims.item_id = ? AND queue_items.status = ?", itemID, moderation.StatusOpen).Limit(1).Find(&r).Error
	return r, translate(err)
}

// Release implements moderation.LookedAfterTx.
func (t *modTx) Release(itemID, userID int64) (bool, error) {
	return changed(t.tx.Exec(`DELETE FROM queue_claims WHERE item_id = ? AND user_id = ?`, itemID, userID))
}

// ReleaseAll implements moderation.LookedAfterTx: it counts the claims on
// open items, and clears the rest too.
func (t *modTx) ReleaseAll(userID int64) (int, error) {
	res := t.tx.Exec(`DELETE FROM queue_claims WHERE user_id = ? AND item_id IN (SELECT id FROM queue_items WHERE status = ?)`,
		userID, moderation.StatusOpen)
	if res.Error != nil {
		return 0, translate(res.Error)
	}
	if err := t.tx.Exec(`DELETE FROM queue_claims WHERE user_id = ?`, userID).Error; err != nil {
		return 0, translate(err)
	}
	return int(res.RowsAffected), nil
}

// AddHandover implements moderation.LookedAfterTx.
func (t *modTx) AddHandover(n *moderation.HandoverNote) error {
	return translate(t.tx.Create(n).Error)
}
