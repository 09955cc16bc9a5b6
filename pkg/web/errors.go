package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// errorText is what a member sees for each status: plain, kind, and never
// the internal error.
var errorText = map[int][2]string{
	http.StatusBadRequest:            {msg("Something in that request didn't make sense"), msg("Please go back and try again.")},
	http.StatusForbidden:             {msg("You can't do that here"), msg("You don't have permission for this page or action. If you think that's a mistake, a moderator can help.")},
	http.StatusNotFound:              {msg("We couldn't find that page"), msg("It may have been moved or removed, or the link may be mistyped.")},
	http.StatusMethodNotAllowed:      {msg("That doesn't work here"), msg("This page can't be used that way. Please go back and try again.")},
	http.StatusRequestEntityTooLarge: {msg("That was too much to send at once"), msg("What you sent is larger than Hearth accepts. If you were writing a post, please shorten it; go back to find your text.")},
	http.StatusTooManyRequests:       {msg("Please slow down"), msg("There have been too many attempts in a short time. Please wait a few minutes and try again.")},
	http.StatusInternalServerError:   {msg("Something went wrong on our side"), msg("It's not your fault. Please try again in a moment. If it keeps happening, tell the moderators the reference below.")},
	http.StatusServiceUnavailable:    {msg("Hearth can't reach its storage right now"), msg("It's not your fault, and it usually passes within a minute. Please try again shortly.")},
}

// statusOf maps an error to an HTTP status: echo errors keep theirs, domain
// errors get their natural status, anything else is a 500.
func statusOf(err error) int {
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		return he.Code
	case errors.Is(err, forum.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, forum.ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, forum.ErrLocked):
		return http.StatusForbidden
	}
	return http.StatusInternalServerError
}

// handleError is the one HTTPErrorHandler: log the details, show a calm page.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		s.log.Warn("error after response started", "request_id", reqID(c), "err", err.Error())
		return
	}
	code := statusOf(err)
	if code == http.StatusInternalServerError && s.unavailable(err) {
		code = http.StatusServiceUnavailable
		retryAfter(c, outageRetry)
	}
	if code >= 500 {
		s.log.Error("request failed", "request_id", reqID(c), "route", c.Path(), "status", code, "err", err.Error())
	} else if code == http.StatusForbidden {
		// Refused attempts are logged without personal data for moderators.
		s.log.Warn("forbidden", "request_id", reqID(c), "route", c.Path(), "method", c.Request().Method, "err", err.Error())
	}
	if isAPI(c) {
		apiError(c, code, err)
		return
	}
	if code == http.StatusServiceUnavailable && c.Request().Method != http.MethodHead {
		if rerr := s.renderOutage(c); rerr != nil {
			s.log.Error("render outage page", "request_id", reqID(c), "err", rerr.Error())
			_ = c.String(code, s.tr(c, errorText[code][0])+". "+s.tr(c, "Reference: %s", reqID(c)))
		}
		return
	}
	text, ok := errorText[code]
	if !ok {
		text = errorText[http.StatusInternalServerError]
		if code < 500 {
			text = errorText[http.StatusBadRequest]
		}
	}
	heading, message := s.tr(c, text[0]), s.tr(c, text[1])
	v := ErrorView{Base: s.base(c, heading), Status: code, Heading: heading, Message: message}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(code)
		return
	}
	if rerr := renderPage(c, code, pageError, v); rerr != nil {
		s.log.Error("render error page", "request_id", reqID(c), "err", rerr.Error())
		_ = c.String(code, heading+". "+s.tr(c, "Reference: %s", reqID(c)))
	}
}
