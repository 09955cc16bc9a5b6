package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
	"hearth/pkg/markup"
	"hearth/pkg/moderation"
)

// modRequest reads who acts, from which queue item and why.
func modRequest(c echo.Context) moderation.Request {
	item, _ := strconv.ParseInt(c.FormValue("item"), 10, 64)
	return moderation.Request{Actor: actor(c), ItemID: max(item, 0), Reason: moderation.ComposeReason(c.FormValue("reason"), c.FormValue("reason_detail"))}
}

// modPostPath is the moderator page of a post.
func modPostPath(id int64) string { return "/mod/posts/" + strconv.FormatInt(id, 10) }

// modFinish answers a moderator action: a flash and a redirect when it
// worked, the "already handled" page when another moderator was first, the
// post's page with the messages when the input was refused, and that page
// (409) with the tags as they are now when another moderator changed the
// trigger warnings meanwhile.
func (s *Server) modFinish(c echo.Context, out moderation.Outcome, err error, form string, postID int64) error {
	if h, ok := moderation.AsAlreadyHandled(err); ok {
		return s.renderHandled(c, h)
	}
	if v, ok := forum.AsValidation(err); ok {
		return s.renderModPost(c, postID, form, v.Fields, http.StatusUnprocessableEntity)
	}
	if errors.Is(err, moderation.ErrTagsChanged) {
		return s.renderModPost(c, postID, form, map[string]string{"trigger_warnings": tagsChangedMessage}, http.StatusConflict)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, s.outcomeText(c, out))
	return c.Redirect(http.StatusSeeOther, modNext(c.FormValue("next"), modPostPath(postID)))
}

// outcomeText is what a moderator is told their action did, in their
// language: moderation's Outcome.Message, translated in its two parts.
func (s *Server) outcomeText(c echo.Context, out moderation.Outcome) string {
	if !out.Changed {
		return s.tr(c, out.Message())
	}
	return s.tr(c, moderation.Describe(out.Action)) + "."
}

// renderHandled tells the second moderator that someone else acted first,
// when, and what they did. Nothing was changed.
func (s *Server) renderHandled(c echo.Context, h *moderation.AlreadyHandledError) error {
	v := ModHandledView{Base: s.base(c, s.tr(c, "Already handled")), Next: modNext(c.FormValue("next"), "/mod")}
	v.Message = msg("Already handled by a moderator.")
	if !h.At.IsZero() {
		v.Message = s.tr(c, "Already handled by a moderator %s.", modSince(s.printer(c), h.At, time.Now()))
	}
	if h.Action != "" {
		v.Result = s.tr(c, moderation.Describe(h.Action)) + "."
	}
	return renderPage(c, http.StatusConflict, pageModHandled, v)
}

// modSince is "N seconds ago" for the last two minutes, then relative.
func modSince(p *i18n.Printer, t, now time.Time) string {
	d := max(now.Sub(t), 0)
	if d < 2*time.Minute {
		return p.T("%d seconds ago", int(d/time.Second))
	}
	return p.Ago(t, now)
}

// modPost is a moderator's page for one post.
func (s *Server) modPost(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.renderModPost(c, id, "", nil, http.StatusOK)
}

func (s *Server) renderModPost(c echo.Context, postID int64, form string, errs map[string]string, status int) error {
	d, err := s.deps.Moderation.Detail(c.Request().Context(), actor(c), postID)
	if err != nil {
		return err
	}
	return s.modPostPage(c, d, form, errs, status, false)
}

// modPostPage renders a post's moderator page from its detail. An
// anonymous post names nobody unless revealed is set (modPostReveal,
// which has written the look to the audit log).
func (s *Server) modPostPage(c echo.Context, d moderation.PostDetail, form string, errs map[string]string, status int, revealed bool) error {
	vocab := shownTags(s.printer(c), d.Tags)
	names := tagMap(vocab)
	p := d.Post
	v := ModPostView{
		Base:        s.base(c, s.tr(c, "Moderate a post")),
		ModPostBody: modBody(p, names),
		Items:       d.Items,
		Reports:     modReportLines(d.Reports),
		History:     modHistoryLines(d.History),
		AuthorName:  nameOr(s.printer(c), p.AuthorName, p.AuthorID),
		Groups:      shownGroups(s.printer(c), d.Groups),
		PostTags:    modTagChoices(vocab, p.Tags),
		ThreadTags:  modTagChoices(vocab, p.ThreadTags),
		Forms:       newModForms(p, 0, d.CanSanction, ""),
		Screening:   screeningLine(p.Post, names),
	}
	if p.AuthorID != nil && *p.AuthorID != actor(c).ID {
		v.CheckInURL = "/mod/checkins/new?post=" + strconv.FormatInt(p.ID, 10)
	}
	for _, sn := range d.Sanctions {
		v.Sanctions = append(v.Sanctions, SanctionLine{Kind: sn.Kind, Reason: sn.Reason, EndsAt: sn.EndsAt, Lifted: sn.LiftedAt != nil, CreatedAt: sn.CreatedAt})
	}
	if p.Anonymous && !revealed {
		hideAuthor(&v.ModPostBody, &v.Forms)
		v.AuthorName, v.CheckInURL, v.History, v.Sanctions = anonymousName, "", nil, nil
	}
	v.Revealed = p.Anonymous && revealed
	if v.Revealed && v.CheckInURL != "" {
		v.CheckInURL = "/mod/checkins/new?member=" + strconv.FormatInt(*p.AuthorID, 10) + "&group=" + strconv.FormatInt(p.GroupID, 10)
	}
	if form != "" {
		v.Forms.Form, v.Forms.Errors = form, errs
		v.Forms.Next = c.FormValue("next")
		v.Forms.ItemID, _ = strconv.ParseInt(c.FormValue("item"), 10, 64)
		v.Forms.Values = map[string]string{"reason": c.FormValue("reason"), "reason_detail": forum.CleanText(c.FormValue("reason_detail")),
			"days": c.FormValue("days"), "group": c.FormValue("group")}
		v.ErrorList = errorList(errs, "reason", "days", "group", "trigger_warnings")
	}
	return renderPage(c, status, pageModPost, v)
}

