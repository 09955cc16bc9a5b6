package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminIndex is the administration home: groups, settings, people and
// crisis resources.
func (s *Server) adminIndex(c echo.Context) error {
	ctx := c.Request().Context()
	gs, err := s.deps.Moderation.AllGroups(ctx, actor(c))
	if err != nil {
		return err
	}
	set, err := s.deps.Moderation.Settings(ctx, actor(c))
	if err != nil {
		return err
	}
	tags, err := s.deps.Moderation.Tags(ctx)
	if err != nil {
		return err
	}
	v := AdminView{Base: s.base(c, s.tr(c, "Administration")), ReportThreshold: set.ReportThreshold, Tags: len(tags)}
	for _, g := range gs {
		if g.Archived {
			v.Archived++
		} else {
			v.Groups++
		}
	}
	return renderPage(c, http.StatusOK, pageAdmin, v)
}
