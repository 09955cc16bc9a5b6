package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/events"
	"hearth/pkg/forum"
	"hearth/pkg/i18n"
)

// LiveReplies is the "replies" event of a thread's stream: how many posts
// the reader may see arrived since the page was made, in words, and the
// address that shows the first of them. It never says more than the page
// would once reloaded.
type LiveReplies struct {
	Count int    `json:"count"`
	Text  string `json:"text"`
	Href  string `json:"href,omitempty"`
}

// threadEvents is a thread page's live stream (GET /t/:id/events?since=ID,
// where ID is the newest post the page knew of). After each post written
// or changed in the thread it counts again, for this reader, the posts
// after since that the page would show them open (forum.NewReplies), and
// sends the count when it changed (a post the reader may not see changes
// nothing, so sends nothing). A reader who may not see the thread,
// or is on a break from it, is answered as the page answers them.
func (s *Server) threadEvents(c echo.Context) error {
	h, err := s.visibleThread(c)
	if err != nil {
		return err
	}
	since, err := strconv.ParseInt(c.QueryParam("since"), 10, 64)
	if err != nil || since < 0 {
		return echo.NewHTTPError(http.StatusBadRequest, "since must be a post id")
	}
	if b, _, err := s.threadBreak(c, h); err != nil {
		return err
	} else if b != nil {
		return forum.ErrNotFound
	}
	r, err := s.liveReader(c, h.GroupID)
	if err != nil {
		return err
	}
	keep := func(e events.Event) bool { return e.ThreadID == h.ID && e.Kind.Thread() }
	var last *LiveReplies
	return s.liveStream(c, keep, func(ctx context.Context, _ []events.Event) (string, any, bool, error) {
		head, err := s.deps.Forum.Thread(ctx, h.ID)
		if err != nil {
			return "", nil, true, err
		}
		if canSeeThread(c, head) != nil {
			return "", nil, true, nil
		}
		n, err := s.deps.Forum.NewReplies(ctx, head, r, since)
		if err != nil {
			return "", nil, false, err
		}
		ev := liveReplies(s.printer(c), n)
		if last != nil && *last == ev {
			return "", nil, false, nil // nothing new for this reader
		}
		last = &ev
		return "replies", ev, false, nil
	})
}

// liveReader is the reader of a live thread stream: who they are, whom
// they blocked, what they hide and what they are on a break from, as when
// the stream opened.
func (s *Server) liveReader(c echo.Context, groupID int64) (forum.Reader, error) {
	blocked, err := s.blockedSet(c)
	if err != nil {
		return forum.Reader{}, err
	}
	prefs, err := s.prefs(c)
	if err != nil {
		return forum.Reader{}, err
	}
	return forum.Reader{Viewer: viewerFor(c, groupID), Blocked: blocked, Prefs: prefs,
		OnBreak: func(t forum.Tags) bool { return s.onTagBreak(c, t) }}, nil
}

// liveReplies is the event for n, in p's language.
func liveReplies(p *i18n.Printer, n forum.NewReplies) LiveReplies {
	if n.Count == 0 {
		return LiveReplies{}
	}
	text := p.T("%d new replies", n.Count)
	if n.More {
		text = p.T("%d or more new replies", n.Count)
	}
	return LiveReplies{Count: n.Count, Text: text, Href: "/p/" + strconv.FormatInt(n.First, 10)}
}

// threadLive is the live stream of a thread page showing posts, "" when
// live updates are off.
func (s *Server) threadLive(h forum.ThreadHead, posts []forum.PostRow) string {
	if s.live == nil {
		return ""
	}
	return "/t/" + strconv.FormatInt(h.ID, 10) + "/events?since=" + strconv.FormatInt(liveSince(h, posts), 10)
}

// liveSince is the newest post a thread page knows of: the thread's last
// post, or a newer one on the page (a held post its reader may see).
func liveSince(h forum.ThreadHead, posts []forum.PostRow) int64 {
	var since int64
	if h.LastPostID != nil {
		since = *h.LastPostID
	}
	for _, p := range posts {
		since = max(since, p.ID)
	}
	return since
}
