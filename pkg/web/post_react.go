package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// postReact toggles one of the supportive reactions on a post.
func (s *Server) postReact(c echo.Context) error {
	p, err := s.postParam(c)
	if err != nil {
		return err
	}
	ctx, id := c.Request().Context(), p.ID
	if err := s.floodCharge(c, auth.FloodReact); err != nil {
		if fe, ok := asFlood(err); ok {
			return s.floodPage(c, fe)
		}
		return err
	}
	on, err := s.deps.Forum.React(ctx, id, principal(c).User.ID, c.FormValue("kind"))
	if _, ok := forum.AsValidation(err); ok {
		return echo.NewHTTPError(http.StatusUnprocessableEntity, "unknown reaction")
	}
	if err != nil {
		return err
	}
	label := forum.ReactionLabel(c.FormValue("kind"))
	if on {
		s.setFlash(c, s.tr(c, "You said “%s”.", s.tr(c, label)))
	} else {
		s.setFlash(c, s.tr(c, "You took back “%s”.", s.tr(c, label)))
	}
	back := localBack(c.FormValue("back"), "/t/"+itoa(p.ThreadID))
	if back == "" {
		cursor, err := s.deps.Forum.PageOf(ctx, p.ThreadID, p.SortKey)
		if err != nil {
			return err
		}
		back = threadURL(p.ThreadID, cursor)
	}
	return c.Redirect(http.StatusSeeOther, back+postAnchor(p.ID))
}
