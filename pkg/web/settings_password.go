package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

var passwordFields = []string{"current_password", "password"}

// settingsPasswordPage shows the change-password form.
func (s *Server) settingsPasswordPage(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageSettingsPassword, PasswordView{Base: s.base(c, s.tr(c, "Change your password")), Errors: formErrors(nil, passwordFields...)})
}

// settingsPassword changes the password and ends every session; this
// browser carries on with a new one.
func (s *Server) settingsPassword(c echo.Context) error {
	token, err := s.deps.Auth.ChangePassword(c.Request().Context(), principal(c), postValue(c, "current_password"), postValue(c, "password"), s.clientKey(c), c.Request().UserAgent())
	if err != nil {
		v, te := asValidation(err)
		switch {
		case te != nil:
			return s.renderThrottled(c, te)
		case v != nil:
			return renderPage(c, http.StatusUnprocessableEntity, pageSettingsPassword, PasswordView{Base: s.base(c, s.tr(c, "Change your password")), Errors: formErrors(v, passwordFields...)})
		}
		return err
	}
	s.setSessionCookie(c, token)
	s.setFlash(c, s.tr(c, "Your password is changed. Any other devices signed in to your account have been signed out."))
	return c.Redirect(http.StatusSeeOther, "/settings")
}
