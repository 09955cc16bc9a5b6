package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// supportList is the member's own support requests and conversations:
// those they asked for and those they accepted, newest first.
func (s *Server) supportList(c echo.Context) error {
	ctx := c.Request().Context()
	me := principal(c).User.ID
	rows, err := s.deps.Peer.Mine(ctx, me)
	if err != nil {
		return err
	}
	_, names, err := s.vocab(c)
	if err != nil {
		return err
	}
	v := SupportListView{Base: s.base(c, s.tr(c, "One-to-one support"))}
	for _, r := range rows {
		rv := SupportRowView{ID: r.ID, GroupName: r.GroupName, GroupSlug: r.GroupSlug, About: r.About, Tags: labels(r.Tags, names),
			Status: r.Status, Mine: r.RequesterID == me, CreatedAt: r.CreatedAt}
		if rv.Mine {
			rv.Other = r.SupporterName
		} else {
			rv.Other = r.RequesterName
		}
		v.Rows = append(v.Rows, rv)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return renderPage(c, http.StatusOK, pageSupportList, v)
}

// supportRows turns open requests into list rows for supporters.
func (s *Server) supportRows(c echo.Context, rows []moderation.SupportRow) ([]SupportRowView, error) {
	_, names, err := s.vocab(c)
	if err != nil {
		return nil, err
	}
	now := s.deps.Peer.Now()
	out := make([]SupportRowView, 0, len(rows))
	for _, r := range rows {
		out = append(out, SupportRowView{ID: r.ID, GroupName: r.GroupName, GroupSlug: r.GroupSlug, About: r.About,
			Tags: labels(r.Tags, names), Status: r.Status, CreatedAt: r.CreatedAt, Waited: modWaited(s.printer(c), now.Sub(r.CreatedAt))})
	}
	return out, nil
}
