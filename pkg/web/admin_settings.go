package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// adminSettings shows the report threshold, the moderation hours with the
// out-of-hours protections, and the trigger-warning vocabulary.
func (s *Server) adminSettings(c echo.Context) error {
	return s.renderAdminSettings(c, "", nil, "", moderation.TagInput{}, http.StatusOK)
}

func (s *Server) renderAdminSettings(c echo.Context, form string, errs map[string]string, threshold string, newTag moderation.TagInput, status int, hours ...HoursForm) error {
	v, err := s.adminSettingsView(c, form, errs, threshold, newTag, hours...)
	if err != nil {
		return err
	}
	return renderPage(c, status, pageAdminSettings, v)
}

// adminSettingsView is the settings page with the refused form's errors
// and what was typed in it (the hours form as typed when given).
func (s *Server) adminSettingsView(c echo.Context, form string, errs map[string]string, threshold string, newTag moderation.TagInput, hours ...HoursForm) (AdminSettingsView, error) {
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
	v := AdminSettingsView{Base: s.base(c, s.tr(c, "Site settings")), ReportThreshold: threshold, Tags: tags, NewTag: newTag,
		MinimumAge: strconv.Itoa(s.deps.Moderation.MinimumAge(ctx)),
		Countries:  s.defaultCountryOptions(c, s.deps.Moderation.DefaultCountry(ctx)),
		Form:       form, Errors: errs, ErrorList: errorList(errs, "report_threshold", "minimum_age", "default_country", "hours_start", "hours_end", "hours_zone", "hours_zone_label",
			"out_of_hours_report_threshold", "out_of_hours_hold_first_posts", "slug", "name", "description")}
	if len(hours) > 0 {
		v.Hours = hours[0]
	} else if v.Hours, err = s.savedHours(c); err != nil {
		return v, err
	}
	return v, nil
}

// savedHours is the hours form as saved.
func (s *Server) savedHours(c echo.Context) (HoursForm, error) {
	h, o, err := s.deps.Moderation.HoursSettings(c.Request().Context(), actor(c))
	return hoursForm(h, o), err
}

// adminSettingsSave saves the report threshold and the moderation hours,
// whichever the request carries (each form of the page sends its own);
// nothing is saved when either is refused.
func (s *Server) adminSettingsSave(c echo.Context) error {
	ctx := c.Request().Context()
	form, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	saved, err := s.savedHours(c)
	if err != nil {
		return err
	}
	in, typed, hoursSent := hoursInput(form, saved)
	if !hoursSent {
		typed = saved
	}
	if hoursSent {
		if v, ok := forum.AsValidation(moderation.CheckHours(in)); ok {
			return s.renderAdminSettings(c, "hours", v.Fields, form.Get("report_threshold"), moderation.TagInput{}, http.StatusUnprocessableEntity, typed)
		}
	}
	if th, ok := form["report_threshold"]; ok {
		err := s.deps.Moderation.UpdateSettings(ctx, actor(c), th[0])
		if v, ok := forum.AsValidation(err); ok {
			return s.renderAdminSettings(c, "settings", v.Fields, th[0], moderation.TagInput{}, http.StatusUnprocessableEntity, typed)
		}
		if err != nil {
			return err
		}
	}
	if hoursSent {
		if err := s.deps.Moderation.UpdateHours(ctx, actor(c), in); err != nil {
			return err
		}
	}
	s.setFlash(c, s.tr(c, "Settings saved."))
	return c.Redirect(http.StatusSeeOther, "/admin/settings")
}
