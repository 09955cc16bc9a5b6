package web_test

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/safety"
	"hearth/pkg/store"
)

// firstQueueItem returns the HTML of the first item on a queue page.
func firstQueueItem(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, `<li class="queue-item`)
	if i < 0 {
		t.Fatalf("no queue item on the page\n%s", snippet(body))
	}
	rest := body[i+1:]
	if j := strings.Index(rest, `<li class="queue-item`); j >= 0 {
		return body[i : i+1+j]
	}
	return body[i:]
}

// TestCrisisPostBringsPanelAndTopQueueItem is the whole path of one post in
// crisis words through the real stack: the author sees the crisis panel on
// the next page, and a moderator finds it first in the queue, above a report
// and a held post, with the phrases the detector matched, and the count of
// waiting concerns in every page's header. An edit into crisis words brings
// the panel too.
func TestCrisisPostBringsPanelAndTopQueueItem(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		// Already waiting: a report of a heavier kind and a held post.
		w.as(w.members[1]).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "personal"))
		held := w.insertReply(w.thread, w.members[2], "HELD-POST waiting for approval", nil)
		w.exec("UPDATE posts SET status = 'held' WHERE id = ?", held)
		w.item(moderation.KindHeld, held, 0, "")

		author := w.as(w.members[0])
		r := author.PostForm(fmt.Sprintf("/t/%d/replies", w.thread.ID), formValues("body", crisisWords, "idem", freshIdem()))
		wantStatus(t, r, http.StatusSeeOther)
		page := author.Get(noFragment(r.Header.Get("Location"))).Body
		// "tonight" makes the danger immediate: emergency services lead.
		pageHas(t, page, panelHeading, `href="/crisis"`, `class="emergency-now"`, "If you might act on these thoughts soon", "I have the pills saved up")

		matches := safety.NewDetector().Assess(crisisWords).Matches
		if len(matches) == 0 {
			t.Fatal("the detector matched nothing in the crisis words")
		}
		q := w.as(w.griefMod).Get("/mod")
		wantStatus(t, q, http.StatusOK)
		top := firstQueueItem(t, q.Body)
		pageHas(t, top, "Wellbeing concern", "Why it&#39;s here:", "I have the pills saved up")
		for _, m := range matches {
			pageHas(t, top, template.HTMLEscapeString(m))
		}
		if a, b, c := strings.Index(q.Body, "I have the pills saved up"), strings.Index(q.Body, "The lighthouse keeper"), strings.Index(q.Body, "HELD-POST"); a < 0 || b < 0 || c < 0 || a > b || b > c {
			t.Fatalf("queue order: crisis %d, report %d, held %d", a, b, c)
		}
		// Staff see the waiting concern on other pages; the author does not.
		pageHas(t, w.as(w.griefMod).Get("/g/grief").Body, "1 wellbeing concern waiting")
		pageLacks(t, author.Get("/").Body, "wellbeing concern")

		// An edit of a calm reply into crisis words: the panel follows the
		// save, and the post joins the queue.
		calm := w.insertReply(w.thread, w.members[3], "A quiet evening.", nil)
		editor := w.as(w.members[3])
		r = editor.PostForm(fmt.Sprintf("/p/%d/edit", calm), formValues("body", crisisWords, "version", "1"))
		wantStatus(t, r, http.StatusSeeOther)
		pageHas(t, editor.Get(noFragment(r.Header.Get("Location"))).Body, panelHeading)
		if n := countRows(w.t, w.db, "queue_items", "post_id = ? AND kind = ? AND status = ?", calm, moderation.KindWellbeing, "open"); n != 1 {
			t.Fatalf("edited post: %d open wellbeing items", n)
		}
	})
}

// TestConcernReportTellsThePersonNothing: "I'm worried about this person"
// reports, however many and from however many members, send the person
// reported no notification and no notice, and change nothing they see; the
// moderators have them at the top of the queue.
func TestConcernReportTellsThePersonNothing(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		notes := func() int64 { return countRows(w.t, w.db, "notifications", "user_id = ?", w.author) }
		notices := func() int { return len(w.notices(w.author)) }
		page := func() string {
			return strings.ReplaceAll(w.as(w.author).Get(fmt.Sprintf("/t/%d", w.thread.ID)).Body, "&#39;", "'")
		}
		beforeNotes, beforeNotices, beforePage := notes(), notices(), page()

		// Several members, and one member repeatedly (past the repeat limit).
		for _, m := range w.members {
			wantStatus(t, w.as(m).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "wellbeing")), http.StatusSeeOther)
		}
		c := w.as(w.members[0])
		for i := range moderation.ConcernsPerSubjectDaily + 1 {
			p := w.insertReply(w.thread, w.author, fmt.Sprintf("a hard night, part %d", i), nil)
			wantStatus(t, c.PostForm(fmt.Sprintf("/p/%d/report", p), formValues("reason", "wellbeing")), http.StatusSeeOther)
		}
		if n := countRows(w.t, w.db, "reports", "reason = ? AND subject_id = ?", "wellbeing", w.author); n < int64(len(w.members)) {
			t.Fatalf("%d concerns stored", n)
		}

		if got := notes(); got != beforeNotes {
			t.Fatalf("the person reported got notifications: %d -> %d", beforeNotes, got)
		}
		if got := notices(); got != beforeNotices {
			t.Fatalf("the person reported got notices: %d -> %d", beforeNotices, got)
		}
		after := page()
		for _, s := range []string{"worried", "concern", "reported"} {
			if strings.Contains(after, s) && !strings.Contains(beforePage, s) {
				t.Errorf("the thread now tells the person reported %q", s)
			}
		}
		q := w.as(w.griefMod).Get("/mod")
		pageHas(t, firstQueueItem(t, q.Body), "Wellbeing concern")
	})
}

