package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/i18n"
)

// sanctionOpenPaths are what a suspended or banned member may still use:
// leaving, getting help, browsing safely, taking or deleting their data,
// and their check-ins with moderators (care, not a sanction: they can
// read and answer them).
var sanctionOpenPaths = []string{"/checkins", "/logout", "/settings/export", "/settings/delete", "/goodbye", "/crisis", "/browsing-safely", "/about", "/guidelines", "/privacy", "/terms", "/healthz", "/readyz", "/metrics"}

func sanctionOpen(path string) bool {
	if strings.HasPrefix(path, "/static/") {
		return true
	}
	for _, p := range sanctionOpenPaths {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// sanctionGate runs after loadSession: a suspended or banned member sees,
// on every page but sanctionOpenPaths, why and until when. Posting is
// refused separately, by auth.CanPost, wherever it happens.
func (s *Server) sanctionGate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := principal(c)
		if p == nil || sanctionOpen(c.Request().URL.Path) {
			return next(c)
		}
		var se *auth.SanctionError
		if !errors.As(auth.CanPost(p.Actor, s.deps.Auth.Now()), &se) {
			return next(c)
		}
		v := SanctionView{Base: s.base(c, s.tr(c, "Your account is restricted")), Banned: se.Status == auth.StatusBanned, Reason: p.User.StatusReason}
		if !se.Until.IsZero() {
			until := se.Until
			v.Until = &until
		}
		if v.Banned {
			v.Title = s.tr(c, "Your account is banned")
		} else {
			v.Title = s.tr(c, "Your account is suspended")
		}
		return renderPage(c, http.StatusForbidden, pageSanctioned, v)
	}
}

// sanctionText says, gently, in p's language, why a member cannot post
// right now.
func sanctionText(p *i18n.Printer, err error) string {
	var se *auth.SanctionError
	if errors.As(err, &se) {
		switch {
		case se.Status == auth.StatusBanned:
			return p.T("Your account can no longer post on Hearth. You can still read, and the crisis page is always here if you need it.")
		case se.Until.IsZero():
			return p.T("Your account is suspended from posting until a moderator lifts the suspension. You can still read.")
		}
		return p.T("Your account is suspended from posting until %s. You can still read, and you can post again after that.", p.Date(se.Until))
	}
	return p.T("Your account can't post right now.")
}
