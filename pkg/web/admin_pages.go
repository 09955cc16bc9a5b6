package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// adminPages lists the site pages, each with whether it has been edited.
func (s *Server) adminPages(c echo.Context) error {
	ps, err := s.deps.Moderation.SitePages(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageAdminPages, AdminPagesView{Base: s.base(c, s.tr(c, "Site pages")), Pages: ps})
}

// adminPageEdit is the editor of one site page.
func (s *Server) adminPageEdit(c echo.Context) error {
	v, err := s.adminPageView(c)
	if err != nil {
		return err
	}
	v.Body = v.Page.Source
	return renderPage(c, http.StatusOK, pageAdminPageEdit, v)
}

// adminPageView is the editor's view of the page named in the path (the
// route lets only admins in; saving checks again).
func (s *Server) adminPageView(c echo.Context) (AdminPageView, error) {
	p, err := s.deps.Moderation.SitePage(c.Request().Context(), c.Param("slug"))
	if err != nil {
		return AdminPageView{}, err
	}
	return AdminPageView{Base: s.base(c, s.tr(c, "Edit: %s", s.tr(c, p.Title))), Page: p, Errors: formErrors(nil, "body")}, nil
}

// adminPageSave saves a site page's Markdown; a refused text comes back in
// the editor as typed.
func (s *Server) adminPageSave(c echo.Context) error {
	body := c.FormValue("body")
	err := s.deps.Moderation.UpdateSitePage(c.Request().Context(), actor(c), c.Param("slug"), body)
	if v, ok := forum.AsValidation(err); ok {
		view, err := s.adminPageView(c)
		if err != nil {
			return err
		}
		view.Body, view.Errors = forum.CleanText(body), formErrors(v, "body")
		return renderPage(c, http.StatusUnprocessableEntity, pageAdminPageEdit, view)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Page saved. Everyone now sees the new text."))
	return c.Redirect(http.StatusSeeOther, "/"+c.Param("slug"))
}

// adminPageRestore puts Hearth's default text back, once the admin has
// ticked the box confirming that their own text will be gone.
func (s *Server) adminPageRestore(c echo.Context) error {
	if !confirmed(c) {
		view, err := s.adminPageView(c)
		if err != nil {
			return err
		}
		view.Body = view.Page.Source
		view.RestoreError = msg("Tick the box to confirm that this page's text will be replaced by Hearth's default.")
		return renderPage(c, http.StatusUnprocessableEntity, pageAdminPageEdit, view)
	}
	if err := s.deps.Moderation.RestoreSitePage(c.Request().Context(), actor(c), c.Param("slug")); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Hearth's default text is back."))
	return c.Redirect(http.StatusSeeOther, "/"+c.Param("slug"))
}
