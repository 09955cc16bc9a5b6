package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/markup"
)

// postHistory lists the earlier versions of a post for the group's
// moderators.
func (s *Server) postHistory(c echo.Context) error {
	p, err := s.postParam(c)
	if err != nil {
		return err
	}
	ctx, id := c.Request().Context(), p.ID
	if !auth.CanModerate(actor(c), p.GroupID) {
		return echo.NewHTTPError(http.StatusForbidden, "not a moderator of this group")
	}
	h, err := s.deps.Forum.Thread(ctx, p.ThreadID)
	if err != nil {
		return err
	}
	_, names, err := s.vocab(c)
	if err != nil {
		return err
	}
	revs, err := s.deps.Forum.Revisions(ctx, id)
	if err != nil {
		return err
	}
	v := RevisionsView{Base: s.base(c, s.tr(c, "Earlier versions")), Thread: threadInfo(h, names), PostID: id, Current: markup.Stored(p.BodyHTML)}
	for _, r := range revs {
		v.Revisions = append(v.Revisions, RevisionView{Version: r.Version, Title: r.Title, Body: markup.Stored(r.BodyHTML),
			Tags: labels(r.Tags, names), WrittenAt: r.WrittenAt, Replaced: r.CreatedAt})
	}
	return renderPage(c, http.StatusOK, pagePostHistory, v)
}
