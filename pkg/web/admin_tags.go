package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// adminTagCreate adds a trigger warning to the vocabulary.
func (s *Server) adminTagCreate(c echo.Context) error {
	in := moderation.TagInput{Slug: c.FormValue("slug"), Name: c.FormValue("name"), Description: c.FormValue("description")}
	err := s.deps.Moderation.CreateTag(c.Request().Context(), actor(c), in)
	if v, ok := forum.AsValidation(err); ok {
		return s.renderAdminSettings(c, "tag-new", v.Fields, "", in, http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Added the trigger warning “%s”.", in.Name))
	return c.Redirect(http.StatusSeeOther, "/admin/settings")
}

// adminTagUpdate renames a trigger warning.
func (s *Server) adminTagUpdate(c echo.Context) error {
	in := moderation.TagInput{Slug: c.Param("slug"), Name: c.FormValue("name"), Description: c.FormValue("description")}
	err := s.deps.Moderation.UpdateTag(c.Request().Context(), actor(c), in)
	if v, ok := forum.AsValidation(err); ok {
		return s.renderAdminSettings(c, in.Slug, v.Fields, "", moderation.TagInput{}, http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Renamed the trigger warning to “%s”.", in.Name))
	return c.Redirect(http.StatusSeeOther, "/admin/settings")
}
