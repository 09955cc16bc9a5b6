package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// helpingShow is the member's choice "I'd like to help answer new posts":
// with it on, their header counts the posts waiting for a first reply.
func (s *Server) helpingShow(c echo.Context) error {
	on, err := s.deps.Waiting.Helping(c.Request().Context(), principal(c).User.ID)
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageSettingsHelping, HelpingView{Base: s.base(c, s.tr(c, "Helping answer new posts")), Helping: on})
}

// helpingSave records the choice (field helping, "yes" or "no").
func (s *Server) helpingSave(c echo.Context) error {
	on := postValue(c, "helping") == "yes"
	if err := s.deps.Waiting.SetHelping(c.Request().Context(), principal(c).User.ID, on); err != nil {
		return err
	}
	if on {
		s.setFlash(c, s.tr(c, "Thank you. Your header now shows how many posts are waiting for a first reply."))
	} else {
		s.setFlash(c, s.tr(c, "Saved. Your header no longer counts posts waiting for a reply."))
	}
	return c.Redirect(http.StatusSeeOther, "/settings/helping")
}
