package web

import (
	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// queueQuietSize is how many long-waiting first posts the queue's quiet
// section lists.
const queueQuietSize = 10

// queueQuiet fills the queue's quiet section: opening posts in the
// moderator's groups that have waited longer than HEARTH_WAITING_NOTE with
// no reply from anyone but their author, the longest waiting first.
// Nothing is wrong with them; someone may just want to say hello.
func (s *Server) queueQuiet(c echo.Context, v *ModQueueView) error {
	if s.deps.Waiting == nil {
		return nil
	}
	all, groups := auth.ModerationScope(actor(c))
	q := forum.WaitingQuery{Before: s.deps.Waiting.Now().Add(-s.cfg.WaitingNote), Limit: queueQuietSize}
	if !all {
		q.OnlyGroups = append([]int64{}, groups...)
	}
	p, err := s.deps.Waiting.List(c.Request().Context(), q)
	if err != nil {
		return err
	}
	if v.Quiet, err = s.waitingRows(c, p.Threads, true); err != nil {
		return err
	}
	v.MoreQuiet = p.More
	return nil
}
