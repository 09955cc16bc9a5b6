package web

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
	"hearth/pkg/markup"
)

// groupShow is a group's page: its guidelines and its threads, newest
// activity first, pinned threads on top.
func (s *Server) groupShow(c echo.Context) error {
	ctx := c.Request().Context()
	g, err := s.deps.Forum.Group(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	g = shownGroup(s.printer(c), g)
	if b, err := s.groupBreak(c, g.ID); err != nil {
		return err
	} else if b != nil {
		return s.renderBreak(c, b, g.Name)
	}
	hide, err := s.breakHiddenTags(c)
	if err != nil {
		return err
	}
	hidden, err := s.hiddenTags(c)
	if err != nil {
		return err
	}
	hide = append(hide, hidden...)
	var viewerID int64
	if p := principal(c); p != nil {
		viewerID = p.User.ID
	}
	cursor := c.QueryParam("after")
	page, err := s.deps.Forum.GroupThreads(ctx, g, cursor, hide, viewerID)
	if err != nil {
		return err
	}
	_, tags, err := s.vocab(c)
	if err != nil {
		return err
	}
	v := GroupView{
		Base:       s.base(c, g.Name),
		Group:      g,
		Guidelines: markup.Stored(g.GuidelinesHTML),
		FirstPage:  cursor == "",
		CanPost:    true,
	}
	// Whether the group takes threads is the same for every reader; the
	// composer says more to a member who may not post.
	if r := forum.Decide(forum.Facts{Act: forum.ActStart, Group: g}).Refusal; r != nil {
		v.CanPost, v.Notice = false, s.tr(c, r.Message())
	}
	v.Feed = &FeedLink{Title: s.tr(c, "New threads in %s", g.Name), URL: feedPath("/g/" + url.PathEscape(g.Slug))}
	for _, t := range page.Threads {
		v.Threads = append(v.Threads, ThreadRow{
			ID: t.ID, Title: t.Title, Tags: labels(t.Tags, tags), Pinned: t.Pinned, Locked: t.Locked,
			Replies:        t.ReplyCount,
			AuthorName:     publicAuthor(s.printer(c), t.AuthorName, t.AuthorID, t.Anonymous, viewerID).Name,
			LastAuthorName: publicAuthor(s.printer(c), t.LastAuthorName, t.LastAuthorID, t.LastAnonymous, viewerID).Name,
			LastPostAt:     t.LastPostAt, Held: t.Status == forum.StatusHeld,
		})
	}
	if v.FirstPage {
		if v.Waiting, err = s.waitingSection(c, g.ID, "/g/"+url.PathEscape(g.Slug)+"/waiting"); err != nil {
			return err
		}
	}
	if err := s.groupPeer(c, &v); err != nil {
		return err
	}
	if page.Next != "" {
		v.NextURL = "/g/" + url.PathEscape(g.Slug) + "?after=" + url.QueryEscape(page.Next)
	}
	return renderPage(c, http.StatusOK, pageGroup, v)
}

// nameOr shows "former member", in p's language, for content whose
// author deleted their account, and the pseudonym as it is otherwise.
func nameOr(p *i18n.Printer, name string, id *int64) string {
	if id == nil || name == "" {
		return p.T("former member")
	}
	return name
}
