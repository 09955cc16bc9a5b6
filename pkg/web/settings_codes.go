package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// settingsCodesPage says how many recovery codes are left and offers a
// fresh set.
func (s *Server) settingsCodesPage(c echo.Context) error {
	left, err := s.deps.Auth.RecoveryCodesLeft(c.Request().Context(), principal(c).User.ID)
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageSettingsCodes, CodesSettingsView{Base: s.base(c, s.tr(c, "Recovery codes")), Left: left, Errors: formErrors(nil, "current_password")})
}

// settingsCodes replaces the recovery codes (after the password) and shows
// the new ones once.
func (s *Server) settingsCodes(c echo.Context) error {
	ctx := c.Request().Context()
	p := principal(c)
	codes, err := s.deps.Auth.RegenerateRecoveryCodes(ctx, p, postValue(c, "current_password"), s.clientKey(c))
	if err != nil {
		v, te := asValidation(err)
		switch {
		case te != nil:
			return s.renderThrottled(c, te)
		case v != nil:
			left, lerr := s.deps.Auth.RecoveryCodesLeft(ctx, p.User.ID)
			if lerr != nil {
				return lerr
			}
			return renderPage(c, http.StatusUnprocessableEntity, pageSettingsCodes, CodesSettingsView{Base: s.base(c, s.tr(c, "Recovery codes")), Left: left, Errors: formErrors(v, "current_password")})
		}
		return err
	}
	return renderPage(c, http.StatusOK, pageCodes, RecoveryCodesView{Base: s.base(c, s.tr(c, "Your new recovery codes")), Codes: codes, Continue: "/settings"})
}
