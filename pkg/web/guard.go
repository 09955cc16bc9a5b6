package web

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
)

// requireUser sends visitors to the login page, remembering where they were
// going.
func (s *Server) requireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if principal(c) == nil {
			if c.Request().Method != http.MethodGet {
				return echo.NewHTTPError(http.StatusForbidden, "login required")
			}
			return c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request().URL.RequestURI()))
		}
		return next(c)
	}
}

// requireStaff admits moderators and admins in good standing. When staff
// two-factor codes are required and not yet set up (loadSession has then
// withheld their powers), they are sent to set them up first.
func (s *Server) requireStaff(next echo.HandlerFunc) echo.HandlerFunc {
	return s.requireUser(func(c echo.Context) error {
		if staffTOTPPending(c) {
			if c.Request().Method != http.MethodGet {
				return echo.NewHTTPError(http.StatusForbidden, "staff must set up two-factor codes")
			}
			s.setFlash(c, s.tr(c, "Staff accounts need two-factor codes. Please set them up to continue."))
			return c.Redirect(http.StatusSeeOther, "/settings/totp")
		}
		if !auth.IsStaff(actor(c)) {
			return echo.NewHTTPError(http.StatusForbidden, "staff only")
		}
		return next(c)
	})
}

// requireAdmin admits admins only (after the staff checks).
func (s *Server) requireAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return s.requireStaff(func(c echo.Context) error {
		if !auth.CanAdmin(actor(c)) {
			return echo.NewHTTPError(http.StatusForbidden, "admins only")
		}
		return next(c)
	})
}
