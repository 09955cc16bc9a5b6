package web

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"
)

// settingsExport downloads everything the member wrote or set, as JSON.
func (s *Server) settingsExport(c echo.Context) error {
	e, err := s.deps.Auth.Export(c.Request().Context(), principal(c))
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Disposition", `attachment; filename="hearth-export-`+e.ExportedAt.Format("2006-01-02")+`.json"`)
	return c.Blob(http.StatusOK, "application/json; charset=utf-8", append(b, '\n'))
}
