package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// checkinClose closes a check-in, for its member or the staff of its
// group. A member who closes one is sent no other for a day unless they
// reopen it.
func (s *Server) checkinClose(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = s.deps.Moderation.CloseCheckIn(c.Request().Context(), actor(c), id)
	if _, ok := moderation.AsAlreadyHandled(err); ok {
		s.setFlash(c, s.tr(c, "This check-in was already closed."))
		return c.Redirect(http.StatusSeeOther, moderation.CheckInPath(id))
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "The check-in is closed."))
	return c.Redirect(http.StatusSeeOther, moderation.CheckInPath(id))
}
