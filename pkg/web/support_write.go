package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// supportWrite adds a message to a support conversation, for either of
// its two members. A refused message (contact details, an image) comes
// back with its words and a kind explanation; a crisis-level one shows
// its writer the crisis panel and raises the conversation to the group's
// moderators.
func (s *Server) supportWrite(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	body := strings.ToValidUTF8(postValue(c, "body"), "\uFFFD")
	out, err := s.deps.Peer.Write(c.Request().Context(), actor(c), id, body)
	if verr, ok := forum.AsValidation(err); ok {
		v, err := s.supportView(c, id)
		if err != nil {
			return err
		}
		v.Body, v.Errors = body, formErrors(verr, "body")
		return renderPage(c, http.StatusUnprocessableEntity, pageSupportShow, v)
	}
	if err != nil {
		return err
	}
	if out.Screening.AtLevel() >= forum.LevelCrisis {
		s.setCare(c, careFor(out.Screening))
		s.setFlash(c, s.tr(c, "Thank you for saying it. The moderators of the group will see this conversation too, to make sure you're supported. If you are in danger now, please call your local emergency number or one of the helplines below."))
	} else {
		s.setFlash(c, s.tr(c, "Sent."))
	}
	return c.Redirect(http.StatusSeeOther, supportPath(id)+"#reply")
}
