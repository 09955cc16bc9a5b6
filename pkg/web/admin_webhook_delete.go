package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// adminWebhookDeleteConfirm asks before deleting an endpoint.
func (s *Server) adminWebhookDeleteConfirm(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	e, err := s.deps.Hooks.Get(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageAdminWebhookConfirm, WebhookConfirmView{Base: s.base(c, s.tr(c, "Delete %s", e.Name)),
		ID: e.ID, Name: e.Name, Heading: s.tr(c, "Delete the webhook %s?", e.Name),
		Message: msg("Nothing more is sent to it, deliveries still waiting are dropped, and its delivery log is deleted with it. This cannot be undone. To stop it for a while instead, turn it off."),
		Action:  webhookPath(e.ID) + "/delete", Button: msg("Delete the webhook")})
}

// adminWebhookDelete deletes an endpoint with its log.
func (s *Server) adminWebhookDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Hooks.Delete(c.Request().Context(), actor(c), id); err != nil {
		if errors.Is(err, forum.ErrNotFound) {
			s.setFlash(c, s.tr(c, "That webhook had already been deleted."))
			return c.Redirect(http.StatusSeeOther, "/admin/webhooks")
		}
		return err
	}
	s.setFlash(c, s.tr(c, "Deleted the webhook. Nothing more is sent to it."))
	return c.Redirect(http.StatusSeeOther, "/admin/webhooks")
}
