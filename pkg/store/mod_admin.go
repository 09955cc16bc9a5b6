package store

import (
	"time"

	"hearth/pkg/forum"
)

// CreateGroup implements moderation.Tx.
func (t *modTx) CreateGroup(g *forum.Group) error { return translate(t.tx.Create(g).Error) }

// UpdateGroup implements moderation.Tx: only the settings admins edit.
func (t *modTx) UpdateGroup(g *forum.Group) error {
	return translate(t.tx.Model(&forum.Group{}).Where("id = ?", g.ID).Updates(map[string]any{
		"name": g.Name, "description": g.Description, "guidelines": g.Guidelines, "guidelines_html": g.GuidelinesHTML,
		"premod": g.Premod, "premod_first_n": g.PremodFirstN, "require_tag": g.RequireTag, "allow_anonymous": g.AllowAnonymous, "updated_at": g.UpdatedAt,
	}).Error)
}

// SetArchived implements moderation.Tx.
func (t *modTx) SetArchived(groupID int64, archived bool, at time.Time) (bool, error) {
	return changed(t.tx.Model(&forum.Group{}).Where("id = ? AND archived = ?", groupID, !archived).
		Updates(map[string]any{"archived": archived, "updated_at": at}))
}

// PutSetting implements moderation.Tx.
func (t *modTx) PutSetting(name, value string, at time.Time) error {
	return translate(t.tx.Exec(`INSERT INTO site_settings (name, value, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, name, value, at).Error)
}

// CreateTag implements moderation.Tx.
func (t *modTx) CreateTag(tag *forum.Tag) error {
	return translate(t.tx.Create(tag).Error)
}

// UpdateTag implements moderation.Tx.
func (t *modTx) UpdateTag(slug, name, description string) (bool, error) {
	return changed(t.tx.Model(&forum.Tag{}).Where("slug = ?", slug).Updates(map[string]any{"name": name, "description": description}))
}
