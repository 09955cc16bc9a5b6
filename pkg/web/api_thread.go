package web

import (
	"errors"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// apiThreadShow is a thread and a page of its posts in conversation order, as
// a visitor's thread page shows them. ?cursor= continues where the
// previous page's next left off.
func (s *Server) apiThreadShow(c echo.Context) error {
	h, err := s.visitorThread(c)
	if err != nil {
		return err
	}
	page, err := s.deps.Public.ThreadPosts(c.Request().Context(), h.ID, c.QueryParam("cursor"))
	if errors.Is(err, forum.ErrBadCursor) {
		return errBadCursor(err)
	} else if err != nil {
		return err
	}
	names, err := s.apiTagNames(c)
	if err != nil {
		return err
	}
	out := APIThreadPage{
		Thread: s.apiThread(c, h.Thread, APIGroupRef{Slug: h.GroupSlug, Name: h.GroupName}, h.AuthorName, names),
		Posts:  make([]APIPost, 0, len(page.Posts)),
		Next:   nextCursor(page.Next),
	}
	for _, p := range page.Posts {
		out.Posts = append(out.Posts, s.apiPost(c, h, p, names))
	}
	return writeAPI(c, out)
}
