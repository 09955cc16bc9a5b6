package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// modItem opens one queue item on its own page: the post unfolded behind
// nothing (it was opened on purpose), who is looking at it, and the forms
// of the queue. Opening a crisis, wellbeing or trigger-warned item counts
// once a day in the moderator's "Your day".
func (s *Server) modItem(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx, a := c.Request().Context(), actor(c)
	e, err := s.deps.Moderation.OpenItem(ctx, a, id)
	if err != nil {
		return err
	}
	tags, err := s.deps.Moderation.Tags(ctx)
	if err != nil {
		return err
	}
	here := c.Request().URL.RequestURI()
	v := ModItemView{Base: s.base(c, itemHeading(e.Item, e.PostRef)), Entry: modEntry(s.printer(c), e, modTagNames(s.printer(c), tags), here)}
	v.Entry.Open = true
	qv := ModQueueView{Entries: []ModEntry{v.Entry}}
	if err := s.queueCare(c, &qv, []moderation.QueueEntry{e}, here); err != nil {
		return err
	}
	if err := s.queueClaims(c, qv.Entries); err != nil {
		return err
	}
	hideAnonymousAuthors(qv.Entries)
	v.Entry = qv.Entries[0]
	d, err := s.deps.Moderation.MyDay(ctx, a)
	if err != nil {
		return err
	}
	v.Day = careDayView(d)
	c.Response().Header().Set("Cache-Control", "no-store")
	return renderPage(c, http.StatusOK, pageModItem, v)
}
