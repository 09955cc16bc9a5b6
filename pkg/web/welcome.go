package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// welcome is where a new member lands once their recovery codes are safe:
// what Hearth is and is not, how trigger warnings and breaks work, and
// where help is. It reads the same to anyone who opens it.
func (s *Server) welcome(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageWelcome, WelcomeView{Base: s.base(c, s.tr(c, "Welcome to Hearth"))})
}
