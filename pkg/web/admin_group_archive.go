package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// adminGroupArchiveConfirm asks before archiving a group: a slip on the
// list would otherwise stop a whole community posting.
func (s *Server) adminGroupArchiveConfirm(c echo.Context) error {
	return s.renderGroupArchive(c, "", http.StatusOK)
}

func (s *Server) renderGroupArchive(c echo.Context, msg string, status int) error {
	g, err := s.deps.Moderation.AdminGroup(c.Request().Context(), actor(c), c.Param("slug"))
	if err != nil {
		return err
	}
	v := GroupArchiveView{Base: s.base(c, s.tr(c, "Archive %s", g.Name)), Slug: g.Slug, Name: g.Name, Error: msg}
	if msg != "" {
		v.ErrorList = errorList(map[string]string{"confirm": msg}, "confirm")
	}
	return renderPage(c, status, pageAdminGroupArchive, v)
}

// adminGroupArchive archives (archived=true, once the admin ticked the
// confirm box) or unarchives a group.
func (s *Server) adminGroupArchive(archived bool) echo.HandlerFunc {
	return func(c echo.Context) error {
		if archived && !confirmed(c) {
			return s.renderGroupArchive(c, msg("Tick the box to confirm that members will no longer be able to post in this group."), http.StatusUnprocessableEntity)
		}
		g, err := s.deps.Moderation.SetArchived(c.Request().Context(), actor(c), c.Param("slug"), archived)
		if h, ok := moderation.AsAlreadyHandled(err); ok {
			return s.renderHandled(c, h)
		}
		if err != nil {
			return err
		}
		msg := g.Name + " is archived: members can read it but not post."
		if !archived {
			msg = g.Name + " is open for posts again."
		}
		s.setFlash(c, msg)
		return c.Redirect(http.StatusSeeOther, "/admin/groups")
	}
}
