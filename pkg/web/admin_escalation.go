package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// adminEscalation shows the escalation instructions admins write for the
// safeguarding leads (an on-call number, local emergency procedures):
// Hearth shows them to leads with every escalation and never calls
// anyone.
func (s *Server) adminEscalation(c echo.Context) error {
	v, err := s.adminEscalationView(c)
	if err != nil {
		return err
	}
	if v.Instructions, err = s.deps.Moderation.Instructions(c.Request().Context()); err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageAdminEscalation, v)
}

func (s *Server) adminEscalationView(c echo.Context) (AdminEscalationView, error) {
	n, err := s.deps.Moderation.Leads(c.Request().Context())
	return AdminEscalationView{Base: s.base(c, s.tr(c, "Escalation instructions")), Leads: n, Errors: formErrors(nil, "instructions")}, err
}

// adminEscalationSave stores the escalation instructions, audited.
func (s *Server) adminEscalationSave(c echo.Context) error {
	text := postValue(c, "instructions")
	err := s.deps.Moderation.SetInstructions(c.Request().Context(), actor(c), text)
	if verr, _ := asValidation(err); verr != nil {
		v, err := s.adminEscalationView(c)
		if err != nil {
			return err
		}
		v.Instructions, v.Errors = forum.CleanText(text), formErrors(verr, "instructions")
		return renderPage(c, http.StatusUnprocessableEntity, pageAdminEscalation, v)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Saved. Safeguarding leads see these instructions above every escalation."))
	return c.Redirect(http.StatusSeeOther, "/admin/escalation")
}
