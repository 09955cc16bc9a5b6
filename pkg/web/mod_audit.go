package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/i18n"
	"hearth/pkg/moderation"
)

// modAudit is the staff audit log, filterable by actor, action and group.
func (s *Server) modAudit(c echo.Context) error {
	before, _ := strconv.ParseInt(c.QueryParam("before"), 10, 64)
	f := moderation.AuditFilter{Actor: c.QueryParam("actor"), Action: c.QueryParam("action"), GroupSlug: c.QueryParam("group"), Before: max(before, 0)}
	p, err := s.deps.Moderation.Audit(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	v := ModAuditView{Base: s.base(c, s.tr(c, "Audit log")), Groups: shownGroups(s.printer(c), p.Groups), Actions: auditActions(s.printer(c), f.Action), Actor: f.Actor, Action: f.Action, Group: f.GroupSlug}
	for _, e := range p.Entries {
		v.Entries = append(v.Entries, auditLine(s.printer(c), e))
	}
	if p.Next > 0 {
		q := url.Values{}
		for k, val := range map[string]string{"actor": f.Actor, "action": f.Action, "group": f.GroupSlug} {
			if val != "" {
				q.Set(k, val)
			}
		}
		q.Set("before", strconv.FormatInt(p.Next, 10))
		v.NextURL = "/mod/audit?" + q.Encode()
	}
	return renderPage(c, http.StatusOK, pageModAudit, v)
}

// auditLine is an audit row as staff read it in p's language, linking to
// what it is about.
func auditLine(p *i18n.Printer, e moderation.AuditRow) AuditLine {
	l := AuditLine{ID: e.ID, Actor: p.T("Hearth (automatic)"), What: moderation.Describe(e.Action), Action: e.Action, Group: e.GroupName,
		Reason: e.Reason, Detail: e.Detail, SHA256: e.ContentSHA256, CreatedAt: e.CreatedAt, Subject: e.SubjectName}
	if e.ActorID != nil {
		l.Actor = nameOr(p, e.ActorName, e.ActorID)
	}
	if e.TargetID != nil {
		id := strconv.FormatInt(*e.TargetID, 10)
		switch e.TargetType {
		case "post":
			l.Target, l.TargetURL = p.T("post %[1]s", id), modPostPath(*e.TargetID)
		case "thread":
			l.Target, l.TargetURL = p.T("thread %[1]s", id), "/t/"+id
		case "user":
			l.Target, l.TargetURL = p.T("member"), "/mod/users/"+id
		case "group":
			l.Target, l.TargetURL = p.T("group"), "/g/"+e.GroupSlug
		case "checkin":
			l.Target, l.TargetURL = p.T("check-in %[1]s", id), "/checkins/"+id
		case "support":
			l.Target, l.TargetURL = p.T("support conversation %[1]s", id), "/support/"+id
		case "escalation":
			l.Target, l.TargetURL = p.T("escalation %[1]s", id), "/mod/escalations/"+id
		default:
			l.Target = e.TargetType
		}
	}
	return l
}

// auditActions are the audit log filter's choices in p's language, each
// action named by what it does; selected is the chosen one.
func auditActions(p *i18n.Printer, selected string) []Option {
	as := moderation.Actions()
	out := make([]Option, 0, len(as))
	for _, a := range as {
		out = append(out, Option{Value: a, Label: p.T(moderation.Describe(a)), Selected: a == selected, AsIs: true})
	}
	return out
}