type queueRow struct {
	Kind     string
	PostID   int64
	Priority int
	Detail   string
	Status   string
}

func queueOf(t *testing.T, db *store.DB, postID int64) []queueRow {
	t.Helper()
	var rows []queueRow
	if err := db.R.Raw("SELECT kind, post_id, priority, detail, status FROM queue_items WHERE post_id = ? ORDER BY kind", postID).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestCrisisPostIsPublishedQueuedAndAnswered(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "ember", "member")
		tid := m.startThread("anxiety", "Ordinary thread", "Nothing alarming here, this exam is killing me.")
		if q := queueOf(t, db, firstPostOf(t, db, tid)); len(q) != 0 {
			t.Fatalf("idiom queued: %+v", q)
		}
		r := m.c.Get("/t/" + idStr(tid))
		pageLacks(t, r.Body, panelHeading)
		pid, loc := m.reply(tid, 0, crisisWords)
		q := queueOf(t, db, pid)
		if len(q) != 1 || q[0].Kind != "wellbeing" || q[0].Priority != 100 || q[0].Status != "open" || q[0].Detail == "" {
			t.Fatalf("queue: %+v", q)
		}
		var score float64
		var status string
		db.R.Raw("SELECT crisis_score FROM posts WHERE id = ?", pid).Scan(&score)
		db.R.Raw("SELECT status FROM posts WHERE id = ?", pid).Scan(&status)
		if score < 0.5 || status != "visible" {
			t.Fatalf("score %v status %s", score, status)
		}
		// Right after posting, the author sees the crisis panel, once.
		r = m.c.Get(noFragment(loc))
		pageHas(t, r.Body, panelHeading, `href="/crisis"`, "I have the pills saved up")
		r = m.c.Get(noFragment(loc))
		pageLacks(t, r.Body, panelHeading)
		// Other readers never see it.
		o := newPoster(t, a, db, "fern", "member")
		r = o.c.Get(noFragment(loc))
		pageLacks(t, r.Body, panelHeading)
		// An edit into crisis words is screened too.
		p2, _ := m.reply(tid, 0, "A calm reply.")
		if r := m.c.PostForm("/p/"+idStr(p2)+"/edit", url.Values{"body": {crisisWords}, "version": {"1"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit: %d", r.StatusCode)
		}
		if q := queueOf(t, db, p2); len(q) != 1 || q[0].Kind != "wellbeing" {
			t.Fatalf("edit queue: %+v", q)
		}
	})
}

func TestCrisisPostShowsPanelForCountry(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		p := newPoster(t, a, db, "wren", "member")
		if err := db.W.Exec("UPDATE users SET country = 'IE' WHERE id = ?", p.id).Error; err != nil {
			t.Fatal(err)
		}
		text := "I have the pills saved up and tonight is the night"
		// On preview, before posting.
		r := p.c.PostForm("/g/depression/threads", url.Values{"title": {"Tonight"}, "body": {text}, "idem": {freshIdem()}, "preview": {"1"}})
		if r.StatusCode != http.StatusOK {
			t.Fatalf("preview: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "It sounds like you&#39;re going through a lot right now", "Samaritans Ireland", `href="tel:116123"`, `class="emergency-now"`, `href="tel:112"`)
		// After posting: the post is published and the panel follows.
		r = p.c.PostForm("/g/depression/threads", url.Values{"title": {"Tonight"}, "body": {text}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("post: %d", r.StatusCode)
		}
		loc := r.Header.Get("Location")
		r = p.c.Follow(r)
		pageHas(t, r.Body, "It sounds like you&#39;re going through a lot right now", "Samaritans Ireland", `href="/crisis"`, text)
		// Only once, and only for the author.
		pageLacks(t, p.c.Get(loc).Body, "It sounds like you&#39;re going through a lot right now")
		reader := forumtest.NewClient(t, a.Web.Handler())
		pageLacks(t, reader.Get(loc).Body, "It sounds like you&#39;re going through a lot right now")
		// An everyday idiom does not bring the panel.
		r = p.c.PostForm("/g/anxiety/threads", url.Values{"title": {"Exams"}, "body": {"This exam is killing me, send snacks."}, "idem": {freshIdem()}})
		pageLacks(t, p.c.Follow(r).Body, "It sounds like you&#39;re going through a lot right now")
	})
}
