package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/markup"
	"hearth/pkg/moderation"
)

// checkinShow is a check-in, for its member or the staff of its group; to
// anyone else there is no such page.
func (s *Server) checkinShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	v, err := s.checkInView(c, id)
	if err != nil {
		return err
	}
	if v.IsMember {
		v.Panel = s.crisisPanel(c, s.popCare(c))
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return renderPage(c, http.StatusOK, pageCheckIn, v)
}

// checkInView builds the check-in page for the request's member.
func (s *Server) checkInView(c echo.Context, id int64) (CheckInView, error) {
	ctx := c.Request().Context()
	before, _ := strconv.ParseInt(c.QueryParam("before"), 10, 64)
	d, err := s.deps.Moderation.CheckIn(ctx, actor(c), id, max(before, 0))
	if err != nil {
		return CheckInView{}, err
	}
	r := d.CheckIn
	v := CheckInView{Base: s.base(c, s.tr(c, "Check-in")), ID: r.ID, IsMember: d.IsMember, Open: r.IsOpen(), MemberID: r.SubjectID,
		MemberName: r.SubjectName, GroupName: r.GroupName, GroupSlug: r.GroupSlug, ClosedAt: r.ClosedAt,
		ClosedByMember: r.ClosedByMember, Errors: formErrors(nil, "body")}
	staffName := s.tr(c, "The %s moderators", shownGroupName(s.printer(c), r.GroupName))
	for _, m := range d.Messages {
		cm := CheckInMessage{ID: m.ID, FromStaff: m.FromStaff, Body: markup.Stored(m.BodyHTML), CreatedAt: m.CreatedAt}
		switch {
		case d.IsMember && m.FromStaff:
			cm.Author = staffName
		case d.IsMember:
			cm.Author = s.tr(c, "You")
		case m.FromStaff:
			cm.Author = s.tr(c, "%s (moderator)", nameOr(s.printer(c), m.AuthorName, m.AuthorID))
			if m.AuthorID == nil {
				cm.Author = s.tr(c, "A former moderator")
			}
		default:
			cm.Author = r.SubjectName
			cm.Crisis = m.CrisisLevel >= int(forum.LevelCrisis)
		}
		v.Messages = append(v.Messages, cm)
	}
	v.Older = before > 0
	if d.Earlier && len(d.Messages) > 0 {
		v.EarlierURL = moderation.CheckInPath(r.ID) + "?before=" + strconv.FormatInt(d.Messages[0].ID, 10)
	}
	if d.IsMember {
		return v, nil
	}
	v.Title = s.tr(c, "Check-in with %s", r.SubjectName)
	v.Waiting, v.Crisis = r.Waiting, r.CrisisAt != nil
	if r.PostID != nil {
		v.PostURL = modPostPath(*r.PostID)
	}
	if e := d.Escalation; e != nil {
		v.Escalated = &EscalationLine{ID: e.ID, Reason: e.Reason, CreatedAt: e.CreatedAt, Since: s.printer(c).Ago(e.CreatedAt, time.Now())}
	}
	v.Escalate, err = s.escalateForm(c, moderation.EscalateCheckIn, r.ID, moderation.CheckInPath(r.ID))
	return v, err
}
