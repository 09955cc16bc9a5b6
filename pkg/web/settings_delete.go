package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

var deleteFields = []string{"mode", "current_password", "confirm"}

// settingsDeletePage explains the two choices and asks for the password.
func (s *Server) settingsDeletePage(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageSettingsDelete, DeleteView{Base: s.base(c, s.tr(c, "Delete your account")), Errors: formErrors(nil, deleteFields...)})
}

// settingsDelete deletes the account, logs out and says goodbye.
func (s *Server) settingsDelete(c echo.Context) error {
	mode := postValue(c, "mode")
	if !confirmed(c) {
		// Asked before the password is checked, so a slip costs no attempt.
		v := &forum.ValidationError{}
		v.Add("confirm", msg("Tick the box to confirm that your account will be deleted for good."))
		if mode == "" {
			v.Add("mode", msg("Please choose what should happen to your posts."))
		}
		return renderPage(c, http.StatusUnprocessableEntity, pageSettingsDelete, DeleteView{Base: s.base(c, s.tr(c, "Delete your account")), Mode: mode, Errors: formErrors(v, deleteFields...)})
	}
	err := s.deps.Auth.DeleteAccount(c.Request().Context(), principal(c), postValue(c, "current_password"), auth.DeleteMode(mode), s.clientKey(c))
	if err != nil {
		v, te := asValidation(err)
		switch {
		case te != nil:
			return s.renderThrottled(c, te)
		case v != nil:
			return renderPage(c, http.StatusUnprocessableEntity, pageSettingsDelete, DeleteView{Base: s.base(c, s.tr(c, "Delete your account")), Mode: mode, Errors: formErrors(v, deleteFields...)})
		}
		return err
	}
	s.clearSessionCookie(c)
	return c.Redirect(http.StatusSeeOther, "/goodbye")
}

// goodbye is shown after an account is deleted.
func (s *Server) goodbye(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageGoodbye, GoodbyeView{Base: s.base(c, s.tr(c, "Your account is deleted"))})
}
