package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// adminMinimumAge saves the age members confirm at signup. A refused value
// comes back in the form with its message.
func (s *Server) adminMinimumAge(c echo.Context) error {
	typed := c.FormValue("minimum_age")
	err := s.deps.Moderation.SetMinimumAge(c.Request().Context(), actor(c), typed)
	if v, ok := forum.AsValidation(err); ok {
		view, err := s.adminSettingsView(c, "age", v.Fields, "", moderation.TagInput{})
		if err != nil {
			return err
		}
		view.MinimumAge = keepTyped(typed)
		return renderPage(c, http.StatusUnprocessableEntity, pageAdminSettings, view)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Minimum age saved. New members confirm it when they sign up."))
	return c.Redirect(http.StatusSeeOther, "/admin/settings")
}
