package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// home lists the groups.
func (s *Server) home(c echo.Context) error {
	gs, err := s.deps.Forum.Groups(c.Request().Context())
	if err != nil {
		return err
	}
	v := HomeView{Base: s.base(c, "Groups")}
	v.Feed = &FeedLink{Title: "New threads on Hearth", URL: feedPath("/")}
	for _, g := range gs {
		v.Groups = append(v.Groups, GroupCard{
			Slug: g.Slug, Name: g.Name, Description: g.Description,
			ThreadCount: g.ThreadCount, LastActivity: g.LastActivityAt,
		})
	}
	if v.Waiting, err = s.waitingSection(c, 0, "/waiting"); err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageHome, v)
}
