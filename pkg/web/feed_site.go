package web

import (
	"time"

	"github.com/labstack/echo/v4"
)

// siteFeed is the Atom feed of the newest threads in every group that is
// not archived, as a visitor sees them.
func (s *Server) siteFeed(c echo.Context) error {
	ts, err := s.deps.Public.NewThreads(c.Request().Context(), 0)
	if err != nil {
		return err
	}
	_, names, err := s.vocabIn(c, s.feedPrinter())
	if err != nil {
		return err
	}
	fp := s.feedPrinter()
	f := s.newFeed(c, "/", fp.T("Hearth: new threads"), fp.T("The newest threads in every group on Hearth"))
	for _, t := range ts {
		f.Entries = append(f.Entries, s.threadEntry(c, t, names))
	}
	return writeFeed(c, f, time.Unix(0, 0))
}
