package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/markup"
	"hearth/pkg/moderation"
)

// supportShow is a support request: to its member, its status (and once
// accepted, the conversation); to the group's peer supporters and
// moderators while it waits, the request and the way to accept it; to the
// group's moderators after a report, the conversation (each look
// audited). To anyone else there is no such page.
func (s *Server) supportShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	v, err := s.supportView(c, id)
	if err != nil {
		return err
	}
	if v.Role == string(moderation.RoleRequester) || v.Role == string(moderation.RoleSupporter) {
		v.Panel = s.crisisPanel(c, s.popCare(c))
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return renderPage(c, http.StatusOK, pageSupportShow, v)
}

// supportView builds the page of request id for the reader.
func (s *Server) supportView(c echo.Context, id int64) (SupportShowView, error) {
	ctx := c.Request().Context()
	a := actor(c)
	d, err := s.deps.Peer.View(ctx, a, id)
	if err != nil {
		return SupportShowView{}, err
	}
	_, names, err := s.vocab(c)
	if err != nil {
		return SupportShowView{}, err
	}
	r := d.Row
	v := SupportShowView{Base: s.base(c, s.tr(c, "One-to-one support")), ID: r.ID, GroupName: r.GroupName, GroupSlug: r.GroupSlug,
		About: r.About, Tags: labels(r.Tags, names), Status: r.Status, Role: string(d.Role), RequesterName: r.RequesterName,
		SupporterName: r.SupporterName, EndedReason: r.EndedReason, EndedAt: r.EndedAt, OpenReports: d.OpenReports,
		ReportedAt: r.ReportedAt, Errors: formErrors(nil, "body", "accept", "note"), IdleDays: int(s.deps.Peer.Idle.Hours() / 24)}
	v.EndedByMe = r.EndedBy != nil && *r.EndedBy == a.ID
	switch d.Role {
	case moderation.RoleRequester:
		v.Other = r.SupporterName
	case moderation.RoleSupporter:
		v.Other = r.RequesterName
	case moderation.RoleWaiting:
		v.CanAccept = true
		if sup, err := s.deps.Peer.IsSupporter(ctx, a.ID, r.GroupID); err != nil {
			return v, err
		} else if !sup {
			v.CanAccept = false
			v.AcceptRefusal = msg("Only the group's peer supporters can accept a request. As a moderator you see it to keep everyone safe.")
		}
	case moderation.RoleModerator:
		v.ModeratorReader = true
	}
	for _, m := range d.Messages {
		mv := SupportMessageView{ID: m.ID, Body: markup.Stored(m.BodyHTML), CreatedAt: m.CreatedAt,
			Mine: m.AuthorID != nil && *m.AuthorID == a.ID, Crisis: m.CrisisLevel >= int(forum.LevelCrisis)}
		switch {
		case mv.Mine:
			mv.Author = s.tr(c, "You")
		case m.AuthorID == nil:
			mv.Author = s.tr(c, "former member")
		default:
			mv.Author = m.AuthorName
		}
		if !d.Participant() && !v.ModeratorReader {
			mv.Crisis = false
		}
		v.Messages = append(v.Messages, mv)
	}
	return v, nil
}

// supportAccept lets a peer supporter take an open request: a private
// conversation between the two opens.
func (s *Server) supportAccept(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = s.deps.Peer.Accept(c.Request().Context(), actor(c), id)
	if verr, ok := forum.AsValidation(err); ok {
		return s.supportRefused(c, id, verr, "accept")
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "You accepted the request. Only the two of you can read this conversation. Take your time; you can end it whenever you need to."))
	return c.Redirect(http.StatusSeeOther, supportPath(id)+"#reply")
}

// supportWithdraw takes back the member's request while it waits.
func (s *Server) supportWithdraw(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = s.deps.Peer.Withdraw(c.Request().Context(), actor(c), id)
	return s.supportOutcome(c, id, err,
		msg("This request is no longer waiting, so there was nothing to withdraw."),
		msg("Your request is withdrawn. You can ask again whenever you like."), "/support")
}

// supportRefused shows conversation id again, with the refusal beside field.
func (s *Server) supportRefused(c echo.Context, id int64, verr *forum.ValidationError, field string) error {
	v, err := s.supportView(c, id)
	if err != nil {
		return err
	}
	v.Errors = formErrors(verr, field)
	return renderPage(c, http.StatusUnprocessableEntity, pageSupportShow, v)
}

// supportOutcome answers a one-step action on conversation id: a refusal
// (the step was already taken, by this member or another) says so on the
// conversation; success says done and goes to next.
func (s *Server) supportOutcome(c echo.Context, id int64, err error, refused, done, next string) error {
	if _, ok := forum.AsValidation(err); ok {
		s.setFlash(c, s.tr(c, refused))
		return c.Redirect(http.StatusSeeOther, supportPath(id))
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, done))
	return c.Redirect(http.StatusSeeOther, next)
}
