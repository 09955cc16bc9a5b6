package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
)

// loginForm is everything the login form may set.
type loginForm struct {
	Username string
	Password string
	Next     string
}

var loginFields = []string{"username", "password"}

// msgLoginFailed is the one answer to a wrong pseudonym or password.
var msgLoginFailed = msg("That pseudonym and password don't match. Please check them and try again. If you've forgotten your password, you can use a recovery code.")

const pendingLoginCookie = "hearth_login"

// nextParam keeps "next" only when it goes somewhere other than home.
func nextParam(next string) string {
	if n := safeNext(next); n != "/" {
		return n
	}
	return ""
}

// loginPage shows the login form.
func (s *Server) loginPage(c echo.Context) error {
	next := nextParam(c.QueryParam("next"))
	if principal(c) != nil {
		return c.Redirect(http.StatusSeeOther, safeNext(next))
	}
	return renderPage(c, http.StatusOK, pageLogin, LoginView{Base: s.base(c, s.tr(c, "Log in")), Next: next, Errors: formErrors(nil, loginFields...)})
}

// login checks the pseudonym and password; members with two-factor codes
// continue to the second step.
func (s *Server) login(c echo.Context) error {
	f := loginForm{Username: postValue(c, "username"), Password: postValue(c, "password"), Next: nextParam(postValue(c, "next"))}
	view := LoginView{Base: s.base(c, s.tr(c, "Log in")), Username: keepTyped(f.Username), Next: f.Next, Errors: formErrors(nil, loginFields...)}
	v := map[string]string{}
	if strings.TrimSpace(f.Username) == "" {
		v["username"] = msg("Please enter your pseudonym.")
	}
	if f.Password == "" {
		v["password"] = msg("Please enter your password.")
	}
	if len(v) > 0 {
		view.Errors.Fields = v
		return renderPage(c, http.StatusUnprocessableEntity, pageLogin, view)
	}
	res, err := s.deps.Auth.Login(c.Request().Context(), auth.LoginInput{
		Username: f.Username, Password: f.Password, ClientKey: s.clientKey(c), UserAgent: c.Request().UserAgent(),
	})
	var te *auth.ThrottleError
	switch {
	case errors.As(err, &te):
		return s.renderThrottled(c, te)
	case errors.Is(err, auth.ErrBadCredentials):
		view.Message = msgLoginFailed
		return renderPage(c, http.StatusUnprocessableEntity, pageLogin, view)
	case err != nil:
		return err
	}
	if res.Pending != "" {
		c.SetCookie(&http.Cookie{ // #nosec G124 -- HttpOnly and SameSite=Lax are set; Secure follows HEARTH_BASE_URL (https)
			Name: s.cookieName(pendingLoginCookie), Value: res.Pending, Path: "/", MaxAge: int(auth.PendingLoginTTL.Seconds()),
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies(),
		})
		to := "/login/code"
		if f.Next != "" {
			to += "?next=" + url.QueryEscape(f.Next)
		}
		return c.Redirect(http.StatusSeeOther, to)
	}
	if err := s.startSession(c, res.Token); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Welcome back, %s.", isolate(res.User.Username)))
	return c.Redirect(http.StatusSeeOther, safeNext(f.Next))
}

func (s *Server) clearPendingLogin(c echo.Context) {
	c.SetCookie(&http.Cookie{Name: s.cookieName(pendingLoginCookie), Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies()}) // #nosec G124 -- HttpOnly and SameSite=Lax are set; Secure follows HEARTH_BASE_URL (https)
}

func (s *Server) pendingLogin(c echo.Context) string {
	ck, err := c.Cookie(s.cookieName(pendingLoginCookie))
	if err != nil {
		return ""
	}
	return ck.Value
}

// loginCodePage asks for the two-factor code after the password.
func (s *Server) loginCodePage(c echo.Context) error {
	if s.pendingLogin(c) == "" {
		return c.Redirect(http.StatusSeeOther, "/login")
	}
	return renderPage(c, http.StatusOK, pageLoginCode, LoginCodeView{Base: s.base(c, s.tr(c, "Two-factor code")), Next: nextParam(c.QueryParam("next")), Errors: formErrors(nil, "code")})
}

// loginCode completes a login with a two-factor code.
func (s *Server) loginCode(c echo.Context) error {
	next := nextParam(postValue(c, "next"))
	pending := s.pendingLogin(c)
	if pending == "" {
		s.setFlash(c, s.tr(c, "Please log in again; that took a little too long."))
		return c.Redirect(http.StatusSeeOther, "/login")
	}
	u, token, err := s.deps.Auth.LoginTOTP(c.Request().Context(), pending, postValue(c, "code"), s.clientKey(c), c.Request().UserAgent())
	var te *auth.ThrottleError
	switch {
	case errors.As(err, &te):
		s.clearPendingLogin(c)
		return s.renderThrottled(c, te)
	case errors.Is(err, auth.ErrBadCode):
		return renderPage(c, http.StatusUnprocessableEntity, pageLoginCode, LoginCodeView{
			Base: s.base(c, s.tr(c, "Two-factor code")), Next: next,
			Errors: FormErrors{Fields: map[string]string{"code": msg("That code didn't match, or it was already used. Please enter the newest code from your authenticator app.")}, Order: []string{"code"}},
		})
	case errors.Is(err, auth.ErrBadCredentials):
		s.clearPendingLogin(c)
		s.setFlash(c, s.tr(c, "Please log in again; that took a little too long."))
		return c.Redirect(http.StatusSeeOther, "/login")
	case err != nil:
		return err
	}
	s.clearPendingLogin(c)
	if err := s.startSession(c, token); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Welcome back, %s.", isolate(u.Username)))
	return c.Redirect(http.StatusSeeOther, safeNext(next))
}
