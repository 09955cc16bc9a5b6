package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
)

// adminPeopleLead makes a member a safeguarding lead, or takes it back,
// with a reason for the audit log. A lead has staff powers, so the staff
// two-factor rule applies to them; their other sessions end.
func (s *Server) adminPeopleLead(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	a := actor(c)
	target, err := s.deps.Auth.PersonByID(ctx, a, id)
	if err != nil {
		return err
	}
	ch := auth.LeadChange{TargetID: id, Lead: postValue(c, "lead") == "yes", Reason: postValue(c, "lead_reason")}
	if err := s.deps.Auth.SetLead(ctx, a, ch, principal(c).TokenHash); err != nil {
		verr, _ := asValidation(err)
		if verr == nil {
			return err
		}
		v, err := s.peopleView(c, target.User.Username)
		if err != nil {
			return err
		}
		v.LeadErrors, v.LeadReason = formErrors(verr, "lead", "lead_reason"), keepTyped(ch.Reason)
		return renderPage(c, http.StatusUnprocessableEntity, pageAdminPeople, v)
	}
	what := " is now a safeguarding lead: they see escalations at the top of the moderator queue."
	if !ch.Lead {
		what = " is no longer a safeguarding lead."
	}
	s.setFlash(c, target.User.Username+what)
	return c.Redirect(http.StatusSeeOther, "/admin/people?q="+url.QueryEscape(target.User.Username))
}
