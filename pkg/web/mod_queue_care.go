package web

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/moderation"
)

// queueCare adds the care loop to the queue: for safeguarding leads the
// open escalations first, then the check-ins whose member wrote last
// (crisis replies first), and on each item the check-ins its author was
// sent, whether it was escalated, and the forms to do either.
func (s *Server) queueCare(c echo.Context, v *ModQueueView, entries []moderation.QueueEntry, here string) error {
	ctx := c.Request().Context()
	a := actor(c)
	waiting, more, err := s.deps.Moderation.WaitingCheckIns(ctx, a)
	if err != nil {
		return err
	}
	v.Waiting, v.MoreWaiting = checkInLines(s.printer(c), waiting), more
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = e.Item.ID
	}
	escalated, err := s.deps.Moderation.EscalationsOf(ctx, a, moderation.EscalateItem, ids)
	if err != nil {
		return err
	}
	leads, err := s.deps.Moderation.Leads(ctx)
	if err != nil {
		return err
	}
	now := time.Now()
	for i, e := range entries {
		me := &v.Entries[i]
		me.CheckIns = checkInLines(s.printer(c), e.CheckIns)
		if e.AuthorID != nil && *e.AuthorID != a.ID {
			me.CheckInURL = "/mod/checkins/new?item=" + strconv.FormatInt(e.Item.ID, 10)
		}
		if x, ok := escalated[e.Item.ID]; ok {
			me.Escalated = &EscalationLine{ID: x.ID, Reason: x.Reason, CreatedAt: x.CreatedAt, Since: s.printer(c).Ago(x.CreatedAt, now)}
		} else {
			me.Escalate = newEscalateForm(moderation.EscalateItem, e.Item.ID, here, leads == 0)
		}
	}
	if !auth.CanHandleEscalations(a) {
		return nil
	}
	p, err := s.deps.Moderation.Escalations(ctx, a, false, 0)
	if err != nil {
		return err
	}
	v.MoreEscalations = p.HasNext
	v.Escalations, err = s.escalationLines(ctx, s.printer(c), p.Escalations, now)
	return err
}
