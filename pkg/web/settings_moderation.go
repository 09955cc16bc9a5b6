package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// settingsModeration shows a moderator's own care settings: a soft daily
// limit of hard items, and whether trigger-warned posts stay folded in the
// queue until opened (the default).
func (s *Server) settingsModeration(c echo.Context) error {
	p, err := s.deps.Moderation.CareSettings(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	v := ModSettingsView{Base: s.base(c, s.tr(c, "Looking after yourself as a moderator")), Folded: !p.UnfoldWarned, Errors: formErrors(nil, "daily_limit")}
	if p.DailyLimit != nil {
		v.DailyLimit = strconv.Itoa(*p.DailyLimit)
	}
	return renderPage(c, http.StatusOK, pageSettingsModeration, v)
}

// settingsModerationSave saves them.
func (s *Server) settingsModerationSave(c echo.Context) error {
	in := moderation.CarePrefsInput{DailyLimit: postValue(c, "daily_limit"), UnfoldWarned: postValue(c, "folded") != "1"}
	err := s.deps.Moderation.SaveCareSettings(c.Request().Context(), actor(c), in)
	if v, ok := forum.AsValidation(err); ok {
		return renderPage(c, http.StatusUnprocessableEntity, pageSettingsModeration, ModSettingsView{
			Base: s.base(c, s.tr(c, "Looking after yourself as a moderator")), DailyLimit: in.DailyLimit, Folded: !in.UnfoldWarned,
			Errors: formErrors(v, "daily_limit")})
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Saved. Your day on the moderator queue follows these settings."))
	return c.Redirect(http.StatusSeeOther, "/settings/moderation")
}
