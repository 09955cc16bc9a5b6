package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/moderation"
)

// modClaim marks the moderator as looking at a queue item ("I'm looking at
// this"), so the others see who holds it, and opens it. An item someone
// else holds is refused with their name and since when.
func (s *Server) modClaim(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = s.deps.Moderation.ClaimItem(c.Request().Context(), actor(c), id)
	if h, ok := moderation.AsAlreadyHandled(err); ok {
		return s.renderHandled(c, h)
	}
	var held *moderation.ClaimedError
	if errors.As(err, &held) {
		s.setFlash(c, s.tr(c, "%s is already looking at this item (since %s). It stays with them until they hand it back or step away, or for two hours.", held.Holder, s.printer(c).Ago(held.At, time.Now())))
		return c.Redirect(http.StatusSeeOther, modNext(c.FormValue("next"), "/mod"))
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.tr(c, "You're looking at this item. Other moderators see that you hold it until you act on it, hand it back or step away."))
	return c.Redirect(http.StatusSeeOther, modItemPath(id))
}

// modRelease hands an item the moderator holds back to the queue.
func (s *Server) modRelease(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ok, err := s.deps.Moderation.ReleaseItem(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	if ok {
		s.setFlash(c, s.tr(c, "Handed back to the queue. Any moderator can pick it up now."))
	} else {
		s.setFlash(c, s.tr(c, "You weren't holding that item, so nothing changed."))
	}
	return c.Redirect(http.StatusSeeOther, modNext(c.FormValue("next"), "/mod"))
}
