package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// modEscalation is one escalation for a safeguarding lead: what was
// escalated (the post's words folded behind their warnings, or a link to
// the check-in, which leads may read), why, and the audit rows about it,
// its target and its member. A lead who is not a moderator reads what was
// escalated to them here without the moderators' pages.
func (s *Server) modEscalation(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	d, err := s.deps.Moderation.EscalationDetail(ctx, actor(c), id)
	if err != nil {
		return err
	}
	lines, err := s.escalationLines(ctx, s.printer(c), []moderation.EscalationRow{d.Escalation}, time.Now())
	if err != nil {
		return err
	}
	v := ModEscalationView{Base: s.base(c, s.tr(c, "Escalation")), Escalation: lines[0], Instructions: d.Instructions, MoreAudit: d.MoreAudit}
	for _, e := range d.Audit {
		v.Audit = append(v.Audit, auditLine(s.printer(c), e))
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return renderPage(c, http.StatusOK, pageModEscalation, v)
}
