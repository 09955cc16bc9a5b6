package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminWebhookState turns an endpoint on or off. Off, it gets no new
// deliveries and sends none of those waiting; on again, those still
// under a day old are sent.
func (s *Server) adminWebhookState(on bool) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		e, err := s.deps.Hooks.SetEnabled(c.Request().Context(), actor(c), id, on)
		if err != nil {
			return err
		}
		if on {
			s.setFlash(c, e.Name+" is on: events are sent to it again.")
		} else {
			s.setFlash(c, e.Name+" is off: nothing is sent to it until you turn it on.")
		}
		return c.Redirect(http.StatusSeeOther, webhookPath(id))
	}
}
