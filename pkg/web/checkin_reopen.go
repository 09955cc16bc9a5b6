package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// checkinReopen reopens a closed check-in; only its member may. A message
// they tried to send while it was closed comes with the form and is sent
// once it is open.
func (s *Server) checkinReopen(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = s.deps.Moderation.ReopenCheckIn(c.Request().Context(), actor(c), id)
	if err == nil && strings.TrimSpace(postValue(c, "body")) != "" {
		return s.checkinWrite(c)
	}
	if _, ok := moderation.AsAlreadyHandled(err); ok {
		s.setFlash(c, "This check-in is already open.")
		return c.Redirect(http.StatusSeeOther, moderation.CheckInPath(id))
	}
	if err != nil {
		return err
	}
	s.setFlash(c, "The check-in is open again. You can write to the moderators here.")
	return c.Redirect(http.StatusSeeOther, moderation.CheckInPath(id)+"#reply")
}
