package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// postDelete deletes the member's own post; a placeholder keeps its place
// in the conversation.
func (s *Server) postDelete(c echo.Context) error {
	p, h, err := s.editablePost(c)
	if err != nil {
		return err
	}
	if _, err := s.deps.Forum.Delete(c.Request().Context(), p.ID, writerFor(c, h.GroupID)); err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "Your post is deleted. Replies to it stay in the conversation."))
	back := localBack(c.FormValue("back"), "/t/"+itoa(h.ID))
	if back == "" {
		back = "/t/" + itoa(h.ID)
	}
	return c.Redirect(http.StatusSeeOther, back+postAnchor(p.ID))
}
