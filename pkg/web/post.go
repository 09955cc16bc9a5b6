package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// postShow is a post's permanent address: it redirects to the page of its
// thread that shows it.
func (s *Server) postShow(c echo.Context) error {
	p, err := s.postParam(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if p.Status == forum.StatusHeld && !auth.CanViewHeld(actor(c), authorOf(p.AuthorID), p.GroupID) {
		return forum.ErrNotFound
	}
	cursor, err := s.deps.Forum.PageOf(ctx, p.ThreadID, p.SortKey)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, threadURL(p.ThreadID, cursor)+postAnchor(p.ID))
}

// postParam loads the post named by the :id parameter. Callers decide what
// the member may do with it.
func (s *Server) postParam(c echo.Context) (forum.PostRow, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return forum.PostRow{}, err
	}
	return s.deps.Forum.Post(c.Request().Context(), id)
}
