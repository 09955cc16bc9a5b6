package web

import "github.com/labstack/echo/v4"

// threadFeed is the Atom feed of a thread's newest posts, as a visitor sees
// them. A thread a visitor may not open is not found here either.
func (s *Server) threadFeed(c echo.Context) error {
	h, err := s.visitorThread(c)
	if err != nil {
		return err
	}
	ps, err := s.deps.Public.NewPosts(c.Request().Context(), h.ID)
	if err != nil {
		return err
	}
	_, names, err := s.vocabIn(c, s.feedPrinter())
	if err != nil {
		return err
	}
	fp := s.feedPrinter()
	warned := warningPrefix(fp, labels(h.Tags, names))
	f := s.newFeed(c, "/t/"+itoa(h.ID), warned+fp.T("Hearth: new posts in %s", shownTitle(fp, h.Title)), fp.T("The newest posts in this thread in %s on Hearth", shownGroupName(fp, h.GroupName)))
	for _, p := range ps {
		f.Entries = append(f.Entries, s.postEntry(c, h, p, names))
	}
	return writeFeed(c, f, h.CreatedAt)
}
