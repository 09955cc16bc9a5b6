package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// settingsIndex links to every settings section. Each area adds its own
// section as a page and one line in templates/pages/settings/index.html.
func (s *Server) settingsIndex(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageSettings, SettingsView{Base: s.base(c, "Settings")})
}
