package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"
)

// modCheckins lists the check-ins of the groups a member of staff looks
// after: crisis replies first, then those waiting for an answer, then open
// ones, then closed; ?waiting=1 lists only those waiting.
func (s *Server) modCheckins(c echo.Context) error {
	page, _ := strconv.Atoi(c.QueryParam("page"))
	page = max(page, 0)
	waiting := c.QueryParam("waiting") == "1"
	l, err := s.deps.Moderation.StaffCheckIns(c.Request().Context(), actor(c), waiting, page)
	if err != nil {
		return err
	}
	v := ModCheckInsView{Base: s.base(c, s.tr(c, "Check-ins")), CheckIns: checkInLines(s.printer(c), l.CheckIns), Waiting: waiting}
	if l.HasNext {
		q := url.Values{"page": {strconv.Itoa(page + 1)}}
		if waiting {
			q.Set("waiting", "1")
		}
		v.NextURL = "/mod/checkins?" + q.Encode()
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return renderPage(c, http.StatusOK, pageModCheckIns, v)
}
