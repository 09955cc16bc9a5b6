package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// checkinWrite adds a message to a check-in, from its member or the staff
// of its group. A member whose words suggest they may be in crisis sees
// the crisis panel at once; a refused message comes back with its words.
func (s *Server) checkinWrite(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	body := strings.ToValidUTF8(postValue(c, "body"), "\uFFFD")
	out, err := s.deps.Moderation.WriteCheckIn(c.Request().Context(), actor(c), id, body)
	if verr, ok := forum.AsValidation(err); ok {
		v, err := s.checkInView(c, id)
		if err != nil {
			return err
		}
		v.Body, v.Errors = body, formErrors(verr, "body")
		return renderPage(c, http.StatusUnprocessableEntity, pageCheckIn, v)
	}
	if err != nil {
		return err
	}
	switch {
	case out.Screening.Level >= forum.LevelCrisis:
		s.setCare(c, careFor(out.Screening))
		s.setFlash(c, s.tr(c, "Thank you for telling us. The moderators will see your message. If you are in danger now, please call your local emergency number or one of the helplines below."))
	case !out.Member:
		s.setFlash(c, s.tr(c, "Sent. The member is told there is a new message."))
	default:
		s.setFlash(c, s.tr(c, "Sent. Only you and the moderators can read it."))
	}
	return c.Redirect(http.StatusSeeOther, moderation.CheckInPath(id)+"#reply")
}
