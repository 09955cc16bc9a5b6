package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// settingsBlocks lists the members the signed-in member has blocked, each
// with an Unblock button.
func (s *Server) settingsBlocks(c echo.Context) error {
	l, err := s.deps.Blocks.List(c.Request().Context(), principal(c).User.ID)
	if err != nil {
		return err
	}
	v := BlocksView{Base: s.base(c, s.tr(c, "Blocked members"))}
	if v.Anonymous, err = s.deps.Blocks.AnonymousList(c.Request().Context(), principal(c).User.ID); err != nil {
		return err
	}
	for _, b := range l {
		v.Blocked = append(v.Blocked, BlockedRow{Name: b.Name, CreatedAt: b.CreatedAt})
	}
	return renderPage(c, http.StatusOK, pageSettingsBlocks, v)
}
