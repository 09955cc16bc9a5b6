package web

import (
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// modCare reads the moderator's own corner of the queue: who is around,
// whether they are on duty, their day, the hand-over notes left for them,
// and what came in while nobody was around.
func (s *Server) modCare(c echo.Context) (ModCareView, error) {
	ctx, a := c.Request().Context(), actor(c)
	cv, err := s.deps.Moderation.Cover(ctx)
	if err != nil {
		return ModCareView{}, err
	}
	p := s.printer(c)
	v := ModCareView{Cover: strings.TrimSpace(hoursWords(p, cv.Hours) + " " + coverNow(p, cv)), DutySpans: moderation.DutySpans}
	if !cv.Hours.Published {
		v.Cover = strings.TrimSpace(s.tr(c, "No moderation hours are published yet, so members aren't told when moderators are around and the out-of-hours protections never apply.") + " " + coverNow(p, cv))
	}
	until, err := s.deps.Moderation.Duty(ctx, a)
	if err != nil {
		return v, err
	}
	if until != nil {
		v.OnDutyUntil = when(*until, cv.At, cv.Hours) + " " + cv.Hours.ZoneLabel()
	}
	if err := s.lookedAfter(c, &v); err != nil {
		return v, err
	}
	on, err := s.deps.Moderation.Overnight(ctx, a)
	if err != nil || len(on.Entries) == 0 {
		return v, err
	}
	o := &OvernightView{Current: on.Current, More: on.More,
		Span: "from " + when(on.From, cv.At, cv.Hours) + " until " + when(on.To, cv.At, cv.Hours) + " " + cv.Hours.ZoneLabel()}
	if on.Current {
		o.Span = "since " + when(on.From, cv.At, cv.Hours) + " " + cv.Hours.ZoneLabel()
	}
	for _, e := range on.Entries {
		o.Items = append(o.Items, OvernightLine{ItemID: e.Item.ID, PostID: e.ID, Kind: e.Item.Kind, Crisis: e.Item.Kind == moderation.KindWellbeing,
			ThreadTitle: e.ThreadTitle, GroupName: e.GroupName, CreatedAt: e.Item.CreatedAt})
	}
	v.Overnight = o
	return v, nil
}

// when names a moment in the hours' time zone: "22:00" today, "22:00
// on Monday" another day.
func when(t, now time.Time, h moderation.Hours) string {
	loc := h.Location()
	t, now = t.In(loc), now.In(loc)
	if t.YearDay() != now.YearDay() || t.Year() != now.Year() {
		return t.Format("15:04 on Monday")
	}
	return t.Format("15:04")
}
