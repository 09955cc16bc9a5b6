package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// warningsShow lets a member choose, per trigger-warning tag, to show it,
// be warned (the default: collapsed behind the tag) or hide it.
func (s *Server) warningsShow(c echo.Context) error {
	v, err := s.warningsView(c, nil)
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageSettingsWarnings, v)
}

func (s *Server) warningsView(c echo.Context, chosen forum.Prefs) (WarningsView, error) {
	vocab, _, err := s.vocab(c)
	if err != nil {
		return WarningsView{}, err
	}
	if chosen == nil {
		if chosen, err = s.prefs(c); err != nil {
			return WarningsView{}, err
		}
	}
	v := WarningsView{Base: s.base(c, s.tr(c, "Trigger warnings"))}
	for _, t := range vocab {
		v.Tags = append(v.Tags, WarningChoice{Slug: t.Slug, Name: t.Name, Description: t.Description, Mode: chosen.ModeOf(t.Slug)})
	}
	return v, nil
}

func (s *Server) warningsSave(c echo.Context) error {
	vocab, _, err := s.vocab(c)
	if err != nil {
		return err
	}
	p := forum.Prefs{}
	for _, t := range vocab {
		if m := c.FormValue("mode-" + t.Slug); m != "" {
			p[t.Slug] = m
		}
	}
	if err := s.deps.Forum.SetPrefs(c.Request().Context(), principal(c).User.ID, p); err != nil {
		if _, ok := forum.AsValidation(err); ok {
			return echo.NewHTTPError(http.StatusUnprocessableEntity, "invalid preference")
		}
		return err
	}
	s.setFlash(c, s.tr(c, "Your trigger-warning choices are saved."))
	return c.Redirect(http.StatusSeeOther, "/settings/warnings")
}