// screeningLine is what the crisis detector read in a post's words, for
// its moderator page.
func screeningLine(p forum.Post, names map[string]string) string {
	var s string
	switch p.CrisisLevel {
	case forum.LevelCrisis:
		s = "crisis language (" + foldLabel(p.CrisisTopic, names).Name + ")"
	case forum.LevelConcern:
		s = "concern"
	}
	if p.NotScreened != "" {
		s = notScreenedText
	}
	if p.CrisisFolded {
		s += "; folded for other readers until a moderator has looked"
	}
	return s
}

// modForms prepares the action forms of a post.
func newModForms(p moderation.PostRef, itemID int64, canSanction bool, next string) ModForms {
	f := ModForms{PostID: p.ID, ThreadID: p.ThreadID, ItemID: itemID, Status: p.Status, IsOpening: p.IsOpening(),
		Locked: p.ThreadLocked, Pinned: p.ThreadPinned, CanSanction: canSanction, Next: next, Folded: p.CrisisFolded}
	if p.AuthorID != nil {
		f.AuthorID = *p.AuthorID
	}
	return f
}

// modBody is a post as moderators see it: stored HTML, never re-rendered,
// with the thread's tags too for an opening post.
func modBody(p moderation.PostRef, names map[string]string) ModPostBody {
	tags := p.Tags
	if p.IsOpening() {
		tags = tags.Union(p.ThreadTags)
	}
	return ModPostBody{Post: p, Body: markup.Stored(p.BodyHTML), Tags: labels(tags, names), ThreadTitle: p.ThreadTitle}
}

// modTagNames names the vocabulary's tags in p's language, by slug.
func modTagNames(p *i18n.Printer, ts []forum.Tag) map[string]string {
	return tagMap(shownTags(p, ts))
}

func modTagChoices(vocab []forum.Tag, set forum.Tags) []ModTagChoice {
	out := make([]ModTagChoice, 0, len(vocab))
	for _, t := range vocab {
		out = append(out, ModTagChoice{Slug: t.Slug, Name: t.Name, Checked: set.Has(t.Slug)})
	}
	return out
}

func modReportLines(rs []moderation.ReportRow) []ReportLine {
	out := make([]ReportLine, 0, len(rs))
	for _, r := range rs {
		label := r.Reason
		if rr, ok := moderation.ReportReasonByKey(r.Reason); ok {
			label = rr.Label
		}
		who := r.ReporterName
		if who == "" {
			who = "a member"
		}
		out = append(out, ReportLine{Reason: label, Note: r.Note, Reporter: who,
			Repeated: r.Throttled, Open: r.Status == moderation.StatusOpen, CreatedAt: r.CreatedAt})
	}
	return out
}

func modHistoryLines(es []moderation.AuditEntry) []HistoryLine {
	out := make([]HistoryLine, 0, len(es))
	for _, e := range es {
		out = append(out, HistoryLine{What: moderation.Describe(e.Action), Reason: e.Reason, CreatedAt: e.CreatedAt})
	}
	return out
}

// postAction runs one post action from its route.
func (s *Server) postAction(form string, do func(ctx context.Context, id int64, r moderation.Request) (moderation.Outcome, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		may := func() error { _, err := s.deps.Moderation.PostFor(c.Request().Context(), actor(c), id); return err }
		if asked, err := s.askFirst(c, form, modPostPath(id), may); asked || err != nil {
			if asked {
				return err
			}
			return s.modFinish(c, moderation.Outcome{}, err, form, id)
		}
		out, err := do(c.Request().Context(), id, modRequest(c))
		return s.modFinish(c, out, err, form, id)
	}
}

// modPostTags replaces a post's trigger warnings.
func (s *Server) modPostTags(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := c.Request().ParseForm(); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	out, err := s.deps.Moderation.SetPostTags(c.Request().Context(), id, c.Request().PostForm["trigger_warnings"], modTagsSeen(c), modRequest(c))
	return s.modFinish(c, out, err, "tags", id)
}

// modTagsSeen reads the trigger warnings the moderator's tag form showed
// (its hidden tags_seen field, the stored set such as ",abuse,suicide,");
// nil when the request has no such field (a script), and then the tags as
// they are when the request arrives count. Call after ParseForm.
func modTagsSeen(c echo.Context) *forum.Tags {
	v := c.Request().PostForm["tags_seen"]
	if len(v) == 0 {
		return nil
	}
	t := forum.MakeTags(strings.Split(v[0], ","))
	return &t
}

// tagsChangedMessage is shown with the tag form again, ticked as the tags
// are now, when another moderator saved theirs first.
var tagsChangedMessage = msg("Someone changed these trigger warnings while you were editing; here they are now. Check them and save again if they still need changing.")
