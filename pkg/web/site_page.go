package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// sitePage serves one of the site's own pages: the admins' text, rendered
// when it was saved, or Hearth's default. Anyone may read them, members on
// a break or under a sanction too.
func (s *Server) sitePage(slug string) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx := c.Request().Context()
		p, err := s.deps.Moderation.SitePage(ctx, slug)
		if err != nil {
			return err
		}
		if p, err = moderation.InLanguage(p, func(k string) string { return s.tr(c, k) }); err != nil {
			return err
		}
		p.Title = s.tr(c, p.Title)
		v := SitePageView{Base: s.base(c, p.Title), Page: p}
		if slug == moderation.PageTerms {
			v.MinimumAge = s.deps.Moderation.MinimumAge(ctx)
		}
		return renderPage(c, http.StatusOK, pageSite, v)
	}
}
