package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// modHandoverDismiss hides a hand-over note from the moderator who read it
// (the others still see it, for a day).
func (s *Server) modHandoverDismiss(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Moderation.DismissHandover(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Hand-over note dismissed. The other moderators still see it."))
	return c.Redirect(http.StatusSeeOther, "/mod")
}
