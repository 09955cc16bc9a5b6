package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// sanctionAction runs a warning, suspension, ban or lift. The optional
// field post names the post that led to it: the sanction is then given in
// that post's group, and a refused input re-renders that post's page.
func (s *Server) sanctionAction(form string, do func(ctx context.Context, t moderation.Target, r moderation.Request) (moderation.Outcome, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		t := moderation.Target{UserID: id}
		t.PostID, _ = strconv.ParseInt(c.FormValue("post"), 10, 64)
		t.Days, _ = strconv.Atoi(c.FormValue("days"))
		back := "/mod/users/" + strconv.FormatInt(id, 10)
		if t.PostID > 0 {
			back = modPostPath(t.PostID)
		}
		var out moderation.Outcome
		may := func() error { return s.deps.Moderation.CheckSanction(c.Request().Context(), t, modRequest(c)) }
		asked, err := s.askFirst(c, form, back, may)
		if asked {
			return err
		}
		if err == nil {
			out, err = do(c.Request().Context(), t, modRequest(c))
		}
		if h, ok := moderation.AsAlreadyHandled(err); ok {
			return s.renderHandled(c, h)
		}
		if v, ok := forum.AsValidation(err); ok {
			if t.PostID > 0 {
				return s.renderModPost(c, t.PostID, form, v.Fields, http.StatusUnprocessableEntity)
			}
			return s.renderModUser(c, id, form, v.Fields, http.StatusUnprocessableEntity)
		}
		if err != nil {
			return err
		}
		s.setFlash(c, s.outcomeText(c, out))
		return c.Redirect(http.StatusSeeOther, modNext(c.FormValue("next"), back))
	}
}

// modUser is a moderator's page for a member.
func (s *Server) modUser(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.renderModUser(c, id, "", nil, http.StatusOK)
}

func (s *Server) renderModUser(c echo.Context, id int64, form string, errs map[string]string, status int) error {
	d, err := s.deps.Moderation.Member(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	v := ModUserView{Base: s.base(c, s.tr(c, "A member's moderation record")), UserID: d.Subject.ID, Name: d.Subject.Username,
		Role: d.Subject.Role, Status: d.Subject.Status, StatusUntil: d.Subject.StatusUntil, History: modHistoryLines(d.History),
		Forms: ModForms{AuthorID: d.Subject.ID, CanSanction: d.CanSanction, Form: form, Errors: errs}}
	if d.Subject.ID != actor(c).ID {
		v.CheckInURL = "/mod/checkins/new?member=" + strconv.FormatInt(d.Subject.ID, 10)
	}
	if err := s.memberEscalation(c, &v); err != nil {
		return err
	}
	for _, sn := range d.Sanctions {
		v.Sanctions = append(v.Sanctions, SanctionLine{Kind: sn.Kind, Reason: sn.Reason, EndsAt: sn.EndsAt, Lifted: sn.LiftedAt != nil, CreatedAt: sn.CreatedAt})
	}
	if form != "" {
		v.Forms.Values = map[string]string{"reason": c.FormValue("reason"), "reason_detail": forum.CleanText(c.FormValue("reason_detail")), "days": c.FormValue("days")}
		v.ErrorList = errorList(errs, "reason", "days")
	}
	return renderPage(c, status, pageModUser, v)
}
