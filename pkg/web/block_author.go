package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// blockAuthor is "Block this author" on someone else's anonymous post: the
// member stops seeing that author's anonymous posts and hearing from them,
// and neither is told who the other is. The answer is the same whether or
// not they had blocked this author before, so it reveals nothing.
func (s *Server) blockAuthor(c echo.Context) error {
	p, err := s.postParam(c)
	if err != nil {
		return err
	}
	if p.Status != forum.StatusVisible {
		return forum.ErrNotFound
	}
	h, err := s.deps.Forum.Thread(c.Request().Context(), p.ThreadID)
	if err != nil {
		return err
	}
	if err := canSeeThread(c, h); err != nil {
		return err
	}
	err = s.deps.Blocks.BlockAuthorOf(c.Request().Context(), principal(c).User.ID, p.Post)
	switch {
	case errors.Is(err, forum.ErrSelfBlock):
		s.setFlash(c, s.tr(c, "This is your own post: you can't block yourself."))
	case err != nil:
		return err
	default:
		s.setFlash(c, s.tr(c, "You've blocked this anonymous author. You won't see their anonymous posts or hear from them. Neither of you is told who the other is; you can undo this in Settings › Blocked members."))
	}
	back := localBack(c.FormValue("back"), "/t/"+itoa(p.ThreadID))
	if back == "" {
		back = "/t/" + itoa(p.ThreadID)
	}
	return c.Redirect(http.StatusSeeOther, back+postAnchor(p.ID))
}

// unblockAnonymous lifts one of the member's anonymous blocks.
func (s *Server) unblockAnonymous(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Blocks.UnblockAnonymous(c.Request().Context(), principal(c).User.ID, id); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "You've unblocked that anonymous author."))
	return c.Redirect(http.StatusSeeOther, "/settings/blocks")
}
