package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
	"hearth/pkg/moderation"
)

// modQueue is the one moderator queue: wellbeing concerns first with how
// long they have waited, then reports by weight, then held posts.
func (s *Server) modQueue(c echo.Context) error {
	ctx := c.Request().Context()
	page, _ := strconv.Atoi(c.QueryParam("page"))
	f := moderation.QueueFilter{GroupSlug: c.QueryParam("group"), Kind: c.QueryParam("kind"), Page: max(page, 0)}
	qp, err := s.deps.Moderation.Queue(ctx, actor(c), f)
	if err != nil {
		return err
	}
	tags, err := s.deps.Moderation.Tags(ctx)
	if err != nil {
		return err
	}
	names := modTagNames(s.printer(c), tags)
	v := ModQueueView{Base: s.base(c, s.tr(c, "Moderator queue")), Groups: shownGroups(s.printer(c), qp.Groups), Group: f.GroupSlug, Kind: f.Kind,
		Filtered: f.GroupSlug != "" || f.Kind != ""}
	if v.Care, err = s.modCare(c); err != nil {
		return err
	}
	here := c.Request().URL.RequestURI()
	for _, e := range qp.Entries {
		me := modEntry(s.printer(c), e, names, here)
		me.Open = v.Care.Day.UnfoldWarned
		v.Entries = append(v.Entries, me)
	}
	if err := s.queueCare(c, &v, qp.Entries, here); err != nil {
		return err
	}
	if err := s.queueQuiet(c, &v); err != nil {
		return err
	}
	if err := s.queueClaims(c, v.Entries); err != nil {
		return err
	}
	hideAnonymousAuthors(v.Entries)
	if v.Support, err = s.deps.Peer.Attention(ctx, actor(c), queueQuietSize); err != nil {
		return err
	}
	if qp.HasNext {
		q := url.Values{}
		if f.GroupSlug != "" {
			q.Set("group", f.GroupSlug)
		}
		if f.Kind != "" {
			q.Set("kind", f.Kind)
		}
		q.Set("page", strconv.Itoa(f.Page+1))
		v.NextURL = "/mod?" + q.Encode()
	}
	if s.live != nil {
		v.Live = "/mod/events"
	}
	return renderPage(c, http.StatusOK, pageModQueue, v)
}

// modEntry is a queue entry as the queue and the item's own page show it.
func modEntry(pr *i18n.Printer, e moderation.QueueEntry, names map[string]string, here string) ModEntry {
	p := e.PostRef
	me := ModEntry{
		Item:        e.Item,
		ModPostBody: modBody(e.PostRef, names),
		Heading:     itemHeading(e.Item, e.PostRef),
		NotScreened: p.NotScreened != "" && e.Item.Priority != moderation.UnscreenedPriority,
		Waited:      modWaited(pr, time.Since(e.Item.CreatedAt)),
		Urgent:      e.Item.Kind == moderation.KindWellbeing && e.Item.Priority >= moderation.WellbeingPriority,
		Reports:     modReportLines(e.Reports),
		History:     modHistoryLines(e.History),
		Forms:       newModForms(e.PostRef, e.Item.ID, e.CanSanction, here),
		OpenURL:     modItemPath(e.Item.ID),
		Here:        here,
	}
	me.Forms.Kind = e.Item.Kind
	if e.Item.Status != moderation.StatusOpen {
		me.Handled = moderation.Describe(e.Item.Resolution)
	}
	return me
}

// itemHeading names a queue item for moderators. A wellbeing item's
// priority says why it was opened (moderation's wellbeing priorities); a
// top one is crisis language when the post's words were read as a crisis,
// and otherwise a member's worry about its author.
func itemHeading(it moderation.QueueItem, p moderation.PostRef) string {
	switch {
	case it.Kind == moderation.KindReport:
		return msg("Reported post")
	case it.Kind != moderation.KindWellbeing:
		return msg("Waiting for approval")
	case it.Priority >= moderation.WellbeingPriority && p.CrisisLevel == forum.LevelCrisis:
		return msg("Wellbeing concern: crisis language")
	case it.Priority >= moderation.WellbeingPriority:
		return msg("Wellbeing concern")
	case it.Priority >= moderation.ConcernPriority:
		return msg("Wellbeing concern: concern level")
	}
	return msg("Wellbeing concern: not screened (language)")
}

// notScreenedText marks a post the crisis detector could not read because
// of its language: it was not scored safe, nor scored at all.
const notScreenedText = "not screened (language)"

// modWaited says how long an item has waited, in the largest sensible
// unit, in p's language.
func modWaited(p *i18n.Printer, d time.Duration) string {
	switch {
	case d < time.Minute:
		return p.T("less than a minute")
	case d < time.Hour:
		return p.T("%d minutes", int(d/time.Minute))
	case d < 48*time.Hour:
		return p.T("%d hours", int(d/time.Hour))
	}
	return p.T("%d days", int(d/(24*time.Hour)))
}

// modDismiss handles a queue item with no action on the post (approving a
// held post).
func (s *Server) modDismiss(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	r := modRequest(c)
	r.ItemID = id
	out, err := s.deps.Moderation.Dismiss(c.Request().Context(), r)
	return s.modFinish(c, out, err, "dismiss", out.PostID)
}
