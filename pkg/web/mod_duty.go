package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// modDuty marks the moderator on duty for duty_hours hours, which beats
// the moderation hours (members are told a moderator is around and the
// out-of-hours protections rest), or off duty when duty_hours is 0.
func (s *Server) modDuty(c echo.Context) error {
	ctx, a := c.Request().Context(), actor(c)
	hours, err := strconv.Atoi(c.FormValue("duty_hours"))
	if err != nil {
		hours = -1
	}
	if hours == 0 {
		if err := s.deps.Moderation.EndDuty(ctx, a); err != nil {
			return err
		}
		s.setFlash(c, s.tr(c, "You're off duty. Thank you for your time."))
		return c.Redirect(http.StatusSeeOther, "/mod")
	}
	err = s.deps.Moderation.StartDuty(ctx, a, hours)
	if v, ok := forum.AsValidation(err); ok {
		s.setFlash(c, s.tr(c, v.Fields["duty_hours"]))
		return c.Redirect(http.StatusSeeOther, "/mod")
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "You're on duty for %d hours. Members are told a moderator is around.", hours))
	return c.Redirect(http.StatusSeeOther, "/mod")
}
