package web

import (
	"net/url"

	"github.com/labstack/echo/v4"
)

// groupFeed is the Atom feed of a group's newest threads, as a visitor sees
// them. An archived group's feed stays readable, as its page does.
func (s *Server) groupFeed(c echo.Context) error {
	ctx := c.Request().Context()
	g, err := s.deps.Forum.Group(ctx, c.Param("slug"))
	if err != nil {
		return err
	}
	fp := s.feedPrinter()
	g = shownGroup(fp, g)
	ts, err := s.deps.Public.NewThreads(ctx, g.ID)
	if err != nil {
		return err
	}
	_, names, err := s.vocabIn(c, fp)
	if err != nil {
		return err
	}
	f := s.newFeed(c, "/g/"+url.PathEscape(g.Slug), fp.T("Hearth: new threads in %s", g.Name), fp.T("The newest threads in %s on Hearth", g.Name))
	for _, t := range ts {
		f.Entries = append(f.Entries, s.threadEntry(c, t, names))
	}
	return writeFeed(c, f, g.CreatedAt)
}
