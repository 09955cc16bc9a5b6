package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// notificationsModerators lists every message the moderators sent the
// member, newest first, read or not, each with the moderator's reason.
func (s *Server) notificationsModerators(c echo.Context) error {
	var before int64
	if b := c.QueryParam("before"); b != "" {
		n, err := strconv.ParseInt(b, 10, 64)
		if err != nil || n <= 0 {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		before = n
	}
	page, err := s.deps.Moderation.NoticeHistory(c.Request().Context(), principal(c).User.ID, before, 0)
	if err != nil {
		return err
	}
	v := ModNoticesView{Base: s.base(c, s.tr(c, "Messages from the moderators"))}
	for _, n := range page.Notices {
		v.Notices = append(v.Notices, memberNotice(n))
	}
	if page.Next > 0 {
		v.NextURL = "/notifications/moderators?before=" + itoa(page.Next)
	}
	return renderPage(c, http.StatusOK, pageModNotices, v)
}
