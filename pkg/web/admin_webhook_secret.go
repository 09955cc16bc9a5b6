package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminWebhookSecretConfirm asks before replacing an endpoint's secret.
func (s *Server) adminWebhookSecretConfirm(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	e, err := s.deps.Hooks.Get(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageAdminWebhookConfirm, WebhookConfirmView{Base: s.base(c, s.tr(c, "Replace the secret of %s", e.Name)),
		ID: e.ID, Name: e.Name, Heading: s.tr(c, "Replace the secret of %s?", e.Name),
		Message: msg("The current secret stops working at once: the receiver will refuse deliveries until you give it the new one, which is shown only once. This cannot be undone."),
		Action:  webhookPath(e.ID) + "/secret", Button: msg("Replace the secret")})
}

// adminWebhookSecret replaces an endpoint's secret and shows the new one,
// this once.
func (s *Server) adminWebhookSecret(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	e, err := s.deps.Hooks.NewSecret(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageAdminWebhookSecret, WebhookSecretView{Base: s.base(c, s.tr(c, "New secret for %s", e.Name)), ID: e.ID, Name: e.Name, Secret: e.Secret, Replaced: true})
}
