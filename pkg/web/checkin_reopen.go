package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// checkinReopen reopens a closed check-in; only its member may. A message
// they tried to send while it was closed comes with the form and is sent
// once it is open. When the group's staff opened a newer check-in since,
// the member is taken there, with their words.
func (s *Server) checkinReopen(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = s.deps.Moderation.ReopenCheckIn(c.Request().Context(), actor(c), id)
	var open *moderation.OpenCheckInError
	if errors.As(err, &open) {
		// The moderators have written since in another check-in: the
		// member's words go there, the one open conversation.
		id, err = open.ID, nil
		c.SetParamNames("id")
		c.SetParamValues(strconv.FormatInt(id, 10))
		if strings.TrimSpace(postValue(c, "body")) == "" {
			s.setFlash(c, s.tr(c, "The moderators of this group have started a newer check-in with you, so this one stays closed. You can write to them here."))
			return c.Redirect(http.StatusSeeOther, moderation.CheckInPath(id)+"#reply")
		}
	}
	if err == nil && strings.TrimSpace(postValue(c, "body")) != "" {
		return s.checkinWrite(c)
	}
	if _, ok := moderation.AsAlreadyHandled(err); ok {
		s.setFlash(c, s.tr(c, "This check-in is already open."))
		return c.Redirect(http.StatusSeeOther, moderation.CheckInPath(id))
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "The check-in is open again. You can write to the moderators here."))
	return c.Redirect(http.StatusSeeOther, moderation.CheckInPath(id)+"#reply")
}
