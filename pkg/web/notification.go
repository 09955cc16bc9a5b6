package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// unread is the signed-in member's unread notification count for the
// header, kept under their notice version (cache.Members), and whether
// notices older than those counted may add to it. A failure is logged and
// shows no count rather than failing the page.
func (s *Server) unread(c echo.Context) (n int, more bool) {
	p := principal(c)
	if p == nil || s.deps.Forum == nil {
		return 0, false
	}
	// A kept count is never one with More (forum.Unread.Stable), so More
	// is known whenever it is true: the count was just read.
	n, err := s.members.Unread(c.Request().Context(), memberKey(p), func(ctx context.Context, id int64) (forum.Unread, error) {
		u, err := s.deps.Forum.UnreadCount(ctx, id)
		more = u.More
		return u, err
	})
	if err != nil {
		s.log.Warn("unread count", "request_id", reqID(c), "err", err.Error())
		return 0, false
	}
	return n, more
}

// notificationsShow lists replies to the member's posts, replies in
// threads they follow, mentions and reactions, newest first. Tagged ones
// are collapsed behind their tags and hidden tags are left out.
func (s *Server) notificationsShow(c echo.Context) error {
	var before int64
	if b := c.QueryParam("before"); b != "" {
		n, err := strconv.ParseInt(b, 10, 64)
		if err != nil || n <= 0 {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		before = n
	}
	prefs, err := s.prefs(c)
	if err != nil {
		return err
	}
	_, names, err := s.vocab(c)
	if err != nil {
		return err
	}
	page, err := s.deps.Forum.Notifications(c.Request().Context(), principal(c).User.ID, before, prefs.Hidden())
	if err != nil {
		return err
	}
	v := NotificationsView{Base: s.base(c, "Notifications"), Seen: page.Seen}
	if err := s.fromModerators(c, &v); err != nil {
		return err
	}
	for _, n := range page.Items {
		tags := n.PostTags.Union(n.ThreadTags)
		nv := NotificationView{ID: n.ID, URL: "/p/" + itoa(n.ShownPostID), Unread: n.ReadAt == nil, CreatedAt: n.CreatedAt,
			Tags: labels(tags, names)}
		nv.TagNames = tagText(nv.Tags)
		nv.Collapsed = prefs.Mode(tags) != forum.ModeShow
		// A reaction's actor is the member who reacted, never anonymous;
		// any other notice's actor wrote the shown post.
		who, title := isolate(publicAuthor(s.printer(c), n.ActorName, n.ActorID, n.PostAnonymous && n.Kind != forum.NoteReaction, readerID(c)).Name), isolate(shownTitle(s.printer(c), n.ThreadTitle))
		switch n.Kind {
		case forum.NoteReply:
			nv.Text = who + " replied to your post in “" + title + "”"
		case forum.NoteThreadReply:
			// One notice stands for every new reply in the thread.
			if n.NewReplies > 1 {
				nv.Text = itoa(int64(n.NewReplies)) + " new replies in “" + title + "”, a thread you follow, the first from " + who
			} else {
				nv.Text = who + " replied in “" + title + "”, a thread you follow"
			}
		case forum.NoteMention:
			nv.Text = who + " mentioned you in “" + title + "”"
		case forum.NoteReaction:
			nv.Text = who + " said “" + forum.ReactionLabel(n.Reaction) + "” to your post in “" + title + "”"
		}
		if n.Kind != forum.NoteReaction {
			nv.Excerpt = excerpt(forum.PlainExcerpt(n.PostBody), 180)
		}
		// The shown post is someone else's (a reply, a mention); a
		// reaction's is the member's own, which they see as written.
		if fold, ok := foldFor(c, forum.Post{AuthorID: n.ActorID, GroupID: n.PostGroupID, CrisisFolded: n.PostFolded, CrisisTopic: n.PostTopic}, names); ok && n.Kind != forum.NoteReaction {
			nv.Excerpt, nv.Fold = "", fold
			nv.Tags = labels(foldTags(tags, n.PostTopic), names)
			nv.TagNames, nv.Collapsed = tagText(nv.Tags), false
		}
		if nv.Unread {
			v.HasUnread = true
		}
		if n.ID > v.UpTo {
			v.UpTo = n.ID
		}
		v.Items = append(v.Items, nv)
	}
	if page.Next > 0 {
		v.NextURL = "/notifications?before=" + itoa(page.Next)
	}
	return renderPage(c, http.StatusOK, pageNotifications, v)
}

// notificationsFromModerators is how many of the moderators' messages the
// notifications page shows before linking the rest.
const notificationsFromModerators = 5

// fromModerators adds the newest messages from the moderators to the
// notifications page, where every outcome a member was promised is kept
// with its reason after they dismiss it. Those not yet dismissed are also
// under the header, with their buttons, as on every page.
func (s *Server) fromModerators(c echo.Context, v *NotificationsView) error {
	if s.deps.Moderation == nil {
		return nil
	}
	page, err := s.deps.Moderation.NoticeHistory(c.Request().Context(), principal(c).User.ID, 0, notificationsFromModerators)
	if err != nil {
		return err
	}
	for _, n := range page.Notices {
		v.FromModerators = append(v.FromModerators, memberNotice(n))
	}
	v.MoreFromModerators = page.Next > 0
	return nil
}

// notificationsRead marks the member's notifications read, up to the
// newest one they were shown; replies in followed threads written after
// the page was made (seen) stay unread.
func (s *Server) notificationsRead(c echo.Context) error {
	upTo, ok := formID(c.FormValue("upto"))
	if !ok {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	seen, ok := formID(c.FormValue("seen"))
	if !ok {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	if err := s.deps.Forum.MarkRead(c.Request().Context(), principal(c).User.ID, upTo, seen); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Notifications marked as read."))
	return c.Redirect(http.StatusSeeOther, "/notifications")
}

// excerpt cuts s to about n characters at a word boundary.
func excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return string(r[:cut]) + "…"
}
