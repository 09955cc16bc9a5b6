package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// recentOnHome is how many recently active threads the home page lists.
const recentOnHome = 6

// home lists the groups, recent activity and what is new since the
// member's last visit.
func (s *Server) home(c echo.Context) error {
	gs, err := s.deps.Forum.Groups(c.Request().Context())
	if err != nil {
		return err
	}
	gs = shownGroups(s.printer(c), gs)
	v := HomeView{Base: s.base(c, "Groups")}
	v.Feed = &FeedLink{Title: s.tr(c, "New threads on Hearth"), URL: feedPath("/")}
	if err := s.recentActivity(c, &v); err != nil {
		return err
	}
	for _, g := range gs {
		v.Groups = append(v.Groups, GroupCard{
			Slug: g.Slug, Name: g.Name, Description: g.Description,
			ThreadCount: g.ThreadCount, LastActivity: g.LastActivityAt,
			New: !v.Since.IsZero() && g.LastActivityAt != nil && g.LastActivityAt.After(v.Since),
		})
	}
	if v.Waiting, err = s.waitingSection(c, 0, "/waiting"); err != nil {
		return err
	}
	if err := s.homePeer(c, &v); err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageHome, v)
}

// recentActivity fills in the recently active threads, with the reader's
// own filters, and for a member records the visit and marks what is new
// since the last one.
func (s *Server) recentActivity(c echo.Context, v *HomeView) error {
	if s.deps.Activity == nil {
		return nil
	}
	ctx := c.Request().Context()
	wq, err := s.waitingQuery(c, 0)
	if err != nil {
		return err
	}
	ts, err := s.deps.Activity.Recent(ctx, forum.ActivityQuery{ViewerID: wq.ViewerID, HideTags: wq.HideTags, SkipGroups: wq.SkipGroups, Limit: recentOnHome})
	if err != nil {
		return err
	}
	if p := principal(c); p != nil {
		if v.Since, err = s.visit(ctx, p); err != nil {
			s.log.WarnContext(ctx, "home page: visit not recorded", "err", err)
			v.Since = time.Time{}
		}
	}
	_, names, err := s.vocab(c)
	if err != nil {
		return err
	}
	for _, t := range ts {
		row := ActivityRow{ID: t.ID, Title: t.Title, GroupSlug: t.GroupSlug, GroupName: t.GroupName, Tags: labels(t.Tags, names),
			Replies: t.ReplyCount, LastPostAt: t.LastPostAt, New: !v.Since.IsZero() && t.LastPostAt.After(v.Since)}
		if row.New {
			v.NewCount++
		}
		v.Recent = append(v.Recent, row)
	}
	return nil
}
