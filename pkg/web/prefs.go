package web

import (
	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

const ctxPrefs = "tag_prefs"

// prefs returns the reader's trigger-warning preferences, read once per
// request (visitors have none: every tag warns).
func (s *Server) prefs(c echo.Context) (forum.Prefs, error) {
	if p, ok := c.Get(ctxPrefs).(forum.Prefs); ok {
		return p, nil
	}
	var p forum.Prefs
	var err error
	if pr := principal(c); pr != nil {
		p, err = s.members.Prefs(c.Request().Context(), memberKey(pr), s.deps.Forum.Prefs)
	} else {
		p, err = s.deps.Forum.Prefs(c.Request().Context(), 0)
	}
	if err != nil {
		return nil, err
	}
	c.Set(ctxPrefs, p)
	return p, nil
}

// hiddenTags is what lists leave out for the reader: tags they hide.
func (s *Server) hiddenTags(c echo.Context) ([]string, error) {
	p, err := s.prefs(c)
	if err != nil {
		return nil, err
	}
	return p.Hidden(), nil
}
