package web

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// What every composer shares (a new thread, a reply, an edit): the
// preview, the refused or failed post that keeps the member's words, and
// what the next page says after a post.

// renderPreview renders draft d into the composer without saving it, with
// tag suggestions and, when the words suggest a crisis, the crisis panel.
func (s *Server) renderPreview(c echo.Context, v *ComposeView, d forum.Draft) error {
	vocab, _, err := s.vocab(c)
	if err != nil {
		return err
	}
	v.Form.Previewed = true
	p, err := s.deps.Forum.Preview(d)
	if ve, ok := forum.AsValidation(err); ok {
		v.Form.Errors = ve.Fields
		v.Form.Summary = formSummary(ve.Fields)
		return renderPage(c, http.StatusUnprocessableEntity, pageCompose, v)
	}
	if err != nil {
		return err
	}
	v.Form.Preview = p.HTML
	d = forum.CleanDraft(d)
	v.Form.Suggestions = suggestions(s.printer(c), d.Title+"\n\n"+d.Body, vocab, d.Tags)
	v.CrisisPanel = s.crisisPanel(c, careFor(p.Screening))
	return renderPage(c, http.StatusOK, pageCompose, v)
}

// wordsKept ends the refusal of a post that was sent: nothing typed is
// lost.
var wordsKept = msg("Your words haven't been posted; they're still here so you can keep them.")

// composeFailed re-renders the composer after a failed submission with the
// member's text: 422 for validation, 429 over a flood limit, 403 when a
// posting rule refused it, 404 when the thread or group is gone, and 500
// (with the text still there) otherwise.
func (s *Server) composeFailed(c echo.Context, v *ComposeView, err error) error {
	if ve, ok := forum.AsValidation(err); ok {
		v.Form.Errors = ve.Fields
		v.Form.Summary = formSummary(ve.Fields)
		return renderPage(c, http.StatusUnprocessableEntity, pageCompose, v)
	}
	if fe, ok := asFlood(err); ok {
		retryAfter(c, fe.Seconds())
		v.Refusal, v.Form.Refused = floodText(s.printer(c), fe)+" "+s.tr(c, wordsKept), false
		return renderPage(c, http.StatusTooManyRequests, pageCompose, v)
	}
	if r, ok := forum.AsRefusal(err); ok {
		// The thread or group changed between the page and the post (a
		// moderator locked, archived or removed it meanwhile).
		status := http.StatusForbidden
		if errors.Is(r, forum.ErrNotFound) {
			status = http.StatusNotFound
		}
		v.Refusal, v.Form.Refused = s.tr(c, r.Message())+" "+s.tr(c, wordsKept), true
		return renderPage(c, status, pageCompose, v)
	}
	if s.unavailable(err) {
		s.log.Error("post failed: database unavailable", "request_id", reqID(c), "route", c.Path(), "err", err.Error())
		retryAfter(c, outageRetry)
		v.Refusal = s.tr(c, outageText) + " " + s.tr(c, wordsKept) + " " + s.tr(c, "Sending it again once Hearth is back never posts it twice.")
		return renderPage(c, http.StatusServiceUnavailable, pageCompose, v)
	}
	s.log.Error("post failed", "request_id", reqID(c), "route", c.Path(), "err", err.Error())
	v.Refusal = s.tr(c, "Something went wrong on our side and your words weren't posted. They're still here: please try again in a moment. (Reference: %s)", reqID(c))
	return renderPage(c, http.StatusInternalServerError, pageCompose, v)
}

// afterPost sets what the member sees on the next page: a flash, and the
// crisis panel when their words suggest they may be in crisis, or the
// gentler one when they sound heavy.
func (s *Server) afterPost(c echo.Context, res forum.Posted, ok string) {
	s.setCare(c, careFor(res.Screening))
	if res.Held() {
		text := s.tr(c, "Thank you. Your post is waiting for a moderator to look at it; you can see it, and others will once it's approved. You'll hear from us when it has been reviewed.")
		if cv := s.coverView(c, ""); cv != nil && !cv.Around {
			text += " " + cv.Hours + " " + cv.Now + " " + s.tr(c, "It may wait until then.")
		}
		s.setFlash(c, text)
		return
	}
	s.setFlash(c, s.tr(c, ok))
}

// gone reports whether err means the thread or group a form was sent to does
// not exist or is not visible to the member (a 404).
func gone(err error) bool {
	var he *echo.HTTPError
	return errors.Is(err, forum.ErrNotFound) || (errors.As(err, &he) && he.Code == http.StatusNotFound)
}

// goneComposer answers a new thread or reply sent to a group or thread that
// does not exist (or that moderators removed meanwhile) with a 404 that
// still holds the member's words, so nothing they wrote is lost. The form
// has no buttons: there is nowhere to post it.
func (s *Server) goneComposer(c echo.Context, d forum.Draft, withTitle bool) error {
	vocab, _, err := s.vocab(c)
	if err != nil {
		return err
	}
	d = forum.CleanDraft(d)
	heading := msg("This thread isn't available")
	refusal := msg("The thread you were writing in doesn't exist or is no longer available, so your words couldn't be posted. They're still here so you can copy and keep them.")
	if withTitle {
		heading = msg("This group isn't available")
		refusal = msg("The group you were writing in doesn't exist or is no longer available, so your words couldn't be posted. They're still here so you can copy and keep them.")
	}
	v := ComposeView{
		Base:    s.base(c, s.tr(c, heading)),
		Heading: s.tr(c, heading),
		Refusal: s.tr(c, refusal),
		Form: ComposeForm{Action: c.Request().URL.Path, WithTitle: withTitle, Title: d.Title, Body: d.Body,
			Tags: tagChoices(vocab, d.Tags), Refused: true},
	}
	return renderPage(c, http.StatusNotFound, pageCompose, v)
}

// newIdemKey is a fresh idempotency key for a composer.
func newIdemKey() string {
	var b [18]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// formSummary is the composer's error summary: its messages as the fields
// appear, each linking to its field.
func formSummary(errs map[string]string) ErrorSummary {
	order := []struct{ field, id string }{
		{"parent_id", "parent-error"}, {"title", "title"}, {"body", "body"}, {"trigger_warnings", "trigger-warnings"},
		{"anonymous", "anonymous"},
	}
	s := ErrorSummary{Heading: msg("Your post needs a small change before it can go up")}
	for _, f := range order {
		if m, ok := errs[f.field]; ok {
			s.Items = append(s.Items, SummaryItem{Target: f.id, Message: m})
		}
	}
	return s
}
