package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

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
	names := modTagNames(tags)
	v := ModQueueView{Base: s.base(c, "Moderator queue"), Groups: qp.Groups, Group: f.GroupSlug, Kind: f.Kind,
		Filtered: f.GroupSlug != "" || f.Kind != ""}
	here := c.Request().URL.RequestURI()
	now := time.Now()
	for _, e := range qp.Entries {
		v.Entries = append(v.Entries, ModEntry{
			Item:        e.Item,
			ModPostBody: modBody(e.PostRef, names),
			Waited:      modWaited(now.Sub(e.Item.CreatedAt)),
			Urgent:      e.Item.Kind == moderation.KindWellbeing,
			Reports:     modReportLines(e.Reports),
			History:     modHistoryLines(e.History),
			Forms:       newModForms(e.PostRef, e.Item.ID, e.CanSanction, here),
		})
		v.Entries[len(v.Entries)-1].Forms.Kind = e.Item.Kind
	}
	if err := s.queueCare(c, &v, qp.Entries, here); err != nil {
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
	return renderPage(c, http.StatusOK, pageModQueue, v)
}

// modWaited says how long an item has waited, in the largest sensible unit.
func modWaited(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "less than a minute"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute", "minutes")
	case d < 48*time.Hour:
		return plural(int(d/time.Hour), "hour", "hours")
	}
	return plural(int(d/(24*time.Hour)), "day", "days")
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
