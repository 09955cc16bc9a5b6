package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminWebhookPing queues a test delivery to an endpoint, which appears in
// its log like any other.
func (s *Server) adminWebhookPing(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Hooks.Test(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "A test delivery is on its way. Its outcome appears in the delivery log below within a few seconds."))
	return c.Redirect(http.StatusSeeOther, webhookPath(id)+"#log")
}
