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

// SitePageRows implements moderation.SitePageStore.
func (s *Moderation) SitePageRows(ctx context.Context) ([]moderation.SitePageRow, error) {
	var ps []moderation.SitePageRow
	err := s.db.read(ctx).Order("slug").Find(&ps).Error
	return ps, translate(err)
}

// SetSitePageHTML implements moderation.SitePageStore.
func (s *Moderation) SetSitePageHTML(ctx context.Context, slug, html string) error {
	return translate(s.db.write(ctx).Exec(`UPDATE site_pages SET html = ? WHERE slug = ?`, html, slug).Error)
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
