package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/config"
)

// totpView builds the two-factor page for the signed-in member.
func (s *Server) totpView(c echo.Context) TOTPView {
	p := principal(c)
	v := TOTPView{
		Base: s.base(c, s.tr(c, "Two-factor codes")), Enabled: p.User.TOTPEnabled,
		StaffRequired: (auth.IsStaff(p.Actor) || staffTOTPPending(c)) && s.cfg.StaffTOTP == config.StaffTOTPRequired,
		Errors:        formErrors(nil, "current_password", "code"),
	}
	if _, secret, ok := auth.PendingTOTP(p.User); ok {
		v.Pending, v.Secret = true, groupsOfFour(secret)
	}
	return v
}

// groupsOfFour spaces a secret for reading and typing.
func groupsOfFour(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// settingsTOTP shows whether two-factor codes are on, and the setup or the
// form to turn them off.
func (s *Server) settingsTOTP(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageSettingsTOTP, s.totpView(c))
}

// settingsTOTPStart makes a new secret to scan.
func (s *Server) settingsTOTPStart(c echo.Context) error {
	if err := s.deps.Auth.StartTOTP(c.Request().Context(), principal(c)); err != nil {
		if v, _ := asValidation(err); v != nil {
			s.setFlash(c, v.Fields["code"])
			return c.Redirect(http.StatusSeeOther, "/settings/totp")
		}
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/settings/totp")
}

// settingsTOTPQR serves the pending setup's QR code as an SVG image from its
// own URL: the Content-Security-Policy allows images from this site only.
func (s *Server) settingsTOTPQR(c echo.Context) error {
	url, _, ok := auth.PendingTOTP(principal(c).User)
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	svg, err := auth.QRCodeSVG(url)
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "image/svg+xml", svg)
}

// settingsTOTPConfirm turns codes on with the first code from the app.
func (s *Server) settingsTOTPConfirm(c echo.Context) error {
	if err := s.deps.Auth.ConfirmTOTP(c.Request().Context(), principal(c), postValue(c, "code")); err != nil {
		v, _ := asValidation(err)
		if v == nil {
			return err
		}
		view := s.totpView(c)
		view.Errors = formErrors(v, "code")
		return renderPage(c, http.StatusUnprocessableEntity, pageSettingsTOTP, view)
	}
	s.setFlash(c, s.tr(c, "Two-factor codes are on. From now on you'll be asked for a code when you log in."))
	return c.Redirect(http.StatusSeeOther, "/settings/totp")
}

// settingsTOTPDisable turns codes off with the password and a code.
func (s *Server) settingsTOTPDisable(c echo.Context) error {
	err := s.deps.Auth.DisableTOTP(c.Request().Context(), principal(c), postValue(c, "current_password"), postValue(c, "code"), s.clientKey(c))
	if err != nil {
		v, te := asValidation(err)
		switch {
		case te != nil:
			return s.renderThrottled(c, te)
		case v != nil:
			view := s.totpView(c)
			view.Errors = formErrors(v, "current_password", "code")
			return renderPage(c, http.StatusUnprocessableEntity, pageSettingsTOTP, view)
		}
		return err
	}
	s.setFlash(c, s.tr(c, "Two-factor codes are off."))
	return c.Redirect(http.StatusSeeOther, "/settings/totp")
}
