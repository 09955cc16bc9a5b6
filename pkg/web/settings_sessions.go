package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// settingsSessions lists the member's signed-in devices.
func (s *Server) settingsSessions(c echo.Context) error {
	ss, err := s.deps.Auth.Sessions(c.Request().Context(), principal(c))
	if err != nil {
		return err
	}
	v := SessionsView{Base: s.base(c, s.tr(c, "Where you're logged in"))}
	for _, x := range ss {
		v.Sessions = append(v.Sessions, SessionRow{SessionInfo: x, LastSeenDay: dayOf(x.LastSeenAt), CreatedDay: dayOf(x.CreatedAt)})
	}
	return renderPage(c, http.StatusOK, pageSettingsSessions, v)
}

// settingsSessionEnd ends one of the member's own sessions. A session that
// is not theirs is a 404, whatever handle is sent.
func (s *Server) settingsSessionEnd(c echo.Context) error {
	current, err := s.deps.Auth.EndSessionByHandle(c.Request().Context(), principal(c), postValue(c, "session"))
	if err != nil {
		return err
	}
	if current {
		s.clearSessionCookie(c)
		s.setFlash(c, s.tr(c, "You've logged out on this device."))
		return c.Redirect(http.StatusSeeOther, "/")
	}
	s.setFlash(c, s.tr(c, "That device has been logged out."))
	return c.Redirect(http.StatusSeeOther, "/settings/sessions")
}

// settingsSessionsEndOthers logs out every device but this one.
func (s *Server) settingsSessionsEndOthers(c echo.Context) error {
	p := principal(c)
	if err := s.deps.Auth.EndOtherSessions(c.Request().Context(), p.User.ID, p.TokenHash); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Every other device has been logged out."))
	return c.Redirect(http.StatusSeeOther, "/settings/sessions")
}

// dayOf is a date without the time, such as "21 November 2026" (UTC): the
// session list says which day a device was used, not when exactly.
func dayOf(t time.Time) string { return t.UTC().Format("2 January 2006") }

// monthOf is a month such as "November 2026", for when someone joined.
func monthOf(t time.Time) string { return t.UTC().Format("January 2006") }
