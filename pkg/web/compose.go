package web

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// Starting a thread: GET /g/:slug/new shows the composer, POST
// /g/:slug/threads posts it (or previews it when the Preview button was
// pressed). Whatever goes wrong, the member's words come back in the form.

func (s *Server) threadNew(c echo.Context) error {
	g, err := s.deps.Forum.Group(c.Request().Context(), c.Param("slug"))
	if err != nil {
		return err
	}
	v, err := s.threadComposer(c, g, forum.Draft{})
	if err != nil {
		return err
	}
	if status, refusal := s.threadRefusal(c, g); refusal != "" {
		v.Refusal, v.Form.Refused = refusal, true
		return renderPage(c, status, pageCompose, v)
	}
	return renderPage(c, http.StatusOK, pageCompose, v)
}

func (s *Server) threadCreate(c echo.Context) error {
	ctx := c.Request().Context()
	f := readDraft(c)
	d := f.Draft
	g, err := s.deps.Forum.Group(ctx, c.Param("slug"))
	if gone(err) {
		return s.goneComposer(c, d, true)
	}
	if err != nil {
		return err
	}
	v, err := s.threadComposer(c, g, d)
	if err != nil {
		return err
	}
	if f.Idem != "" {
		v.Form.Idem = f.Idem
	}
	if status, refusal := s.threadRefusal(c, g); refusal != "" {
		v.Refusal, v.Form.Refused = refusal, true
		return renderPage(c, status, pageCompose, v)
	}
	if f.Preview {
		return s.renderPreview(c, &v, d)
	}
	res, err := s.deps.Forum.StartThread(ctx, g, writerFor(c, g.ID), d, f.Idem)
	if err != nil {
		return s.composeFailed(c, &v, err)
	}
	if res.Duplicate {
		return c.Redirect(http.StatusSeeOther, "/t/"+itoa(res.Post.ThreadID))
	}
	s.afterPost(c, res, "Your thread is posted.")
	return c.Redirect(http.StatusSeeOther, "/t/"+itoa(res.Post.ThreadID))
}

// threadRefusal is why the member cannot start a thread in g right now:
// the posting rules (an archived group), then whether they may post at
// all (a sanction, a break they chose).
func (s *Server) threadRefusal(c echo.Context, g forum.Group) (int, string) {
	if r := forum.Decide(forum.Facts{Act: forum.ActStart, Writer: writerFor(c, g.ID), Group: g}).Refusal; r != nil {
		return http.StatusForbidden, r.Message()
	}
	if err := auth.CanPost(actor(c), time.Now()); err != nil {
		return http.StatusForbidden, sanctionText(err)
	}
	if r := s.breakRefusal(c, g.ID, ""); r != "" {
		return http.StatusForbidden, r
	}
	return 0, ""
}

// threadComposer is the new-thread page holding draft d.
func (s *Server) threadComposer(c echo.Context, g forum.Group, d forum.Draft) (ComposeView, error) {
	vocab, _, err := s.vocab(c)
	if err != nil {
		return ComposeView{}, err
	}
	d = forum.CleanDraft(d)
	return ComposeView{
		Base:    s.base(c, "Start a thread in "+g.Name),
		Heading: "Start a thread in " + g.Name,
		Intro:   "Take your time. Write as much or as little as feels right; you can preview before posting, and edit or delete afterwards.",
		Group:   &g,
		Form: ComposeForm{
			Action: "/g/" + url.PathEscape(g.Slug) + "/threads", WithTitle: true, Title: d.Title, Body: d.Body,
			Tags: tagChoices(vocab, d.Tags), Idem: newIdemKey(), Submit: "Post thread", RequireTag: g.RequireTag,
		},
	}, nil
}

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
	v.Form.Suggestions = suggestions(d.Title+"\n\n"+d.Body, vocab, d.Tags)
	if p.Screening.Crisis {
		v.CrisisPanel = s.crisisPanel(c)
	}
	return renderPage(c, http.StatusOK, pageCompose, v)
}

// wordsKept ends the refusal of a post that was sent: nothing typed is
// lost.
const wordsKept = "Your words haven't been posted; they're still here so you can keep them."

// composeFailed re-renders the composer after a failed submission with the
// member's text: 422 for validation, 403 when a posting rule refused it,
// 404 when the thread or group is gone, and 500 (with the text still
// there) otherwise.
func (s *Server) composeFailed(c echo.Context, v *ComposeView, err error) error {
	if ve, ok := forum.AsValidation(err); ok {
		v.Form.Errors = ve.Fields
		v.Form.Summary = formSummary(ve.Fields)
		return renderPage(c, http.StatusUnprocessableEntity, pageCompose, v)
	}
	if r, ok := forum.AsRefusal(err); ok {
		// The thread or group changed between the page and the post (a
		// moderator locked, archived or removed it meanwhile).
		status := http.StatusForbidden
		if errors.Is(r, forum.ErrNotFound) {
			status = http.StatusNotFound
		}
		v.Refusal, v.Form.Refused = r.Message()+" "+wordsKept, true
		return renderPage(c, status, pageCompose, v)
	}
	s.log.Error("post failed", "request_id", reqID(c), "route", c.Path(), "err", err.Error())
	v.Refusal = "Something went wrong on our side and your words weren't posted. They're still here: please try again in a moment. (Reference: " + reqID(c) + ")"
	return renderPage(c, http.StatusInternalServerError, pageCompose, v)
}

// afterPost sets what the member sees on the next page: a flash, and the
// crisis panel when their words suggest they may be in crisis.
func (s *Server) afterPost(c echo.Context, res forum.Posted, ok string) {
	if res.Screening.Crisis {
		s.setCare(c)
	}
	if res.Held() {
		s.setFlash(c, "Thank you. Your post is waiting for a moderator to look at it; you can see it, and others will once it's approved.")
		return
	}
	s.setFlash(c, ok)
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
	what := "thread"
	if withTitle {
		what = "group"
	}
	v := ComposeView{
		Base:    s.base(c, "This "+what+" isn't available"),
		Heading: "This " + what + " isn't available",
		Refusal: "The " + what + " you were writing in doesn't exist or is no longer available, so your words couldn't be posted. They're still here so you can copy and keep them.",
		Form: ComposeForm{Action: c.Request().URL.Path, WithTitle: withTitle, Title: d.Title, Body: d.Body,
			Tags: tagChoices(vocab, d.Tags), Refused: true},
	}
	return renderPage(c, http.StatusNotFound, pageCompose, v)
}
