package moderation

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// The site pages every visitor can read about Hearth itself. Admins edit
// their Markdown at /admin/pages; it is rendered and sanitised like a post
// once, when saved. A page nobody has edited shows Hearth's default text
// (sitepage_text.go).
const (
	PageAbout      = "about"
	PageGuidelines = "guidelines"
	PagePrivacy    = "privacy"
	PageTerms      = "terms"
)

// MaxSitePage bounds a site page's Markdown, in characters.
const MaxSitePage = 50000

// SitePageRow is an edited site page as stored.
type SitePageRow struct {
	Slug      string    `gorm:"column:slug;primaryKey"`
	Source    string    `gorm:"column:source"`
	HTML      string    `gorm:"column:html"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
	UpdatedBy *int64    `gorm:"column:updated_by"`
}

// TableName is the table SitePageRow is stored in.
func (SitePageRow) TableName() string { return "site_pages" }

// SitePage is a site page as readers and the admins' editor see it.
type SitePage struct {
	Slug, Title string
	// Summary says what the page is for, on the admins' list.
	Summary string
	Source  string
	HTML    template.HTML
	// Edited is false while the page shows Hearth's default text.
	Edited    bool
	UpdatedAt time.Time
}

// sitePageInfo is a site page's fixed title and default text.
type sitePageInfo struct {
	slug, title, summary, text string
}

// sitePageList is every site page, in the order admins see them.
var sitePageList = []sitePageInfo{
	{PageAbout, "About Hearth", "What Hearth is and is not, and who runs it.", defaultAbout},
	{PageGuidelines, "Community guidelines", "The guidelines every group shares; each group adds its own.", defaultGuidelines},
	{PagePrivacy, "Privacy notice", "What Hearth keeps about members and visitors, and why.", defaultPrivacy},
	{PageTerms, "Terms of use", "The agreement members accept when they join.", defaultTerms},
}

// sitePageInfoFor returns the page at slug, or false when there is none.
func sitePageInfoFor(slug string) (sitePageInfo, bool) {
	for _, p := range sitePageList {
		if p.slug == slug {
			return p, true
		}
	}
	return sitePageInfo{}, false
}

// pageMarkup renders site pages: the policy of posts, with headings that
// start at h2 under the page's h1 title, where a post's start at h3.
var pageMarkup = markup.New(markup.SitePageHeadings())

// defaultPages renders the default texts once, the first time any is shown.
var defaultPages = sync.OnceValues(func() (map[string]template.HTML, error) {
	md := pageMarkup
	out := make(map[string]template.HTML, len(sitePageList))
	for _, p := range sitePageList {
		h, err := md.Render(p.text)
		if err != nil {
			return nil, fmt.Errorf("default %s page: %w", p.slug, err)
		}
		out[p.slug] = h
	}
	return out, nil
})

// SitePage returns the page at slug: the admins' text, or Hearth's
// default. An unknown slug is forum.ErrNotFound.
func (s *Service) SitePage(ctx context.Context, slug string) (SitePage, error) {
	info, ok := sitePageInfoFor(slug)
	if !ok {
		return SitePage{}, fmt.Errorf("site page %q: %w", slug, forum.ErrNotFound)
	}
	row, err := s.store.SitePage(ctx, slug)
	if errors.Is(err, forum.ErrNotFound) {
		return defaultPage(info)
	}
	if err != nil {
		return SitePage{}, fmt.Errorf("site page %q: %w", slug, err)
	}
	return SitePage{Slug: slug, Title: info.title, Summary: info.summary, Source: row.Source,
		HTML: markup.Stored(row.HTML), Edited: true, UpdatedAt: row.UpdatedAt}, nil
}

func defaultPage(info sitePageInfo) (SitePage, error) {
	pages, err := defaultPages()
	if err != nil {
		return SitePage{}, err
	}
	return SitePage{Slug: info.slug, Title: info.title, Summary: info.summary, Source: info.text, HTML: pages[info.slug]}, nil
}

// InLanguage returns p with its default text as tr translates it, for a
// reader of another language: p itself when admins wrote the page (their
// words are shown as written) or tr leaves the text as it is.
func InLanguage(p SitePage, tr func(string) string) (SitePage, error) {
	text := tr(p.Source)
	if p.Edited || text == p.Source {
		return p, nil
	}
	h, err := pageMarkup.Render(text)
	if err != nil {
		return p, fmt.Errorf("default %s page, translated: %w", p.Slug, err)
	}
	p.Source, p.HTML = text, h
	return p, nil
}

// SitePages lists every site page, for the admins' list.
func (s *Service) SitePages(ctx context.Context, a *auth.Actor) ([]SitePage, error) {
	if err := s.requireAdmin(a); err != nil {
		return nil, err
	}
	out := make([]SitePage, 0, len(sitePageList))
	for _, info := range sitePageList {
		p, err := s.SitePage(ctx, info.slug)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// UpdateSitePage saves source as the text of the page at slug, rendered
// and sanitised once, and audits the change in the same transaction.
func (s *Service) UpdateSitePage(ctx context.Context, a *auth.Actor, slug, source string) error {
	if err := s.requireAdmin(a); err != nil {
		return err
	}
	if _, ok := sitePageInfoFor(slug); !ok {
		return fmt.Errorf("site page %q: %w", slug, forum.ErrNotFound)
	}
	source = strings.TrimSpace(source)
	v := &forum.ValidationError{}
	forum.CheckEncoding(v, "body", source)
	switch n := utf8.RuneCountInString(source); {
	case v.Fields["body"] != "":
	case n == 0:
		v.Add("body", "Please write the page's text, or restore Hearth's default text instead.")
	case n > MaxSitePage:
		v.Add("body", fmt.Sprintf("Please keep the page under %d characters (it has %d).", MaxSitePage, n))
	}
	if err := v.OrNil(); err != nil {
		return err
	}
	h, err := pageMarkup.Render(source)
	if err != nil {
		v.Add("body", "This text can't be displayed: please simplify deeply nested lists or quotes.")
		return v
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		if err := tx.PutSitePage(&SitePageRow{Slug: slug, Source: source, HTML: string(h), UpdatedAt: now, UpdatedBy: &a.ID}); err != nil {
			return err
		}
		return tx.Audit(sitePageAudit(a, slug, "edited", now))
	})
}

// RestoreSitePage returns the page at slug to Hearth's default text.
func (s *Service) RestoreSitePage(ctx context.Context, a *auth.Actor, slug string) error {
	if err := s.requireAdmin(a); err != nil {
		return err
	}
	if _, ok := sitePageInfoFor(slug); !ok {
		return fmt.Errorf("site page %q: %w", slug, forum.ErrNotFound)
	}
	now := s.now()
	return s.store.Atomic(ctx, func(tx Tx) error {
		removed, err := tx.DeleteSitePage(slug)
		if err != nil || !removed {
			return err
		}
		return tx.Audit(sitePageAudit(a, slug, "restored to the default text", now))
	})
}

// RerenderSitePages renders every edited site page's Markdown again with
// the current policy (hearth rerender) and stores the HTML that changed; a
// page showing the default text is rendered when shown. It returns how many
// edited pages there were and how many changed. Nothing is audited: the
// words are the admins' own, unchanged.
func (s *Service) RerenderSitePages(ctx context.Context) (pages, changed int, err error) {
	rows, err := s.store.SitePageRows(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("site pages: %w", err)
	}
	for _, row := range rows {
		h, err := pageMarkup.Render(row.Source)
		if err != nil || string(h) == row.HTML {
			continue
		}
		if err := s.store.SetSitePageHTML(ctx, row.Slug, string(h)); err != nil {
			return len(rows), changed, fmt.Errorf("store site page %q: %w", row.Slug, err)
		}
		changed++
	}
	return len(rows), changed, nil
}

func sitePageAudit(a *auth.Actor, slug, what string, now time.Time) *AuditEntry {
	e := entry(Request{Actor: a}, ActionSettings, "site", 0, 0, nil, now)
	e.TargetID = nil
	e.Detail = slug + " page " + what
	return e
}

// SitePageStore reads the site pages.
type SitePageStore interface {
	// SitePage returns the edited page at slug; forum.ErrNotFound when it
	// shows the default text.
	SitePage(ctx context.Context, slug string) (SitePageRow, error)
	// SitePageRows returns every edited page.
	SitePageRows(ctx context.Context) ([]SitePageRow, error)
	// SetSitePageHTML replaces a page's rendering, keeping its source,
	// time and author (hearth rerender).
	SetSitePageHTML(ctx context.Context, slug, html string) error
}

// SitePageTx changes the site pages inside a transaction.
type SitePageTx interface {
	// PutSitePage stores a page's text, replacing any.
	PutSitePage(p *SitePageRow) error
	// DeleteSitePage removes a page's text; false when it had none.
	DeleteSitePage(slug string) (bool, error)
}
