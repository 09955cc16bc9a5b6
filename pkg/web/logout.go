package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// logout ends the browser's session; it is a POST so that no link or image
// elsewhere can log a member out.
func (s *Server) logout(c echo.Context) error {
	if ck, err := c.Cookie(s.sessionCookieName()); err == nil && ck.Value != "" {
		if err := s.deps.Auth.EndSession(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	s.clearSessionCookie(c)
	s.setFlash(c, s.tr(c, "You've logged out. Take care of yourself."))
	return c.Redirect(http.StatusSeeOther, "/")
}
