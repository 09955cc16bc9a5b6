package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// adminGroupArchiveConfirm asks before archiving a group: a slip on the
// list would otherwise stop a whole community posting.
func (s *Server) adminGroupArchiveConfirm(c echo.Context) error {
	g, err := s.deps.Moderation.AdminGroup(c.Request().Context(), actor(c), c.Param("slug"))
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageConfirm, ConfirmView{Base: s.base(c, s.tr(c, "Archive %s", g.Name)),
		Question:    s.tr(c, "Archive %s?", g.Name),
		Consequence: s.tr(c, "Members will still be able to read every thread in %s, but nobody will be able to start a thread or reply there. You can unarchive it later from the list of groups.", g.Name),
		Action:      "/admin/groups/" + g.Slug + "/archive", Button: s.tr(c, "Archive %s", g.Name),
		Cancel: "/admin/groups", CancelLabel: s.tr(c, "Keep it open")})
}

// adminGroupArchive archives (archived=true, once the admin confirmed) or
// unarchives a group.
func (s *Server) adminGroupArchive(archived bool) echo.HandlerFunc {
	return func(c echo.Context) error {
		if archived && !confirmed(c) {
			return s.adminGroupArchiveConfirm(c)
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
