package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/config"
	"hearth/pkg/forum"
)

const (
	ctxPrincipal        = "principal"
	ctxStaffTOTPPending = "staff_totp_pending"
)

// sessionCookieName is __Host- prefixed over HTTPS, which pins the cookie to
// this host, path / and Secure.
func (s *Server) sessionCookieName() string {
	if s.cfg.SecureCookies() {
		return "__Host-hearth_session"
	}
	return "hearth_session"
}

// loadSession resolves the session cookie into the signed-in member. A
// missing, garbage or expired cookie makes the request a visitor's (and the
// stale cookie is cleared); it is never an error page.
func (s *Server) loadSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ck, err := c.Cookie(s.sessionCookieName())
		if err != nil || ck.Value == "" {
			return next(c)
		}
		ctx := s.readAhead(c)
		p, err := s.deps.Auth.Resolve(ctx, ck.Value)
		if ahead := forum.ReadAheadOf(ctx); ahead != nil && ahead.Kept() {
			c.SetRequest(c.Request().WithContext(ctx))
		}
		switch {
		case errors.Is(err, auth.ErrNoSession):
			s.clearSessionCookie(c)
			return next(c)
		case err != nil:
			return err
		}
		// The menu still offers staff their pages, which ask them to set
		// up two-factor codes first; their permissions are a member's.
		view := &ViewUser{ID: p.User.ID, Name: p.User.Username, IsStaff: auth.IsStaff(p.Actor), IsAdmin: auth.CanAdmin(p.Actor)}
		if acting, withheld := auth.ActingActor(p.Actor, s.cfg.StaffTOTP == config.StaffTOTPRequired); withheld {
			p = &auth.Principal{User: p.User, Actor: acting, TokenHash: p.TokenHash}
			c.Set(ctxStaffTOTPPending, true)
		}
		c.Set(ctxPrincipal, p)
		c.Set(ctxViewUser, view)
		return next(c)
	}
}

// readAhead is the request's context asking for the thread's head to be
// read with the session on a thread's routes (/t/:id...), whose handlers
// read it first: on PostgreSQL the two are then one round trip
// (forum.ReadAhead). The request takes the context only when a head was
// kept: a session kept between requests (SQLite) reads nothing.
func (s *Server) readAhead(c echo.Context) context.Context {
	ctx := c.Request().Context()
	if !strings.HasPrefix(c.Path(), "/t/:id") {
		return ctx
	}
	id, err := idParam(c, "id")
	if err != nil {
		return ctx
	}
	return forum.WithReadAhead(ctx, id)
}

// staffTOTPPending reports a member of staff whose powers are withheld
// until they set up two-factor codes (HEARTH_STAFF_TOTP=required).
func staffTOTPPending(c echo.Context) bool {
	pending, _ := c.Get(ctxStaffTOTPPending).(bool)
	return pending
}

// principal is the signed-in member, or nil for a visitor.
func principal(c echo.Context) *auth.Principal {
	p, _ := c.Get(ctxPrincipal).(*auth.Principal)
	return p
}

// actor is the permission view of the request's member, nil for visitors.
func actor(c echo.Context) *auth.Actor {
	if p := principal(c); p != nil {
		return p.Actor
	}
	return nil
}

// setSessionCookie hands the browser a new session token.
func (s *Server) setSessionCookie(c echo.Context, token string) {
	c.SetCookie(&http.Cookie{ // #nosec G124 -- HttpOnly and SameSite=Lax are set; Secure follows HEARTH_BASE_URL (https)
		Name: s.sessionCookieName(), Value: token, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies(),
		MaxAge: int(auth.AbsoluteTimeout.Seconds()),
	})
}

func (s *Server) clearSessionCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{ // #nosec G124 -- HttpOnly and SameSite=Lax are set; Secure follows HEARTH_BASE_URL (https)
		Name: s.sessionCookieName(), Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies(),
	})
}
