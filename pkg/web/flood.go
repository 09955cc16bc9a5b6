package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
)

// Flood limits (pkg/auth/flood.go): the handlers that post, edit, react,
// report and sign up charge the member's account and client key before
// doing it. A refused form comes back with the member's words and a 429;
// an action without words (a reaction) gets a 429 page. Either way the
// answer carries Retry-After.

// floodCharge counts action for the member (or visitor) sending c, and
// returns a *auth.FloodError when it is over a limit.
func (s *Server) floodCharge(c echo.Context, action string) error {
	return s.deps.Flood.Charge(c.Request().Context(), action, actor(c), s.clientKey(c))
}

// asFlood returns the flood refusal err holds, if any.
func asFlood(err error) (*auth.FloodError, bool) {
	var fe *auth.FloodError
	return fe, errors.As(err, &fe)
}

// floodText is the refusal a member reads: what happened, that it is not
// a judgement of them, and how long to wait.
func floodText(fe *auth.FloodError) string {
	what := map[string]string{
		auth.FloodThread: "started several threads in a short time",
		auth.FloodReply:  "sent several replies in a short time",
		auth.FloodEdit:   "saved several edits in a short time",
		auth.FloodReact:  "reacted many times in a short time",
		auth.FloodReport: "sent several reports in a short time",
		auth.FloodSignup: "been several new accounts from this connection in a short time",
	}[fe.Action]
	if what == "" {
		what = "been a lot of activity in a short time"
	}
	who := "You've "
	if fe.Action == auth.FloodSignup {
		who = "There have "
	}
	return who + what + ", so Hearth is pausing this for a moment to keep the site calm for everyone. Please wait " +
		fe.Wait() + " and try again."
}

// retryAfter sets the Retry-After header to secs seconds.
func retryAfter(c echo.Context, secs int) {
	c.Response().Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
}

// floodPage answers an action without a form over its limit: 429 with
// Retry-After and a calm page.
func (s *Server) floodPage(c echo.Context, fe *auth.FloodError) error {
	retryAfter(c, fe.Seconds())
	v := ErrorView{Base: s.base(c, "Please slow down"), Status: http.StatusTooManyRequests, Heading: "Please slow down", Message: floodText(fe)}
	return renderPage(c, http.StatusTooManyRequests, pageError, v)
}
