package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/i18n"
)

// settingsSessions lists the member's signed-in devices.
func (s *Server) settingsSessions(c echo.Context) error {
	ss, err := s.deps.Auth.Sessions(c.Request().Context(), principal(c))
	if err != nil {
		return err
	}
	v := SessionsView{Base: s.base(c, s.tr(c, "Where you're logged in"))}
	for _, x := range ss {
		x.Device = deviceName(s.printer(c), x.Device)
		v.Sessions = append(v.Sessions, SessionRow{SessionInfo: x, LastSeenDay: s.printer(c).Day(x.LastSeenAt), CreatedDay: s.printer(c).Day(x.CreatedAt)})
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

// deviceName is a session's device hint (auth.DeviceHint, stored in
// English: "Firefox on Linux", "Unknown browser") in p's language. The
// browser's and system's names are names and stay as they are.
func deviceName(p *i18n.Printer, hint string) string {
	browser, system, both := strings.Cut(hint, " on ")
	browser = p.Exact(browser)
	if !both {
		return browser
	}
	return p.T("%[1]s on %[2]s", browser, system)
}
