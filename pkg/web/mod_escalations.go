package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/i18n"
	"hearth/pkg/markup"
	"hearth/pkg/moderation"
)

// modEscalations is the safeguarding leads' queue: open escalations,
// longest waiting first, with the time since each was escalated and the
// instructions admins wrote; ?resolved=1 lists the resolved ones.
func (s *Server) modEscalations(c echo.Context) error {
	page, _ := strconv.Atoi(c.QueryParam("page"))
	v, err := s.escalationsView(c, c.QueryParam("resolved") == "1", max(page, 0))
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageModEscalations, v)
}

func (s *Server) escalationsView(c echo.Context, resolved bool, page int) (ModEscalationsView, error) {
	ctx := c.Request().Context()
	p, err := s.deps.Moderation.Escalations(ctx, actor(c), resolved, page)
	if err != nil {
		return ModEscalationsView{}, err
	}
	v := ModEscalationsView{Base: s.base(c, s.tr(c, "Escalations")), Resolved: resolved, Instructions: p.Instructions}
	if v.Escalations, err = s.escalationLines(ctx, s.printer(c), p.Escalations, time.Now()); err != nil {
		return v, err
	}
	if p.HasNext {
		q := "/mod/escalations?page=" + strconv.Itoa(page+1)
		if resolved {
			q += "&resolved=1"
		}
		v.NextURL = q
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return v, nil
}

// escalationLines are escalations as leads see them: what, about whom,
// why, by whom and how long ago, an escalated post's words folded behind
// its trigger warnings.
func (s *Server) escalationLines(ctx context.Context, p *i18n.Printer, rows []moderation.EscalationRow, now time.Time) ([]EscalationLine, error) {
	tags, err := s.deps.Moderation.Tags(ctx)
	if err != nil {
		return nil, err
	}
	names := modTagNames(p, tags)
	out := make([]EscalationLine, 0, len(rows))
	for _, r := range rows {
		l := EscalationLine{ID: r.ID, Reason: r.Reason, By: nameOr(p, r.ByName, r.By), Group: r.GroupName, CreatedAt: r.CreatedAt,
			Since: p.Ago(r.CreatedAt, now), Resolved: r.Status == moderation.EscalationResolved, Resolution: r.Resolution,
			ResolvedBy: nameOr(p, r.ResolverName, r.ResolvedBy), ResolvedAt: r.ResolvedAt, Member: nameOr(p, r.SubjectName, r.SubjectID)}
		if r.SubjectID != nil && r.SubjectName != "" {
			l.MemberURL = "/mod/users/" + strconv.FormatInt(*r.SubjectID, 10)
		}
		switch r.TargetType {
		case moderation.EscalateItem:
			l.What = fmt.Sprintf(msg("A post in “%s”"), shownTitle(p, r.ThreadTitle))
			if r.ThreadID != nil && r.PostID != nil {
				l.URL = "/t/" + strconv.FormatInt(*r.ThreadID, 10) + "#p-" + strconv.FormatInt(*r.PostID, 10)
				ptags := r.PostTags
				if r.FirstPost != nil && *r.FirstPost == *r.PostID {
					ptags = ptags.Union(r.ThreadTags)
				}
				l.Post = &ModPostBody{Body: markup.Stored(r.PostHTML), Tags: labels(ptags, names)}
			} else {
				l.What = msg("A post that no longer exists")
			}
		case moderation.EscalateCheckIn:
			l.What, l.URL = fmt.Sprintf(msg("A check-in with %s"), l.Member), moderation.CheckInPath(r.TargetID)
		default:
			l.What, l.URL = fmt.Sprintf(msg("The member %s"), l.Member), l.MemberURL
		}
		out = append(out, l)
	}
	return out, nil
}
