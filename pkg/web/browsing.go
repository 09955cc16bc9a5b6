package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// BrowsingView is the "Browsing safely" page.
type BrowsingView struct {
	Base
}

// browsingSafely explains private windows, clearing history and what Hearth
// leaves on a device. It is linked beside the Quick exit control on every
// page and needs no account.
func (s *Server) browsingSafely(c echo.Context) error {
	return renderPage(c, http.StatusOK, pageBrowsing, BrowsingView{Base: s.base(c, s.tr(c, "Browsing safely"))})
}
