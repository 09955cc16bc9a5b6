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
	// AgeConfirmed is the ticked box "I am N or older".
	AgeConfirmed bool
}

var signupFields = []string{"username", "password", "age_confirmed"}

// signupPage shows the signup form.
func (s *Server) signupPage(c echo.Context) error {
	if principal(c) != nil {
		s.setFlash(c, s.tr(c, "You're already logged in."))
		return c.Redirect(http.StatusSeeOther, "/")
	}
	return renderPage(c, http.StatusOK, pageSignup, SignupView{Base: s.base(c, s.tr(c, "Sign up")), Errors: formErrors(nil, signupFields...),
		MinimumAge: s.deps.Moderation.MinimumAge(c.Request().Context())})
}

// signup creates an account, signs it in and shows its recovery codes once.
func (s *Server) signup(c echo.Context) error {
	ctx := c.Request().Context()
	f := signupForm{Username: postValue(c, "username"), Password: postValue(c, "password"), AgeConfirmed: ticked(postValue(c, "age_confirmed"))}
	age := s.deps.Moderation.MinimumAge(ctx)
	client := s.clientKey(c)
	// Only accounts made count: a member who mistypes is never refused.
	if err := s.deps.Flood.Check(ctx, auth.FloodSignup, nil, client); err != nil {
		fe, ok := asFlood(err)
		if !ok {
			return err
		}
		retryAfter(c, fe.Seconds())
		return renderPage(c, http.StatusTooManyRequests, pageSignup, SignupView{
			Base: s.base(c, s.tr(c, "Sign up")), Username: keepTyped(f.Username), Errors: formErrors(nil, signupFields...),
			MinimumAge: age, AgeConfirmed: f.AgeConfirmed, Refusal: floodText(s.printer(c), fe),
		})
	}
	res, err := s.deps.Auth.SignUp(ctx, auth.SignUpInput{Username: f.Username, Password: f.Password, UserAgent: c.Request().UserAgent(),
		MinimumAge: age, AgeConfirmed: f.AgeConfirmed})
	if err != nil {
		v, _ := asValidation(err)
		if v == nil {
			return err
		}
		return renderPage(c, http.StatusUnprocessableEntity, pageSignup, SignupView{
			Base: s.base(c, s.tr(c, "Sign up")), Username: keepTyped(f.Username), Errors: formErrors(v, signupFields...),
			MinimumAge: age, AgeConfirmed: f.AgeConfirmed,
		})
	}
	if err := s.deps.Flood.Record(ctx, auth.FloodSignup, nil, client); err != nil {
		// The account exists: losing one count must not lose the codes.
		s.log.Warn("flood count", "request_id", reqID(c), "err", err.Error())
	}
	if err := s.startSession(c, res.Token); err != nil {
		return err
	}
	view := RecoveryCodesView{Base: s.base(c, s.tr(c, "Your recovery codes")), Codes: res.Codes, Continue: "/welcome", Welcome: true}
	view.User = &ViewUser{ID: res.User.ID, Name: res.User.Username}
	return renderPage(c, http.StatusOK, pageCodes, view)
}
