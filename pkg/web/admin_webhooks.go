package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// adminWebhooks lists the webhook endpoints and offers the form to add
// one.
func (s *Server) adminWebhooks(c echo.Context) error {
	return s.renderWebhooks(c, http.StatusOK, WebhookForm{}, nil)
}

// adminWebhookCreate adds an endpoint and shows its secret, this once.
func (s *Server) adminWebhookCreate(c echo.Context) error {
	f := WebhookForm{Name: postValue(c, "name"), URL: postValue(c, "url"), Events: postValues(c, "events")}
	e, err := s.deps.Hooks.Create(c.Request().Context(), actor(c), f.input())
	if v, ok := forum.AsValidation(err); ok {
		return s.renderWebhooks(c, http.StatusUnprocessableEntity, f, v)
	}
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageAdminWebhookSecret, WebhookSecretView{Base: s.base(c, s.tr(c, "Webhook added")), ID: e.ID, Name: e.Name, Secret: e.Secret})
}

func (s *Server) renderWebhooks(c echo.Context, code int, f WebhookForm, v *forum.ValidationError) error {
	es, err := s.deps.Hooks.List(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	f.Name, f.URL = forum.CleanText(f.Name), forum.CleanText(f.URL)
	view := AdminWebhooksView{Base: s.base(c, s.tr(c, "Webhooks")), Form: f, Errors: formErrors(v, webhookFields...), NoBaseURL: s.cfg.BaseURL == nil}
	for _, e := range es {
		view.Endpoints = append(view.Endpoints, webhookRow(e))
	}
	return renderPage(c, code, pageAdminWebhooks, view)
}
