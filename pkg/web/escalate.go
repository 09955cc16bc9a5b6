package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// escalateForm is the form to escalate a target to the safeguarding leads,
// returning to next.
func (s *Server) escalateForm(c echo.Context, target string, id int64, next string) (EscalateForm, error) {
	n, err := s.deps.Moderation.Leads(c.Request().Context())
	if err != nil {
		return EscalateForm{}, err
	}
	return newEscalateForm(target, id, next, n == 0), nil
}

// newEscalateForm is the form escalating a target, noLeads when nobody
// would see it.
func newEscalateForm(target string, id int64, next string, noLeads bool) EscalateForm {
	return EscalateForm{Action: escalatePath(target, id), ID: "escalate-" + target + "-" + strconv.FormatInt(id, 10), Next: next, NoLeads: noLeads}
}

// escalatePath is where the form escalating a target posts.
func escalatePath(target string, id int64) string {
	n := strconv.FormatInt(id, 10)
	switch target {
	case moderation.EscalateItem:
		return "/mod/items/" + n + "/escalate"
	case moderation.EscalateCheckIn:
		return "/checkins/" + n + "/escalate"
	}
	return "/mod/users/" + n + "/escalate"
}

// escalate passes a queue item, a check-in or a member (target) to the
// safeguarding leads with the moderator's reason. A refused reason comes
// back on a page of its own, with what was typed.
func (s *Server) escalate(target string) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		ctx := c.Request().Context()
		reason := postValue(c, "reason")
		fallback := "/mod"
		switch target {
		case moderation.EscalateCheckIn:
			fallback = moderation.CheckInPath(id)
		case moderation.EscalateMember:
			fallback = "/mod/users/" + strconv.FormatInt(id, 10)
		}
		next := modNext(postValue(c, "next"), fallback)
		_, err = s.deps.Moderation.Escalate(ctx, actor(c), moderation.EscalationInput{TargetType: target, TargetID: id, Reason: reason})
		if h, ok := moderation.AsAlreadyHandled(err); ok {
			return s.renderHandled(c, h)
		}
		if verr, ok := forum.AsValidation(err); ok {
			f, ferr := s.escalateForm(c, target, id, next)
			if ferr != nil {
				return ferr
			}
			f.Reason, f.Error = keepTyped(reason), verr.Fields["reason"]
			v := ModEscalateView{Base: s.base(c, s.tr(c, "Escalate to the safeguarding leads")), What: escalateWhat(target), Back: next, Form: f,
				Errors: formErrors(verr, "reason")}
			return renderPage(c, http.StatusUnprocessableEntity, pageModEscalate, v)
		}
		if err != nil {
			return err
		}
		msg := s.tr(c, "Escalated to the safeguarding leads. They see it at the top of their queue.")
		if n, err := s.deps.Moderation.Leads(ctx); err == nil && n == 0 {
			msg += " " + s.tr(c, "No safeguarding lead is appointed yet: please ask an admin to appoint one.")
		}
		s.setFlash(c, msg)
		return c.Redirect(http.StatusSeeOther, next)
	}
}

// escalateWhat names what is being escalated.
func escalateWhat(target string) string {
	switch target {
	case moderation.EscalateItem:
		return msg("this queue item")
	case moderation.EscalateCheckIn:
		return msg("this check-in")
	}
	return msg("this member")
}

// memberEscalation adds to a member's moderation record their open
// escalation, or the form to escalate them.
func (s *Server) memberEscalation(c echo.Context, v *ModUserView) error {
	es, err := s.deps.Moderation.EscalationsOf(c.Request().Context(), actor(c), moderation.EscalateMember, []int64{v.UserID})
	if err != nil {
		return err
	}
	if e, ok := es[v.UserID]; ok {
		v.Escalated = &EscalationLine{ID: e.ID, Reason: e.Reason, CreatedAt: e.CreatedAt, Since: s.printer(c).Ago(e.CreatedAt, time.Now())}
		return nil
	}
	v.Escalate, err = s.escalateForm(c, moderation.EscalateMember, v.UserID, "/mod/users/"+strconv.FormatInt(v.UserID, 10))
	return err
}
