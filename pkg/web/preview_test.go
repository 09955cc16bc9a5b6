package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

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

const crisisWords = "I have the pills saved up and tonight is the night. I can't do this anymore."

const panelHeading = "It sounds like you're going through a lot right now"

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

func TestCrisisPanelOnPreviewBeforePosting(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "gale", "member")
		before := countRows(t, db, "posts", "")
		r := m.c.PostForm("/g/anxiety/threads", url.Values{"title": {"Tonight"}, "body": {crisisWords}, "preview": {"1"}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusOK {
			t.Fatalf("preview: %d", r.StatusCode)
		}
		pageHas(t, r.Body, panelHeading, `class="prose preview-body"`, "I have the pills saved up")
		r = m.c.PostForm("/preview", url.Values{"body": {crisisWords}})
		if r.StatusCode != http.StatusOK || strings.Contains(r.Body, "<html") {
			t.Fatalf("live preview: %d", r.StatusCode)
		}
		pageHas(t, r.Body, panelHeading)
		if countRows(t, db, "posts", "") != before {
			t.Fatal("preview created a post")
		}
	})
}

func TestPreviewWithoutJavaScript(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "heath", "member")
		tid := m.startThread("grief", "Preview me", "Opening.")
		before := countRows(t, db, "posts", "")
		r := m.c.PostForm("/t/"+idStr(tid)+"/replies", url.Values{"body": {"Some **bold** words <script>alert(1)</script>"}, "preview": {"1"}, "idem": {"preview-key-12345"}})
		if r.StatusCode != http.StatusOK {
			t.Fatalf("reply preview: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "<h2 class=\"preview-heading\">Preview</h2>", "<strong>bold</strong>", `name="idem" value="preview-key-12345"`)
		pageLacks(t, r.Body, "<script>alert(1)</script>")
		// Live preview returns a fragment, not a page.
		r = m.c.PostForm("/preview", url.Values{"body": {"_quiet_ words"}})
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "<em>quiet</em>") || strings.Contains(r.Body, "<html") {
			t.Fatalf("live preview: %d\n%s", r.StatusCode, r.Body)
		}
		r = m.c.PostForm("/preview", url.Values{"body": {strings.Repeat(">", 60) + " deep"}})
		pageHas(t, r.Body, "nested too deeply")
		if countRows(t, db, "posts", "") != before {
			t.Fatal("preview created a post")
		}
		// Visitors cannot use the preview endpoint.
		v := forumtest.NewClient(t, a.Web.Handler())
		if r := v.PostForm("/preview", url.Values{"body": {"x"}}); r.StatusCode != http.StatusForbidden {
			t.Fatalf("visitor preview: %d", r.StatusCode)
		}
	})
}

func TestPremoderationHoldsPosts(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "ivy", "member")
		o := newPoster(t, a, db, "jasper", "member")
		db.W.Exec("UPDATE groups SET premod = 'all' WHERE slug = 'ptsd'")
		r := m.c.PostForm("/g/ptsd/threads", url.Values{"title": {"Held thread"}, "body": {"Held opening."}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("premod thread: %d", r.StatusCode)
		}
		tid := idIn(t, r.Header.Get("Location"), `^/t/(\d+)$`)
		op := firstPostOf(t, db, tid)
		if q := queueOf(t, db, op); len(q) != 1 || q[0].Kind != "held" {
			t.Fatalf("held queue: %+v", q)
		}
		r = m.c.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "Held opening.", "Waiting for a moderator", "waiting for a moderator to look at it")
		if r := o.c.Get("/t/" + idStr(tid)); r.StatusCode != http.StatusNotFound {
			t.Fatalf("held thread for others: %d", r.StatusCode)
		}
		if r := o.c.Get("/g/ptsd"); strings.Contains(r.Body, "Held thread") {
			t.Fatal("held thread listed for others")
		}
		if r := m.c.Get("/g/ptsd"); !strings.Contains(r.Body, "Held thread") {
			t.Fatal("held thread not listed for its author")
		}
		// 'new': a member's first two posts in the group are held.
		db.W.Exec("UPDATE groups SET premod = 'new', premod_first_n = 2 WHERE slug = 'grief'")
		status := func(id int64) string {
			var s string
			db.R.Raw("SELECT status FROM posts WHERE id = ?", id).Scan(&s)
			return s
		}
		t1 := o.startThread("grief", "First in grief", "One.")
		p1 := firstPostOf(t, db, t1)
		p2, _ := o.reply(t1, 0, "Two.")
		if status(p1) != "held" || status(p2) != "held" {
			t.Fatalf("first posts: %s %s", status(p1), status(p2))
		}
		db.W.Exec("UPDATE posts SET status = 'visible' WHERE id IN (?, ?)", p1, p2)
		db.W.Exec("UPDATE threads SET status = 'visible' WHERE id = ?", t1)
		p3, _ := o.reply(t1, 0, "Three.")
		if status(p3) != "visible" {
			t.Fatalf("third post after approval: %s", status(p3))
		}
		// Moderators are never held.
		mod := newPoster(t, a, db, "kitemod", "moderator")
		siteModerator(t, db, mod.id)
		tm := mod.startThread("ptsd", "Moderator thread", "Welcome.")
		if s := status(firstPostOf(t, db, tm)); s != "visible" {
			t.Fatalf("moderator post %s", s)
		}
	})
}

func TestComposerSuggestsTagsWithoutBlocking(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "larch", "member")
		text := "I started cutting again last night."
		// Without JavaScript: the Preview button shows the suggestion with a
		// label that ticks the box.
		r := m.c.PostForm("/g/depression/threads", url.Values{"title": {"Setback"}, "body": {text}, "preview": {"1"}, "idem": {freshIdem()}})
		pageHas(t, r.Body, `<label class="suggest" for="tw-self-harm">Self-harm</label>`, "mentions &#34;cutting again&#34;")
		// Already ticked: it says so.
		r = m.c.PostForm("/g/depression/threads", url.Values{"title": {"Setback"}, "body": {text}, "trigger_warnings": {"self-harm"}, "preview": {"1"}, "idem": {freshIdem()}})
		pageHas(t, r.Body, "<strong>Self-harm</strong> (ticked)")
		// With JavaScript: the live preview fragment carries it too.
		pageHas(t, m.c.PostForm("/preview", url.Values{"body": {text}}).Body, `for="tw-self-harm"`)
		// A suggestion never blocks the post.
		tid := m.startThread("depression", "Setback", text)
		var tags string
		db.R.Raw("SELECT tags FROM threads WHERE id = ?", tid).Scan(&tags)
		if tags != "" {
			t.Fatalf("tags added without the author: %q", tags)
		}
	})
}
