package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// modEscalationResolve closes an escalation with a lead's note of what was
// done; the note goes into the audit log. A refused note comes back on the
// queue next to its escalation.
func (s *Server) modEscalationResolve(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	note := postValue(c, "note")
	err = s.deps.Moderation.ResolveEscalation(c.Request().Context(), actor(c), id, note)
	if h, ok := moderation.AsAlreadyHandled(err); ok {
		return s.renderHandled(c, h)
	}
	if verr, ok := forum.AsValidation(err); ok {
		v, err := s.escalationsView(c, false, 0)
		if err != nil {
			return err
		}
		for i := range v.Escalations {
			if v.Escalations[i].ID == id {
				v.Escalations[i].Note, v.Escalations[i].Error = keepTyped(note), verr.Fields["note"]
			}
		}
		v.ErrorList = errorList(verr.Fields, "note")
		return renderPage(c, http.StatusUnprocessableEntity, pageModEscalations, v)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Marked as resolved. Your note is in the audit log."))
	return c.Redirect(http.StatusSeeOther, "/mod/escalations")
}
