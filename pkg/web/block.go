package web

import (
	"context"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// blockTarget resolves the :name of a block route to a member.
func (s *Server) blockTarget(c echo.Context) (int64, string, error) {
	return s.deps.Blocks.Member(c.Request().Context(), auth.PseudonymKey(c.Param("name")))
}

// blockMember blocks the member named in the URL for the signed-in member.
// The blocked member is not told.
func (s *Server) blockMember(c echo.Context) error {
	id, name, err := s.blockTarget(c)
	if err != nil {
		return err
	}
	me := principal(c).User.ID
	if id == me {
		s.setFlash(c, s.tr(c, "You can't block yourself."))
		return c.Redirect(http.StatusSeeOther, blockReturn(c, name))
	}
	if err := s.deps.Blocks.Block(c.Request().Context(), me, id); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "You've blocked %s. You won't see their posts, and they can't reply to your posts or mention you. They won't be told.", isolate(name)))
	return c.Redirect(http.StatusSeeOther, blockReturn(c, name))
}

// unblockMember lifts a block.
func (s *Server) unblockMember(c echo.Context) error {
	id, name, err := s.blockTarget(c)
	if err != nil {
		return err
	}
	if err := s.deps.Blocks.Unblock(c.Request().Context(), principal(c).User.ID, id); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "You've unblocked %s.", isolate(name)))
	return c.Redirect(http.StatusSeeOther, blockReturn(c, name))
}

// blockReturn is where a block form sends the member back to: the local
// path in the form's "next" field, else the member's profile.
func blockReturn(c echo.Context, name string) string {
	next := c.FormValue("next")
	if localPath(next) {
		return next
	}
	return "/u/" + url.PathEscape(name)
}

// blockButton is the Block / Unblock control for the profile of member
// targetID called name: nil for visitors and on the member's own profile.
// The accounts area's profile page includes it with
// {{template "block-button" .Block}}.
func (s *Server) blockButton(c echo.Context, targetID int64, name string) (*BlockButtonView, error) {
	p := principal(c)
	if p == nil || p.User.ID == targetID {
		return nil, nil
	}
	blocked, err := s.deps.Blocks.IsBlocked(c.Request().Context(), targetID, p.User.ID)
	if err != nil {
		return nil, err
	}
	return &BlockButtonView{Name: name, Blocked: blocked}, nil
}

// blockedSet is the set of members the signed-in member has blocked (empty
// for visitors), for folding their posts away on thread pages.
func (s *Server) blockedSet(c echo.Context) (map[int64]bool, error) {
	p := principal(c)
	if p == nil {
		return map[int64]bool{}, nil
	}
	return s.members.Blocked(c.Request().Context(), memberKey(p), s.deps.Blocks.BlockedBy)
}

// replyBlocked reports whether the author of the post being answered has
// blocked the writer. Staff replies are never refused: moderators must be
// able to reach a member.
func (s *Server) replyBlocked(ctx context.Context, writer *auth.Actor, parentAuthorID *int64) (bool, error) {
	if writer == nil || parentAuthorID == nil || auth.IsStaff(writer) {
		return false, nil
	}
	return s.deps.Blocks.IsBlocked(ctx, writer.ID, *parentAuthorID)
}

// replyBlockRefusal is forum.ReplyRefused when the author of the post being
// answered (authorID, nil for none) has blocked the member, else "". The
// wording is the same as for any refusal, so the block is not revealed.
func (s *Server) replyBlockRefusal(c echo.Context, authorID *int64) (string, error) {
	blocked, err := s.replyBlocked(c.Request().Context(), actor(c), authorID)
	if err != nil || !blocked {
		return "", err
	}
	return forum.ReplyRefused, nil
}
