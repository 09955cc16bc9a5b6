package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// Sizes of the waiting list: the few shown on the home and group pages,
// and a page of the full list.
const (
	waitingOnPage  = 5
	waitingPerPage = 20
)

// waitingQuery is the waiting list as the reader may see it: the same
// filters as thread lists (tags they hide or are on a break from, groups
// they are on a break from, members they blocked or who blocked them).
func (s *Server) waitingQuery(c echo.Context, groupID int64) (forum.WaitingQuery, error) {
	q := forum.WaitingQuery{GroupID: groupID}
	hide, err := s.breakHiddenTags(c)
	if err != nil {
		return q, err
	}
	hidden, err := s.hiddenTags(c)
	if err != nil {
		return q, err
	}
	q.HideTags = append(hide, hidden...)
	bs, err := s.breaks(c)
	if err != nil {
		return q, err
	}
	for _, b := range bs {
		if b.Scope == forum.BreakGroup && b.GroupID != nil {
			q.SkipGroups = append(q.SkipGroups, *b.GroupID)
		}
	}
	if p := principal(c); p != nil {
		q.ViewerID = p.User.ID
	}
	return q, nil
}

// waitingSection is the short "Waiting for a first reply" list of the home
// page (groupID 0) or a group page, linking the full list when there is
// more. Nil when the waiting service is not wired.
func (s *Server) waitingSection(c echo.Context, groupID int64, fullURL string) (*WaitingSection, error) {
	if s.deps.Waiting == nil {
		return nil, nil
	}
	q, err := s.waitingQuery(c, groupID)
	if err != nil {
		return nil, err
	}
	q.Limit = waitingOnPage
	p, err := s.deps.Waiting.List(c.Request().Context(), q)
	if err != nil {
		return nil, err
	}
	rows, err := s.waitingRows(c, p.Threads, groupID == 0)
	if err != nil {
		return nil, err
	}
	v := &WaitingSection{Threads: rows, InGroup: groupID != 0}
	if p.More {
		v.MoreURL = fullURL
	}
	return v, nil
}

// waitingRows turns waiting threads into list rows.
func (s *Server) waitingRows(c echo.Context, ts []forum.WaitingThread, showGroup bool) ([]WaitingRow, error) {
	_, names, err := s.vocab(c)
	if err != nil {
		return nil, err
	}
	now := s.deps.Waiting.Now()
	rows := make([]WaitingRow, 0, len(ts))
	for _, t := range ts {
		r := WaitingRow{ID: t.ID, Title: t.Title, Tags: labels(t.Tags, names), CreatedAt: t.CreatedAt,
			Waited: modWaited(s.printer(c), now.Sub(t.CreatedAt))}
		if showGroup {
			r.GroupSlug, r.GroupName = t.GroupSlug, t.GroupName
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// waitingIndex is the whole waiting list, across groups (GET /waiting) or
// in one (GET /g/:slug/waiting), oldest first, a page at a time.
func (s *Server) waitingIndex(c echo.Context) error {
	ctx := c.Request().Context()
	v := WaitingView{Path: "/waiting"}
	var groupID int64
	if slug := c.Param("slug"); slug != "" {
		g, err := s.deps.Forum.Group(ctx, slug)
		if err != nil {
			return err
		}
		g = shownGroup(s.printer(c), g)
		if b, err := s.groupBreak(c, g.ID); err != nil {
			return err
		} else if b != nil {
			return s.renderBreak(c, b, g.Name)
		}
		groupID, v.Group, v.Path = g.ID, &g, "/g/"+url.PathEscape(g.Slug)+"/waiting"
	}
	page, _ := strconv.Atoi(c.QueryParam("page"))
	page = max(page, 0)
	q, err := s.waitingQuery(c, groupID)
	if err != nil {
		return err
	}
	q.Limit, q.Offset = waitingPerPage, page*waitingPerPage
	p, err := s.deps.Waiting.List(ctx, q)
	if err != nil {
		return err
	}
	if v.Threads, err = s.waitingRows(c, p.Threads, groupID == 0); err != nil {
		return err
	}
	title := s.tr(c, "Waiting for a first reply")
	if v.Group != nil {
		title = s.tr(c, "Waiting for a first reply in %s", isolate(v.Group.Name))
	}
	v.Base, v.FirstPage = s.base(c, title), page == 0
	if p.More {
		v.NextURL = v.Path + "?page=" + strconv.Itoa(page+1)
	}
	return renderPage(c, http.StatusOK, pageWaiting, v)
}

// waitingCount fills the header's count of posts waiting for a first reply
// for a member who asked to help answer them (none while they are on a
// break from posting).
func (s *Server) waitingCount(c echo.Context, b *Base) {
	p := principal(c)
	if p == nil || s.deps.Waiting == nil {
		return
	}
	// The session lookup read whether they asked to help.
	if !p.User.Helping {
		return
	}
	ctx := c.Request().Context()
	if bs, err := s.breaks(c); err != nil || bs.Posting(0, "") != nil {
		return
	}
	q, err := s.waitingQuery(c, 0)
	if err != nil {
		s.log.Warn("waiting query", "request_id", reqID(c), "err", err.Error())
		return
	}
	q.ExcludeOwn = true
	n, err := s.deps.Waiting.Count(ctx, q)
	if err != nil {
		s.log.Warn("waiting count", "request_id", reqID(c), "err", err.Error())
		return
	}
	b.Helping, b.WaitingCount = true, n
}

// waitingNote is the gentle note a thread's author sees when their thread
// has waited longer than HEARTH_WAITING_NOTE with no reply from anyone
// else: the post is seen, and help is here if they need it now.
func (s *Server) waitingNote(c echo.Context, h forum.ThreadHead) (*WaitingNoteView, error) {
	p := principal(c)
	if p == nil || s.deps.Waiting == nil || h.AuthorID == nil || *h.AuthorID != p.User.ID || h.Status != forum.StatusVisible || h.Locked {
		return nil, nil
	}
	long, err := s.deps.Waiting.LongWait(c.Request().Context(), h.ID, h.CreatedAt, s.cfg.WaitingNote)
	if err != nil || !long {
		return nil, err
	}
	return &WaitingNoteView{Waited: modWaited(s.printer(c), s.deps.Waiting.Now().Sub(h.CreatedAt)), Panel: s.crisisPanel(c, careConcern)}, nil
}
