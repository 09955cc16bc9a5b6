package web

import (
	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// apiGroupThreads is a page of a group's threads as a visitor's group page
// lists them: pinned first, then by latest activity, without held or
// removed threads. ?cursor= continues where the previous page's next left
// off.
func (s *Server) apiGroupThreads(c echo.Context) error {
	ctx := c.Request().Context()
	g, err := s.deps.Forum.Group(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	cursor := c.QueryParam("cursor")
	if err := forum.DecodeThreadListCursor(cursor); err != nil {
		return errBadCursor(err)
	}
	page, err := s.deps.Forum.GroupThreads(ctx, g, cursor, nil, 0)
	if err != nil {
		return err
	}
	names, err := s.apiTagNames(c)
	if err != nil {
		return err
	}
	ref := APIGroupRef{Slug: g.Slug, Name: g.Name}
	out := APIThreadList{Group: s.apiGroup(c, g), Threads: make([]APIThread, 0, len(page.Threads)), Next: nextCursor(page.Next)}
	for _, t := range page.Threads {
		out.Threads = append(out.Threads, s.apiThread(c, t.Thread, ref, t.AuthorName, names))
	}
	return writeAPI(c, out)
}
