package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// supportEndConfirm asks before ending a conversation, which cannot be
// undone, and offers to block the other member too (block=1 ticks it).
func (s *Server) supportEndConfirm(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	v, err := s.supportView(c, id)
	if err != nil {
		return err
	}
	if v.Role != string(moderation.RoleRequester) && v.Role != string(moderation.RoleSupporter) || v.Status != moderation.SupportAccepted {
		return forum.ErrNotFound
	}
	ev := SupportEndView{Base: s.base(c, s.tr(c, "End the conversation")), ID: id, Other: v.Other, Block: c.QueryParam("block") == "1",
		Errors: formErrors(nil, "confirm")}
	return renderPage(c, http.StatusOK, pageSupportEnd, ev)
}

// supportEnd ends the conversation for either member (field confirm=yes),
// and with block=yes blocks the other member too.
func (s *Server) supportEnd(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	block := postValue(c, "block") == "yes"
	if postValue(c, "confirm") != "yes" {
		v, err := s.supportView(c, id)
		if err != nil {
			return err
		}
		if v.Role != string(moderation.RoleRequester) && v.Role != string(moderation.RoleSupporter) {
			return forum.ErrNotFound
		}
		verr := &forum.ValidationError{}
		verr.Add("confirm", msg("Please tick the box to confirm you want to end the conversation."))
		ev := SupportEndView{Base: s.base(c, s.tr(c, "End the conversation")), ID: id, Other: v.Other, Block: block, Errors: formErrors(verr, "confirm")}
		return renderPage(c, http.StatusUnprocessableEntity, pageSupportEnd, ev)
	}
	ctx := c.Request().Context()
	a := actor(c)
	other, err := s.deps.Peer.End(ctx, a, id, block)
	if _, ok := forum.AsValidation(err); ok {
		s.setFlash(c, s.tr(c, "This conversation had already ended."))
		return c.Redirect(http.StatusSeeOther, supportPath(id))
	}
	if err != nil {
		return err
	}
	note := s.tr(c, "The conversation has ended. Thank you for taking part in it.")
	if block {
		if err := s.deps.Blocks.Block(ctx, a.ID, other); err != nil {
			return err
		}
		note = s.tr(c, "The conversation has ended and you have blocked the other member. They are not told.")
	}
	s.setFlash(c, note)
	return c.Redirect(http.StatusSeeOther, supportPath(id))
}

// supportReport reports a message of the conversation (fields message and
// note): from then on the group's moderators may read the conversation.
func (s *Server) supportReport(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	mid, ok := formID(postValue(c, "message"))
	if !ok || mid == 0 {
		return forum.ErrNotFound
	}
	err = s.deps.Peer.Report(c.Request().Context(), actor(c), id, mid, postValue(c, "note"))
	if verr, ok := forum.AsValidation(err); ok {
		return s.supportRefused(c, id, verr, "note")
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Thank you. The group's moderators can now read this conversation to look into it; the other member is not told who reported."))
	return c.Redirect(http.StatusSeeOther, supportPath(id))
}

// supportLooked marks a reported conversation's reports looked at, for
// the group's moderators.
func (s *Server) supportLooked(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = s.deps.Peer.Looked(c.Request().Context(), actor(c), id)
	return s.supportOutcome(c, id, err,
		msg("Another moderator has already looked at this conversation."),
		msg("Marked as looked at. It has left the queue."), "/mod")
}
