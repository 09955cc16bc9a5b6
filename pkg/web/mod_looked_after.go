package web

import (
	"time"

	"github.com/labstack/echo/v4"
)

// lookedAfter adds the moderator's own day and the hand-over notes left
// for them to the queue's care corner.
func (s *Server) lookedAfter(c echo.Context, v *ModCareView) error {
	ctx, a := c.Request().Context(), actor(c)
	d, err := s.deps.Moderation.MyDay(ctx, a)
	if err != nil {
		return err
	}
	v.Day = careDayView(d)
	hs, err := s.deps.Moderation.Handovers(ctx, a)
	if err != nil {
		return err
	}
	now := time.Now()
	for _, h := range hs {
		v.Handovers = append(v.Handovers, HandoverLine{ID: h.ID, Author: h.AuthorName, Body: h.Body, Released: h.Released,
			CreatedAt: h.CreatedAt, Since: s.printer(c).Ago(h.CreatedAt, now)})
	}
	return nil
}

// queueClaims marks who is looking at each entry.
func (s *Server) queueClaims(c echo.Context, entries []ModEntry) error {
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = e.Item.ID
	}
	a := actor(c)
	claims, err := s.deps.Moderation.Claims(c.Request().Context(), a, ids)
	if err != nil {
		return err
	}
	now := time.Now()
	for i := range entries {
		if cl, ok := claims[entries[i].Item.ID]; ok {
			entries[i].Claim = &ClaimLine{Holder: cl.HolderName, Mine: cl.UserID == a.ID, At: cl.ClaimedAt, Since: s.printer(c).Ago(cl.ClaimedAt, now)}
		}
	}
	return nil
}
