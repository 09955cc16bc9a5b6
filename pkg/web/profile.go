package web

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// profile is a member's public page: pseudonym, the month they joined and
// their recent visible posts; nothing else.
func (s *Server) profile(c echo.Context) error {
	name := c.Param("name")
	p, err := s.deps.Auth.Profile(c.Request().Context(), name)
	if err != nil {
		return err
	}
	if p.Name != name {
		// One address per member, whatever case or look-alike was typed.
		return c.Redirect(http.StatusMovedPermanently, "/u/"+url.PathEscape(p.Name))
	}
	_, tags, err := s.vocab(c)
	if err != nil {
		return err
	}
	block, err := s.blockButton(c, p.ID, p.Name)
	if err != nil {
		return err
	}
	v := ProfileView{Base: s.base(c, isolate(p.Name)), Name: p.Name, Joined: p.Joined, JoinedMonth: s.printer(c).MonthYear(p.Joined), Block: block}
	v.Hidden = block != nil && block.Blocked
	prefs, err := s.prefs(c)
	if err != nil {
		return err
	}
	for _, post := range p.Posts {
		if v.Hidden {
			break
		}
		// The reader's trigger-warning choices apply here as in threads:
		// hidden tags leave the post out, warned ones collapse it.
		all := post.Tags.Union(post.ThreadTags)
		fold, isFolded := foldFor(c, forum.Post{AuthorID: &p.ID, GroupID: post.GroupID, CrisisFolded: post.CrisisFolded, CrisisTopic: post.CrisisTopic}, tags)
		if isFolded {
			all = foldTags(all, post.CrisisTopic)
		}
		mode := prefs.Mode(all)
		if mode == forum.ModeHide {
			continue
		}
		pv := ProfilePostView{
			ID: post.ID, ThreadID: post.ThreadID, ThreadTitle: post.ThreadTitle, GroupSlug: post.GroupSlug, GroupName: post.GroupName,
			Body: markup.Stored(post.BodyHTML), Tags: labels(all, tags), Warn: mode == forum.ModeWarn, CreatedAt: post.CreatedAt,
		}
		if isFolded {
			pv.Body, pv.Warn, pv.Fold = "", false, fold
		}
		v.Posts = append(v.Posts, pv)
	}
	return renderPage(c, http.StatusOK, pageProfile, v)
}
