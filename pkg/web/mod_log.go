package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// modLog is the public moderation log: what was done, why and where;
// never who, to whom, or the words removed.
func (s *Server) modLog(c echo.Context) error {
	before, _ := strconv.ParseInt(c.QueryParam("before"), 10, 64)
	p, err := s.deps.Moderation.PublicLog(c.Request().Context(), max(before, 0))
	if err != nil {
		return err
	}
	v := ModLogView{Base: s.base(c, s.tr(c, "Moderation log"))}
	for _, e := range p.Entries {
		v.Entries = append(v.Entries, PublicLine{What: moderation.Describe(e.Action), Reason: e.Reason, Group: e.GroupName, GroupSlug: e.GroupSlug, CreatedAt: e.CreatedAt})
	}
	if p.Next > 0 {
		v.NextURL = "/mod/log?before=" + strconv.FormatInt(p.Next, 10)
	}
	return renderPage(c, http.StatusOK, pageModLog, v)
}
