package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// adminSettings shows the report threshold and the trigger-warning
// vocabulary.
func (s *Server) adminSettings(c echo.Context) error {
	return s.renderAdminSettings(c, "", nil, "", moderation.TagInput{}, http.StatusOK)
}

func (s *Server) renderAdminSettings(c echo.Context, form string, errs map[string]string, threshold string, newTag moderation.TagInput, status int) error {
	ctx := c.Request().Context()
	set, err := s.deps.Moderation.Settings(ctx, actor(c))
	if err != nil {
		return err
	}
	tags, err := s.deps.Moderation.Tags(ctx)
	if err != nil {
		return err
	}
	if threshold == "" {
		threshold = strconv.Itoa(set.ReportThreshold)
	}
	v := AdminSettingsView{Base: s.base(c, "Site settings"), ReportThreshold: threshold, Tags: tags, NewTag: newTag,
		Form: form, Errors: errs, ErrorList: modErrorList(errs, "report_threshold", "slug", "name", "description")}
	return renderPage(c, status, pageAdminSettings, v)
}

// adminSettingsSave saves the report threshold.
func (s *Server) adminSettingsSave(c echo.Context) error {
	th := c.FormValue("report_threshold")
	err := s.deps.Moderation.UpdateSettings(c.Request().Context(), actor(c), th)
	if v, ok := forum.AsValidation(err); ok {
		return s.renderAdminSettings(c, "settings", v.Fields, th, moderation.TagInput{}, http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, "Settings saved.")
	return c.Redirect(http.StatusSeeOther, "/admin/settings")
}

// adminTagCreate adds a trigger warning to the vocabulary.
func (s *Server) adminTagCreate(c echo.Context) error {
	in := moderation.TagInput{Slug: c.FormValue("slug"), Name: c.FormValue("name"), Description: c.FormValue("description")}
	err := s.deps.Moderation.CreateTag(c.Request().Context(), actor(c), in)
	if v, ok := forum.AsValidation(err); ok {
		return s.renderAdminSettings(c, "tag-new", v.Fields, "", in, http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, "Added the trigger warning “"+in.Name+"”.")
	return c.Redirect(http.StatusSeeOther, "/admin/settings")
}

// adminTagUpdate renames a trigger warning.
func (s *Server) adminTagUpdate(c echo.Context) error {
	in := moderation.TagInput{Slug: c.Param("slug"), Name: c.FormValue("name"), Description: c.FormValue("description")}
	err := s.deps.Moderation.UpdateTag(c.Request().Context(), actor(c), in)
	if v, ok := forum.AsValidation(err); ok {
		return s.renderAdminSettings(c, in.Slug, v.Fields, "", moderation.TagInput{}, http.StatusUnprocessableEntity)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, "Renamed the trigger warning to “"+in.Name+"”.")
	return c.Redirect(http.StatusSeeOther, "/admin/settings")
}
