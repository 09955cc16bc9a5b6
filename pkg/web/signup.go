package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
)

// signupForm is everything the signup form may set. Nothing else sent with
// it (a role, a status) is read.
type signupForm struct {
	Username string
	Password string
}

var signupFields = []string{"username", "password"}

// signupPage shows the signup form.
func (s *Server) signupPage(c echo.Context) error {
	if principal(c) != nil {
		s.setFlash(c, "You're already logged in.")
		return c.Redirect(http.StatusSeeOther, "/")
	}
	return renderPage(c, http.StatusOK, pageSignup, SignupView{Base: s.base(c, "Sign up"), Errors: formErrors(nil, signupFields...)})
}

// signup creates an account, signs it in and shows its recovery codes once.
func (s *Server) signup(c echo.Context) error {
	f := signupForm{Username: postValue(c, "username"), Password: postValue(c, "password")}
	res, err := s.deps.Auth.SignUp(c.Request().Context(), auth.SignUpInput{Username: f.Username, Password: f.Password, UserAgent: c.Request().UserAgent()})
	if err != nil {
		v, _ := asValidation(err)
		if v == nil {
			return err
		}
		return renderPage(c, http.StatusUnprocessableEntity, pageSignup, SignupView{
			Base: s.base(c, "Sign up"), Username: keepTyped(f.Username), Errors: formErrors(v, signupFields...),
		})
	}
	if err := s.startSession(c, res.Token); err != nil {
		return err
	}
	view := RecoveryCodesView{Base: s.base(c, "Your recovery codes"), Codes: res.Codes, Continue: "/", Welcome: true}
	view.User = &ViewUser{ID: res.User.ID, Name: res.User.Username}
	return renderPage(c, http.StatusOK, pageCodes, view)
}
