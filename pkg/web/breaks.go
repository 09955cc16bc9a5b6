package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

const ctxBreaks = "breaks"

// breaks returns the signed-in member's current breaks, read once per
// request (none for visitors).
func (s *Server) breaks(c echo.Context) (forum.BreakSet, error) {
	if bs, ok := c.Get(ctxBreaks).(forum.BreakSet); ok {
		return bs, nil
	}
	p := principal(c)
	if p == nil || s.deps.Breaks == nil {
		return nil, nil
	}
	bs, err := s.members.Breaks(c.Request().Context(), memberKey(p), s.deps.Breaks.Now(), s.deps.Breaks.Active)
	if err != nil {
		return nil, err
	}
	c.Set(ctxBreaks, bs)
	return bs, nil
}

// onBreakAllowed are the paths a member on a whole-site break can still
// use: help and browsing safely, the break settings (to see or end it),
// their check-ins with moderators (care, which a break must not cut off),
// signing out, and what those pages need.
func onBreakAllowed(path string) bool {
	switch {
	case path == "/crisis", path == "/browsing-safely", path == "/logout", path == "/settings/breaks",
		path == "/checkins", strings.HasPrefix(path, "/checkins/"),
		strings.HasPrefix(path, "/settings/breaks/"), strings.HasPrefix(path, "/static/"),
		path == "/healthz", path == "/readyz", path == "/metrics":
		return true
	}
	return false
}

// breakGuard shows a member on a whole-site break the gentle break page
// instead of anything but the allowed paths.
func (s *Server) breakGuard(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if principal(c) == nil || onBreakAllowed(c.Request().URL.Path) {
			return next(c)
		}
		bs, err := s.breaks(c)
		if err != nil {
			return err
		}
		if b := bs.Site(); b != nil {
			return s.renderBreak(c, b, "")
		}
		return next(c)
	}
}

// groupBreak is the break keeping the member out of group groupID, or nil.
func (s *Server) groupBreak(c echo.Context, groupID int64) (*forum.Break, error) {
	bs, err := s.breaks(c)
	if err != nil {
		return nil, err
	}
	return bs.Group(groupID), nil
}

// postingBreak is the break that stops the member posting in group groupID
// on content tagged tags, or nil. The posting handlers call it before
// showing a composer or accepting a post, and render the break page with
// renderBreak when it is not nil.
func (s *Server) postingBreak(c echo.Context, groupID int64, tags forum.Tags) (*forum.Break, error) {
	bs, err := s.breaks(c)
	if err != nil {
		return nil, err
	}
	return bs.Posting(groupID, tags), nil
}

// breakHiddenTags lists the tags the member is on a break from, to leave
// out of lists like the "hide" preference does.
func (s *Server) breakHiddenTags(c echo.Context) ([]string, error) {
	bs, err := s.breaks(c)
	if err != nil {
		return nil, err
	}
	return bs.HiddenTags(), nil
}

// renderBreak shows the gentle break page for b (status 403: the page or
// action is not available until the break ends). name is the group or tag
// name when the break is from one of them.
func (s *Server) renderBreak(c echo.Context, b *forum.Break, name string) error {
	v := BreakView{Base: s.base(c, s.tr(c, "You're taking a break")), EndsAt: b.EndsAt}
	switch b.Scope {
	case forum.BreakSite:
		v.What = s.tr(c, "You're taking a break from Hearth until")
	case forum.BreakPosting:
		v.What, v.Posting = s.tr(c, "You're taking a break from posting until"), true
	case forum.BreakGroup:
		v.What = s.tr(c, "You're taking a break from this group until")
		if name != "" {
			v.What = s.tr(c, "You're taking a break from %s until", name)
		}
	case forum.BreakTag:
		v.What = s.tr(c, "You're taking a break from posts about this topic until")
		if name != "" {
			v.What = s.tr(c, "You're taking a break from posts tagged %s until", name)
		}
	}
	return renderPage(c, http.StatusForbidden, pageBreak, v)
}

// breakRefusal is the gentle sentence that stands in for a composer when a
// break stops the member posting in group groupID on content tagged tags,
// or "" when no break does. A failure to read breaks is logged and does not
// stop the post (the database is then failing the post anyway).
func (s *Server) breakRefusal(c echo.Context, groupID int64, tags forum.Tags) string {
	b, err := s.postingBreak(c, groupID, tags)
	if err != nil {
		s.log.ErrorContext(c.Request().Context(), "read breaks", "request_id", reqID(c), "err", err.Error())
		return ""
	}
	if b == nil {
		return ""
	}
	what := msg("from posting")
	switch b.Scope {
	case forum.BreakGroup:
		what = msg("from this group")
	case forum.BreakTag:
		what = msg("from this topic")
	case forum.BreakSite:
		what = msg("from Hearth")
	}
	return s.tr(c, "You're taking a break %s until %s, so writing is paused until then. You can still read. Your break settings are in Settings, and helplines are on the Get help now page.", s.tr(c, what), s.printer(c).Date(b.EndsAt))
}

// threadBreak is the break that keeps the member away from thread h (from
// its group, or from one of its tags) and the group or tag name to show,
// or nil.
func (s *Server) threadBreak(c echo.Context, h forum.ThreadHead) (*forum.Break, string, error) {
	bs, err := s.breaks(c)
	if err != nil || len(bs) == 0 {
		return nil, "", err
	}
	if b := bs.Group(h.GroupID); b != nil {
		return b, shownGroupName(s.printer(c), h.GroupName), nil
	}
	for _, slug := range h.Tags.Slugs() {
		if b := bs.Tag(slug); b != nil {
			_, names, err := s.vocab(c)
			if err != nil {
				return nil, "", err
			}
			return b, names[slug], nil
		}
	}
	return nil, "", nil
}

// onTagBreak reports whether any of tags is one the member is on a break
// from (such posts are folded away like hidden tags).
func (s *Server) onTagBreak(c echo.Context, tags forum.Tags) bool {
	bs, err := s.breaks(c)
	if err != nil {
		return false
	}
	for _, t := range bs.HiddenTags() {
		if tags.Has(t) {
			return true
		}
	}
	return false
}
