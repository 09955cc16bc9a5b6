package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// postValue is the first value of a field in the request body: a field sent
// twice counts once, and the query string cannot stand in for a form field.
func postValue(c echo.Context, name string) string {
	return c.Request().PostFormValue(name)
}

// postValues is every value of a repeated field in the request body.
func postValues(c echo.Context, name string) []string {
	r := c.Request()
	if r.PostForm == nil {
		_ = r.ParseForm()
	}
	return r.PostForm[name]
}

// keepTyped is what a form shows again of what was typed: valid UTF-8 with
// control characters removed, so a refused value can be corrected rather
// than retyped.
func keepTyped(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// safeNext is a local path to continue to after login, or "/" for anything
// that could leave the site ("//host", "/\host", "https://...").
func safeNext(next string) string {
	if !localPath(next) {
		return "/"
	}
	return next
}

// clientKey is the keyed hash of the request's client address.
func (s *Server) clientKey(c echo.Context) string {
	return s.deps.Auth.ClientKey(c.RealIP())
}

// renderThrottled is the login throttle's 429 page.
func (s *Server) renderThrottled(c echo.Context, te *auth.ThrottleError) error {
	c.Response().Header().Set("Retry-After", strconv.Itoa(int(te.RetryAfter.Seconds())+1))
	return renderPage(c, http.StatusTooManyRequests, pageThrottled, ThrottledView{Base: s.base(c, s.tr(c, "Too many attempts")), Minutes: te.Minutes()})
}

// asValidation splits a service error into a validation error for the
// form, a throttle error for the 429 page, or anything else.
func asValidation(err error) (*forum.ValidationError, *auth.ThrottleError) {
	var te *auth.ThrottleError
	if errors.As(err, &te) {
		return nil, te
	}
	v, _ := forum.AsValidation(err)
	return v, nil
}

// cookieName is name, __Host- prefixed over HTTPS.
func (s *Server) cookieName(name string) string {
	if s.cfg.SecureCookies() {
		return "__Host-" + name
	}
	return name
}

// startSession hands the browser a new session token and ends the session
// its old cookie named, if any: a token is never reused across a login.
func (s *Server) startSession(c echo.Context, token string) error {
	if ck, err := c.Cookie(s.sessionCookieName()); err == nil && ck.Value != "" {
		if err := s.deps.Auth.EndSession(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	s.setSessionCookie(c, token)
	return nil
}
