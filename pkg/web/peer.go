package web

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// peerHome is a peer supporter's page (and a moderator's): the open
// one-to-one support requests of their groups, the first posts waiting
// there for a reply, and the threads started since they last looked in
// the groups they follow.
func (s *Server) peerHome(c echo.Context) error {
	ctx := c.Request().Context()
	a := actor(c)
	sup, err := s.deps.Peer.SupporterGroups(ctx, a.ID)
	if err != nil {
		return err
	}
	if len(sup) == 0 && !auth.IsStaff(a) {
		return forum.ErrNotFound
	}
	v := PeerView{Base: s.base(c, s.tr(c, "Peer support")), Supporter: len(sup) > 0}
	open, err := s.deps.Peer.Open(ctx, a)
	if err != nil {
		return err
	}
	if v.Requests, err = s.supportRows(c, open); err != nil {
		return err
	}
	q, err := s.waitingQuery(c, 0)
	if err != nil {
		return err
	}
	all, mod := auth.ModerationScope(a)
	if !all {
		q.OnlyGroups = append(slices.Clone(sup), mod...)
	}
	q.Limit, q.ExcludeOwn = waitingPerPage, true
	wp, err := s.deps.Waiting.List(ctx, q)
	if err != nil {
		return err
	}
	if v.Waiting, err = s.waitingRows(c, wp.Threads, true); err != nil {
		return err
	}
	if err := s.peerFollows(c, &v, a, sup); err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return renderPage(c, http.StatusOK, pagePeer, v)
}

// peerFollows fills the groups the reader may follow and the threads
// started in those they follow since they last looked (now seen).
func (s *Server) peerFollows(c echo.Context, v *PeerView, a *auth.Actor, sup []int64) error {
	ctx := c.Request().Context()
	follows, err := s.deps.Peer.Follows(ctx, a.ID)
	if err != nil {
		return err
	}
	groups, err := s.deps.Forum.Groups(ctx)
	if err != nil {
		return err
	}
	groups = shownGroups(s.printer(c), groups)
	_, names, err := s.vocab(c)
	if err != nil {
		return err
	}
	hidden, err := s.hiddenTags(c)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if !slices.Contains(sup, g.ID) && !auth.CanModerate(a, g.ID) {
			continue
		}
		fc := FollowChoice{Slug: g.Slug, Name: g.Name}
		for _, f := range follows {
			if f.GroupID != g.ID {
				continue
			}
			fc.Following = true
			ts, err := s.deps.Peer.NewThreads(ctx, f, true)
			if err != nil {
				return err
			}
			fg := FollowedGroup{Slug: g.Slug, Name: g.Name}
			for _, t := range ts {
				if slices.ContainsFunc(hidden, t.Tags.Has) {
					continue
				}
				fg.Threads = append(fg.Threads, WaitingRow{ID: t.ID, Title: t.Title, Tags: labels(t.Tags, names), CreatedAt: t.CreatedAt})
			}
			v.Follows = append(v.Follows, fg)
		}
		v.Groups = append(v.Groups, fc)
	}
	return nil
}

// groupFollow starts or ends following a whole group (field follow, "yes"
// or "no"), for its peer supporters and moderators.
func (s *Server) groupFollow(c echo.Context) error {
	ctx := c.Request().Context()
	g, err := s.deps.Forum.Group(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	g = shownGroup(s.printer(c), g)
	on := postValue(c, "follow") == "yes"
	if err := s.deps.Peer.Follow(ctx, actor(c), g.ID, on); err != nil {
		return err
	}
	if on {
		s.setFlash(c, s.tr(c, "You're following %s: new threads there will be listed on your peer support page.", g.Name))
	} else {
		s.setFlash(c, s.tr(c, "You've stopped following %s.", g.Name))
	}
	back := postValue(c, "back")
	if back != "/peer" {
		back = "/g/" + url.PathEscape(g.Slug)
	}
	return c.Redirect(http.StatusSeeOther, back)
}

// peerAbout is the public page saying what a peer supporter is and is not.
func (s *Server) peerAbout(c echo.Context) error {
	return renderPage(c, http.StatusOK, pagePeerAbout, PeerAboutView{Base: s.base(c, s.tr(c, "What a peer supporter is"))})
}

// peerBase fills the header's peer support: the link to the peer support
// page with the requests waiting, for peer supporters and staff, and the
// link to the member's own requests and conversations while one is going.
func (s *Server) peerBase(c echo.Context, b *Base) {
	p := principal(c)
	if p == nil || s.deps.Peer == nil {
		return
	}
	// A member who supports no group, moderates none and has no open
	// request has nothing in the header; the session lookup read the
	// first and last.
	if all, groups := auth.ModerationScope(p.Actor); !all && len(groups) == 0 && !p.User.PeerSupporter && !p.User.SupportActive {
		return
	}
	h, err := s.deps.Peer.HeaderFor(c.Request().Context(), p.Actor)
	if err != nil {
		s.log.Warn("peer support header", "request_id", reqID(c), "err", err.Error())
		return
	}
	b.Peer = h
}

// groupPeer adds peer support to a group page for its peer supporters and
// moderators: "Waiting for a first reply" comes first for a supporter,
// and both may follow the whole group.
func (s *Server) groupPeer(c echo.Context, v *GroupView) error {
	a := actor(c)
	if a == nil || s.deps.Peer == nil {
		return nil
	}
	ctx := c.Request().Context()
	sup, err := s.deps.Peer.IsSupporter(ctx, a.ID, v.Group.ID)
	if err != nil {
		return err
	}
	if v.Waiting != nil {
		v.Waiting.First = sup
	}
	if v.CanFollow = sup || auth.CanModerate(a, v.Group.ID); !v.CanFollow {
		return nil
	}
	follows, err := s.deps.Peer.Follows(ctx, a.ID)
	if err != nil {
		return err
	}
	for _, f := range follows {
		v.Following = v.Following || f.GroupID == v.Group.ID
	}
	return nil
}

// homePeer puts "Waiting for a first reply" first on the home page for a
// peer supporter.
func (s *Server) homePeer(c echo.Context, v *HomeView) error {
	a := actor(c)
	if a == nil || s.deps.Peer == nil || v.Waiting == nil {
		return nil
	}
	sup, err := s.deps.Peer.SupporterGroups(c.Request().Context(), a.ID)
	v.Waiting.First = len(sup) > 0
	return err
}

// groupSupporters is the set of groupID's peer supporters, whose posts
// there carry the badge.
func (s *Server) groupSupporters(c echo.Context, groupID int64) (map[int64]bool, error) {
	if s.deps.Peer == nil {
		return nil, nil
	}
	return s.deps.Peer.Supporters(c.Request().Context(), groupID)
}

// threadPeer adds peer support to a thread page: the gentle note for an
// author still waiting for a first reply, and the set of the group's peer
// supporters, whose posts carry the badge.
func (s *Server) threadPeer(c echo.Context, h forum.ThreadHead, v *ThreadPageView, posts []forum.PostRow) error {
	var err error
	if v.WaitingNote, err = s.waitingNote(c, h); err != nil {
		return err
	}
	if !h.GroupHasSupporters {
		return nil
	}
	supporters, err := s.groupSupporters(c, h.GroupID)
	if err != nil {
		return err
	}
	for i := range v.Posts {
		if i < len(posts) {
			v.Posts[i].PeerSupporter = v.Posts[i].AuthorKnown && !posts[i].Anonymous && supporters[authorOf(posts[i].AuthorID)]
		}
	}
	return nil
}
