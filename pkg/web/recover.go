package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
)

// recoverForm is everything the recovery form may set.
type recoverForm struct {
	Username string
	Code     string
	Password string
}

var recoverFields = []string{"username", "code", "password"}

var msgRecoverFailed = msg("That pseudonym and recovery code don't match, or the code was already used. Please check both and try again.")

// recoverPage shows the recovery form.
func (s *Server) recoverPage(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageRecover, RecoverView{Base: s.base(c, s.tr(c, "Recover your account")), Errors: formErrors(nil, recoverFields...)})
}

// recoverAccount sets a new password with a recovery code and signs in.
func (s *Server) recoverAccount(c echo.Context) error {
	f := recoverForm{Username: postValue(c, "username"), Code: postValue(c, "code"), Password: postValue(c, "password")}
	view := RecoverView{Base: s.base(c, s.tr(c, "Recover your account")), Username: keepTyped(f.Username), Errors: formErrors(nil, recoverFields...)}
	res, err := s.deps.Auth.Recover(c.Request().Context(), auth.RecoverInput{
		Username: f.Username, Code: f.Code, Password: f.Password, ClientKey: s.clientKey(c), UserAgent: c.Request().UserAgent(),
	})
	if errors.Is(err, auth.ErrBadRecovery) {
		view.Message = msgRecoverFailed
		return renderPage(c, http.StatusUnprocessableEntity, pageRecover, view)
	}
	if err != nil {
		v, te := asValidation(err)
		switch {
		case te != nil:
			return s.renderThrottled(c, te)
		case v != nil:
			view.Errors = formErrors(v, recoverFields...)
			return renderPage(c, http.StatusUnprocessableEntity, pageRecover, view)
		}
		return err
	}
	if err := s.startSession(c, res.Token); err != nil {
		return err
	}
	msg := s.tr(c, "Your new password is set and you're logged in. You have %d recovery codes left.", res.CodesLeft)
	if res.CodesLeft <= 3 {
		msg += " You can make a fresh set in Settings."
	}
	s.setFlash(c, msg)
	return c.Redirect(http.StatusSeeOther, "/settings")
}
