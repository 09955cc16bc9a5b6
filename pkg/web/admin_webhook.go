package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/webhook"
)

// adminWebhook shows an endpoint: its state, its form and a page of its
// delivery log (?before= pages on).
func (s *Server) adminWebhook(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	e, err := s.deps.Hooks.Get(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return s.renderWebhook(c, http.StatusOK, e, webhookForm(e), nil)
}

// adminWebhookUpdate saves an endpoint's name, address and events.
func (s *Server) adminWebhookUpdate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f := WebhookForm{Name: postValue(c, "name"), URL: postValue(c, "url"), Events: postValues(c, "events")}
	e, err := s.deps.Hooks.Update(c.Request().Context(), actor(c), id, f.input())
	if v, ok := forum.AsValidation(err); ok {
		return s.renderWebhook(c, http.StatusUnprocessableEntity, e, f, v)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Saved %s.", e.Name))
	return c.Redirect(http.StatusSeeOther, webhookPath(e.ID))
}

// webhookPath is an endpoint's admin page.
func webhookPath(id int64) string { return "/admin/webhooks/" + strconv.FormatInt(id, 10) }

func (s *Server) renderWebhook(c echo.Context, code int, e webhook.Endpoint, f WebhookForm, v *forum.ValidationError) error {
	before, _ := formID(c.QueryParam("before"))
	log, err := s.deps.Hooks.Deliveries(c.Request().Context(), actor(c), e.ID, before)
	if err != nil {
		return err
	}
	f.Name, f.URL = forum.CleanText(f.Name), forum.CleanText(f.URL)
	view := AdminWebhookView{Base: s.base(c, s.tr(c, "Webhook: %s", e.Name)), ID: e.ID, Name: e.Name, Host: hostOf(e.URL), Enabled: e.Enabled,
		Events: eventLabels(e), Form: f, Errors: formErrors(v, webhookFields...), Paged: before > 0}
	for _, d := range log.Deliveries {
		view.Deliveries = append(view.Deliveries, deliveryRow(d))
	}
	if log.Next > 0 {
		view.NextURL = webhookPath(e.ID) + "?before=" + strconv.FormatInt(log.Next, 10) + "#log"
	}
	return renderPage(c, code, pageAdminWebhook, view)
}
