package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/moderation"
)

// modBase adds what moderation puts on every page: a member's notices and,
// for staff, how many wellbeing concerns are waiting. Each is one indexed
// read; a failure is logged and the page is served without them.
func (s *Server) modBase(c echo.Context, b *Base) {
	p := principal(c)
	if p == nil || s.deps.Moderation == nil {
		return
	}
	ctx := c.Request().Context()
	var ns []moderation.Notice
	var err error
	// A suspended or banned member is shown why on every page by the
	// accounts gate, where dismissing is not possible; their notices wait
	// until the sanction ends.
	if auth.CanPost(p.Actor, time.Now()) == nil {
		if ns, err = s.members.Notices(ctx, memberKey(p), s.deps.Moderation.Notices); err != nil {
			s.log.Warn("member notices", "request_id", reqID(c), "err", err.Error())
		}
	}
	for _, n := range ns {
		b.Notices = append(b.Notices, memberNotice(n))
	}
	if auth.IsStaff(p.Actor) {
		if b.WellbeingWaiting, err = s.deps.Moderation.WaitingConcerns(ctx, p.Actor); err != nil {
			s.log.Warn("waiting concerns", "request_id", reqID(c), "err", err.Error())
		}
	}
	if auth.IsLead(p.Actor) {
		if b.EscalationsWaiting, err = s.deps.Moderation.WaitingEscalations(ctx, p.Actor); err != nil {
			s.log.Warn("waiting escalations", "request_id", reqID(c), "err", err.Error())
		}
	}
}

// ackNotice dismisses a notice (acknowledges a warning) and returns the
// member to the page they were on.
func (s *Server) ackNotice(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	if err := s.deps.Moderation.Acknowledge(c.Request().Context(), principal(c).User.ID, id); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, modNext(c.FormValue("next"), "/"))
}

// modNext returns next when it is a path on this site, fallback otherwise:
// never another host (no "//host" or "/\host").
func modNext(next, fallback string) string {
	if !localPath(next) {
		return fallback
	}
	return next
}
