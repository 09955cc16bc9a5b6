package store

import (
	"context"

	"hearth/pkg/moderation"
)

// SitePage implements moderation.SitePageStore.
func (s *Moderation) SitePage(ctx context.Context, slug string) (moderation.SitePageRow, error) {
	var p moderation.SitePageRow
	err := s.db.read(ctx).Where("slug = ?", slug).Take(&p).Error
	return p, translate(err)
}

// PutSitePage implements moderation.SitePageTx.
func (t *modTx) PutSitePage(p *moderation.SitePageRow) error {
	return translate(t.tx.Exec(`INSERT INTO site_pages (slug, source, html, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (slug) DO UPDATE SET source = excluded.source, html = excluded.html,
			updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		p.Slug, p.Source, p.HTML, p.UpdatedAt, p.UpdatedBy).Error)
}

// DeleteSitePage implements moderation.SitePageTx.
func (t *modTx) DeleteSitePage(slug string) (bool, error) {
	return changed(t.tx.Where("slug = ?", slug).Delete(&moderation.SitePageRow{}))
}
