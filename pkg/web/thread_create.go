package web

import (
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

// threadNew shows the new-thread composer.
func (s *Server) threadNew(c echo.Context) error {
	g, err := s.deps.Forum.Group(c.Request().Context(), c.Param("slug"))
	if err != nil {
		return err
	}
	g = shownGroup(s.printer(c), g)
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

// threadCreate starts a thread.
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
	if err := s.floodCharge(c, auth.FloodThread); err != nil {
		return s.composeFailed(c, &v, err)
	}
	res, err := s.deps.Forum.StartThread(ctx, g, writerFor(c, g.ID), d, f.Idem)
	if err != nil {
		return s.composeFailed(c, &v, err)
	}
	if res.Duplicate {
		return c.Redirect(http.StatusSeeOther, "/t/"+itoa(res.Post.ThreadID))
	}
	s.afterPost(c, res, msg("Your thread is posted."))
	return c.Redirect(http.StatusSeeOther, "/t/"+itoa(res.Post.ThreadID))
}

// threadRefusal is why the member cannot start a thread in g right now:
// the posting rules (an archived group), then whether they may post at
// all (a sanction, a break they chose).
func (s *Server) threadRefusal(c echo.Context, g forum.Group) (int, string) {
	if r := forum.Decide(forum.Facts{Act: forum.ActStart, Writer: writerFor(c, g.ID), Group: g}).Refusal; r != nil {
		return http.StatusForbidden, s.tr(c, r.Message())
	}
	if err := auth.CanPost(actor(c), time.Now()); err != nil {
		return http.StatusForbidden, sanctionText(s.printer(c), err)
	}
	if r := s.breakRefusal(c, g.ID, ""); r != "" {
		return http.StatusForbidden, r
	}
	return 0, ""
}

// threadComposer is the new-thread page holding draft d, with g as the
// reader's language shows it (also when a refused draft comes back).
func (s *Server) threadComposer(c echo.Context, g forum.Group, d forum.Draft) (ComposeView, error) {
	g = shownGroup(s.printer(c), g)
	vocab, _, err := s.vocab(c)
	if err != nil {
		return ComposeView{}, err
	}
	d = forum.CleanDraft(d)
	return ComposeView{
		Base:    s.base(c, s.tr(c, "Start a thread in %s", g.Name)),
		Heading: s.tr(c, "Start a thread in %s", g.Name),
		Intro:   s.tr(c, "Take your time. Write as much or as little as feels right; you can preview before posting, and edit or delete afterwards."),
		Group:   &g,
		Form: ComposeForm{
			Action: "/g/" + url.PathEscape(g.Slug) + "/threads", WithTitle: true, Title: d.Title, Body: d.Body,
			Tags: tagChoices(vocab, d.Tags), Idem: newIdemKey(), Submit: msg("Post thread"), RequireTag: g.RequireTag,
			OfferAnonymous: g.AllowAnonymous, Anonymous: d.Anonymous,
		},
	}, nil
}
