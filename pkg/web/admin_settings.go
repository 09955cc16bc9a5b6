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
	v, err := s.adminSettingsView(c, form, errs, threshold, newTag)
	if err != nil {
		return err
	}
	return renderPage(c, status, pageAdminSettings, v)
}

// adminSettingsView is the settings page with the refused form's errors
// and what was typed in it.
func (s *Server) adminSettingsView(c echo.Context, form string, errs map[string]string, threshold string, newTag moderation.TagInput) (AdminSettingsView, error) {
	ctx := c.Request().Context()
	set, err := s.deps.Moderation.Settings(ctx, actor(c))
	if err != nil {
		return AdminSettingsView{}, err
	}
	tags, err := s.deps.Moderation.Tags(ctx)
	if err != nil {
		return AdminSettingsView{}, err
	}
	if threshold == "" {
		threshold = strconv.Itoa(set.ReportThreshold)
	}
	return AdminSettingsView{Base: s.base(c, "Site settings"), ReportThreshold: threshold, Tags: tags, NewTag: newTag,
		MinimumAge: strconv.Itoa(s.deps.Moderation.MinimumAge(ctx)),
		Form:       form, Errors: errs, ErrorList: errorList(errs, "report_threshold", "minimum_age", "slug", "name", "description")}, nil
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
