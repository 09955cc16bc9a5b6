package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/i18n"
	"hearth/pkg/moderation"
)

// checkinList is the member's list of check-ins moderators opened with
// them, open ones first.
func (s *Server) checkinList(c echo.Context) error {
	page, _ := strconv.Atoi(c.QueryParam("page"))
	page = max(page, 0)
	l, err := s.deps.Moderation.MyCheckIns(c.Request().Context(), actor(c), page)
	if err != nil {
		return err
	}
	v := CheckInsView{Base: s.base(c, s.tr(c, "Check-ins")), CheckIns: checkInLines(s.printer(c), l.CheckIns)}
	if l.HasNext {
		v.NextURL = "/checkins?page=" + strconv.Itoa(page+1)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return renderPage(c, http.StatusOK, pageCheckIns, v)
}

// checkInLines are check-ins as lists show them.
func checkInLines(p *i18n.Printer, rows []moderation.CheckInRow) []CheckInLine {
	out := make([]CheckInLine, 0, len(rows))
	for _, r := range rows {
		out = append(out, CheckInLine{ID: r.ID, URL: moderation.CheckInPath(r.ID), MemberID: r.SubjectID, MemberName: r.SubjectName,
			GroupName: r.GroupName, Open: r.IsOpen(), Waiting: r.Waiting, Crisis: r.CrisisAt != nil, CreatorName: nameOr(p, r.CreatorName, r.CreatedBy),
			LastMessageAt: r.LastMessageAt, CreatedAt: r.CreatedAt})
	}
	return out
}
