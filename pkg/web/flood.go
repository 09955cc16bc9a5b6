package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/i18n"
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
func floodText(p *i18n.Printer, fe *auth.FloodError) string {
	sentence, ok := floodSentences[fe.Action]
	if !ok {
		sentence = msg("There has been a lot of activity in a short time, so Hearth is pausing this for a moment to keep the site calm for everyone. Please wait %s and try again.")
	}
	return p.T(sentence, floodWait(p, fe.Seconds()))
}

// floodSentences are the refusals of each limited action, whole so that
// each language can say them its own way.
var floodSentences = map[string]string{
	auth.FloodThread: msg("You've started several threads in a short time, so Hearth is pausing this for a moment to keep the site calm for everyone. Please wait %s and try again."),
	auth.FloodReply:  msg("You've sent several replies in a short time, so Hearth is pausing this for a moment to keep the site calm for everyone. Please wait %s and try again."),
	auth.FloodEdit:   msg("You've saved several edits in a short time, so Hearth is pausing this for a moment to keep the site calm for everyone. Please wait %s and try again."),
	auth.FloodReact:  msg("You've reacted many times in a short time, so Hearth is pausing this for a moment to keep the site calm for everyone. Please wait %s and try again."),
	auth.FloodReport: msg("You've sent several reports in a short time, so Hearth is pausing this for a moment to keep the site calm for everyone. Please wait %s and try again."),
	auth.FloodSignup: msg("There have been several new accounts from this connection in a short time, so Hearth is pausing this for a moment to keep the site calm for everyone. Please wait %s and try again."),
}

// floodWait is how long to wait, rounded up to a whole unit, as
// auth.FloodError.Wait says it in English.
func floodWait(p *i18n.Printer, secs int) string {
	if secs < 60 {
		return p.T("about %d seconds", secs)
	}
	if m := (secs + 59) / 60; m < 60 {
		return p.T("about %d minutes", m)
	}
	return p.T("about %d hours", (secs+3599)/3600)
}

// retryAfter sets the Retry-After header to secs seconds.
func retryAfter(c echo.Context, secs int) {
	c.Response().Header().Set("Retry-After", strconv.Itoa(max(secs, 1)))
}

// floodPage answers an action without a form over its limit: 429 with
// Retry-After and a calm page.
func (s *Server) floodPage(c echo.Context, fe *auth.FloodError) error {
	retryAfter(c, fe.Seconds())
	v := ErrorView{Base: s.base(c, s.tr(c, "Please slow down")), Status: http.StatusTooManyRequests, Heading: s.tr(c, "Please slow down"), Message: floodText(s.printer(c), fe)}
	return renderPage(c, http.StatusTooManyRequests, pageError, v)
}
