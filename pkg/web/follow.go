package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// threadFollow and threadMute switch the member's subscription to a thread.
func (s *Server) threadFollow(c echo.Context) error { return s.subscribe(c, forum.SubFollow) }
func (s *Server) threadMute(c echo.Context) error   { return s.subscribe(c, forum.SubMute) }

// subscribe switches the member's subscription to the thread to state, or
// off when it already is, and returns them to the thread.
func (s *Server) subscribe(c echo.Context, state string) error {
	h, err := s.visibleThread(c)
	if err != nil {
		return err
	}
	ctx, id := c.Request().Context(), h.ID
	now, err := s.deps.Forum.ToggleSubscription(ctx, principal(c).User.ID, id, state)
	if err != nil {
		return err
	}
	switch {
	case now == forum.SubFollow:
		s.setFlash(c, s.tr(c, "You're following this thread: new replies will appear in your notifications."))
	case now == forum.SubMute:
		s.setFlash(c, s.tr(c, "You've muted this thread: you won't be notified about anything in it."))
	case state == forum.SubMute:
		s.setFlash(c, s.tr(c, "This thread is no longer muted."))
	default:
		s.setFlash(c, s.tr(c, "You've stopped following this thread."))
	}
	back := localBack(c.FormValue("back"), "/t/"+itoa(id))
	if back == "" {
		back = "/t/" + itoa(id)
	}
	return c.Redirect(http.StatusSeeOther, back)
}
