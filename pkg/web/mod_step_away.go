package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// modStepAwayPage is the "Step away" page: the items the moderator holds
// go back to the queue, with a hand-over note for the next moderator.
func (s *Server) modStepAwayPage(c echo.Context) error {
	v, err := s.stepAwayView(c)
	if err != nil {
		return err
	}
	return renderPage(c, http.StatusOK, pageModStepAway, v)
}

func (s *Server) stepAwayView(c echo.Context) (StepAwayView, error) {
	ctx, a := c.Request().Context(), actor(c)
	v := StepAwayView{Base: s.base(c, s.tr(c, "Step away"))}
	d, err := s.deps.Moderation.MyDay(ctx, a)
	if err != nil {
		return v, err
	}
	v.Held = careDayView(d).Held
	until, err := s.deps.Moderation.Duty(ctx, a)
	v.OnDuty = until != nil
	c.Response().Header().Set("Cache-Control", "no-store")
	return v, err
}

// modStepAway hands every item the moderator holds back to the queue,
// takes them off duty and leaves their hand-over note, in one step. It
// asks no confirmation: nothing is lost, the items wait in the queue.
func (s *Server) modStepAway(c echo.Context) error {
	note := postValue(c, "note")
	out, err := s.deps.Moderation.StepAway(c.Request().Context(), actor(c), note)
	if v, ok := forum.AsValidation(err); ok {
		view, verr := s.stepAwayView(c)
		if verr != nil {
			return verr
		}
		view.Note, view.NoteError = note, v.Fields["note"]
		view.Errors = errorList(v.Fields, "note")
		return renderPage(c, http.StatusUnprocessableEntity, pageModStepAway, view)
	}
	if err != nil {
		return err
	}
	msg := s.tr(c, "You've stepped away.") + " "
	switch out.Released {
	case 0:
		msg += s.tr(c, "You weren't holding any items.")
	default:
		msg += s.tr(c, "%d items you held are back in the queue for the others.", out.Released)
	}
	if out.Noted {
		msg += " " + s.tr(c, "Your hand-over note shows at the top of the queue for the next moderators for a day.")
	}
	if out.OffDuty {
		msg += " " + s.tr(c, "You're off duty now.")
	}
	s.setFlash(c, msg+" "+s.tr(c, "Thank you. Take care of yourself."))
	return c.Redirect(http.StatusSeeOther, "/mod")
}
