package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

func TestQueueOrderContentAndFilters(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		held := w.insertReply(w.thread, w.members[1], "HELD-POST waiting for approval", nil)
		w.exec("UPDATE posts SET status = 'held' WHERE id = ?", held)
		w.item(moderation.KindHeld, held, 0, "")
		light := w.insertReply(w.thread, w.members[2], "LIGHT-REPORT a little spammy", nil)
		heavy := w.insertReply(w.thread, w.members[3], "HEAVY-REPORT shares an address", []string{"self-harm"})
		w.as(w.members[0]).PostForm(fmt.Sprintf("/p/%d/report", light), formValues("reason", "spam"))
		w.as(w.members[0]).PostForm(fmt.Sprintf("/p/%d/report", heavy), formValues("reason", "personal", "note", "their street name"))
		crisis := w.insertReply(w.thread, w.members[4], "CRISIS-POST I can't go on", nil)
		w.item(moderation.KindWellbeing, crisis, moderation.WellbeingPriority, "Matched: “can't go on”")
		w.exec("UPDATE queue_items SET created_at = ? WHERE post_id = ?", time.Now().UTC().Add(-95*time.Minute), crisis)
		// The author of the heavy post has history.
		w.as(w.griefMod).PostForm(fmt.Sprintf("/mod/users/%d/warn", w.members[3]), formValues("post", idStr(heavy), "reason", "Off-topic for this group"))

		r := w.as(w.griefMod).Get("/mod")
		wantStatus(t, r, http.StatusOK)
		order := []string{"CRISIS-POST", "HEAVY-REPORT", "LIGHT-REPORT", "HELD-POST"}
		last := -1
		for _, s := range order {
			i := strings.Index(r.Body, s)
			if i < 0 || i < last {
				t.Fatalf("queue order wrong at %s\n%s", s, snippet(r.Body))
			}
			last = i
		}
		pageHas(t, r.Body, "Wellbeing concern", "waiting 1 hour", "Matched: “can&#39;t go on”",
			"Shares personal information", "their street name", "from Maple",
			"Private warning given: Off-topic for this group",
			"Trigger warnings: Self-harm. Show the post", "Approve and publish", "Mark as looked after", "No action needed",
			"Warn, suspend or ban the author", "1 wellbeing concern waiting")
		// Tagged posts are collapsed: the words sit inside <details>.
		i := strings.Index(r.Body, "HEAVY-REPORT")
		if open := strings.LastIndex(r.Body[:i], "<details class=\"post-tw\">"); open < 0 || strings.Contains(r.Body[open:i], "</details>") {
			t.Fatal("a tagged post is not collapsed in the queue")
		}

		// Filters.
		k := w.as(w.griefMod).Get("/mod?kind=held")
		pageHas(t, k.Body, "HELD-POST")
		pageLacks(t, k.Body, "CRISIS-POST", "LIGHT-REPORT")
		g := w.as(w.siteMod).Get("/mod?group=anxiety")
		pageLacks(t, g.Body, "CRISIS-POST", "HELD-POST")
		pageHas(t, g.Body, "Nothing is waiting here")
		wantStatus(t, w.as(w.siteMod).Get("/mod?kind=nonsense"), http.StatusNotFound)
		wantStatus(t, w.as(w.siteMod).Get("/mod?group=nonsense"), http.StatusNotFound)

		// Staff see the waiting concerns on every page; members do not.
		pageHas(t, w.as(w.siteMod).Get("/g/anxiety").Body, "1 wellbeing concern waiting")
		pageHas(t, w.as(w.anxietyMod).Get("/").Body, "Moderator queue")
		pageLacks(t, w.as(w.anxietyMod).Get("/").Body, "wellbeing concern waiting")
		pageLacks(t, w.as(w.members[0]).Get("/").Body, "wellbeing concern", "Moderator queue")
	})
}

func TestQueuePaginates(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		for range moderation.QueuePerPage + 2 {
			w.item(moderation.KindReport, w.insertReply(w.thread, w.members[0], "reported", nil), 10, "")
		}
		r := w.as(w.siteMod).Get("/mod?kind=report")
		pageHas(t, r.Body, `<a rel="next" href="/mod?kind=report&amp;page=1">`)
		if n := strings.Count(r.Body, `class="queue-item`); n != moderation.QueuePerPage {
			t.Fatalf("%d items on page one", n)
		}
		r = w.as(w.siteMod).Get("/mod?kind=report&page=1")
		if n := strings.Count(r.Body, `class="queue-item`); n != 2 {
			t.Fatalf("%d items on page two", n)
		}
		pageLacks(t, r.Body, `rel="next"`)
	})
}

// TestThreadActionsReachableFromTheQueue: a reported reply's queue item and
// its moderator page lead to the thread's actions, and those forms (which
// come back to the moderator page) lock, pin and move the thread.
func TestThreadActionsReachableFromTheQueue(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		w.as(w.members[0]).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "harassment"))
		mod := w.as(w.siteMod)
		threadLink := fmt.Sprintf(`href="/mod/threads/%d"`, w.thread.ID)
		pageHas(t, mod.Get("/mod").Body, fmt.Sprintf(`href="/mod/posts/%d"`, w.reply), threadLink)
		replyPage := mod.Get(fmt.Sprintf("/mod/posts/%d", w.reply))
		pageHas(t, replyPage.Body, threadLink)
		pageLacks(t, replyPage.Body, fmt.Sprintf(`action="/t/%d/lock"`, w.thread.ID))

		r := mod.Get(fmt.Sprintf("/mod/threads/%d", w.thread.ID))
		wantRedirect(t, r, fmt.Sprintf("/mod/posts/%d#thread", w.opening))
		back := fmt.Sprintf("/mod/posts/%d", w.opening)
		page := mod.Get(back).Body
		pageHas(t, page, fmt.Sprintf(`action="/t/%d/lock"`, w.thread.ID), fmt.Sprintf(`action="/t/%d/pin"`, w.thread.ID), fmt.Sprintf(`action="/t/%d/move"`, w.thread.ID),
			`name="next" value="`+back+`"`)
		wantRedirect(t, mod.PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues("reason", "Against the group guidelines", "next", back)), back)
		wantRedirect(t, mod.PostForm(fmt.Sprintf("/t/%d/pin", w.thread.ID), formValues("next", back)), back)
		wantRedirect(t, mod.PostForm(fmt.Sprintf("/t/%d/move", w.thread.ID), formValues("group", "anxiety", "next", back)), back)
		th := w.threadRow(w.thread.ID)
		if !th.Locked || th.LockReason != "Against the group guidelines" || !th.Pinned || th.GroupID != forumtest.Group(t, db, "anxiety").ID {
			t.Fatalf("thread %+v", th)
		}
		pageHas(t, mod.Get(back).Body, "thread locked", "thread pinned", `action="/t/`+idStr(w.thread.ID)+`/unlock"`)
		for _, a := range []string{moderation.ActionLock, moderation.ActionPin, moderation.ActionMove} {
			if n := len(w.audits(a)); n != 1 {
				t.Fatalf("%d %s rows", n, a)
			}
		}
	})
}

// TestLockFromTheQueue: a reported reply's queue item can lock its thread
// at once and comes back to the queue, where the item stays open (the
// report is about the post, which still needs a decision); a refused lock
// keeps the moderator's words; a locked thread's item offers no Lock.
func TestLockFromTheQueue(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		w.as(w.members[0]).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "harassment"))
		mod := w.as(w.griefMod)
		queue := mod.Get("/mod")
		lock := fmt.Sprintf(`action="/t/%d/lock"`, w.thread.ID)
		pageHas(t, queue.Body, lock, "Lock the thread", `name="next" value="/mod"`)

		var item int64
		if err := db.R.Raw("SELECT id FROM queue_items WHERE post_id = ? AND status = 'open'", w.reply).Scan(&item).Error; err != nil || item == 0 {
			t.Fatalf("no open item for the report: %v", err)
		}

		// A reason over the limit is refused with the moderator's words
		// kept, on the post's moderator page.
		long := strings.Repeat("calm down please ", 40)
		r := mod.PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues("next", "/mod", "reason", "other", "reason_detail", long))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "under 500 characters", "calm down please calm down please")
		if n := strings.Count(r.Body, `id="i0-p`+idStr(w.opening)+`-lock-detail"`); n != 1 {
			t.Errorf("the refused lock's page has %d lock forms, want the thread's one", n)
		}
		pageLacks(t, r.Body, `/dismiss"`)
		if th := w.threadRow(w.thread.ID); th.Locked {
			t.Fatal("a refused lock locked the thread")
		}

		r = mod.PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues("next", "/mod", "reason", "Against the group guidelines"))
		wantRedirect(t, r, "/mod")
		if th := w.threadRow(w.thread.ID); !th.Locked || th.LockReason != "Against the group guidelines" {
			t.Fatalf("thread %+v", th)
		}
		if n := len(w.audits(moderation.ActionLock)); n != 1 {
			t.Fatalf("%d lock rows in the audit log", n)
		}
		if n := countRows(w.t, w.db, "queue_items", "id = ? AND status = 'open'", item); n != 1 {
			t.Fatal("locking the thread closed the report about the post")
		}
		queue = mod.Follow(r)
		pageHas(t, queue.Body, fmt.Sprintf(`id="item-%d"`, item))
		pageLacks(t, queue.Body, lock)
	})
}

// TestCrisisPostTopsTheQueue: a post in crisis language enters the queue as
// a wellbeing concern, above reports, with the phrases that matched.
func TestCrisisPostTopsTheQueue(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		w.as(w.members[1]).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "personal"))
		member := w.as(w.members[0])
		wantStatus(t, member.PostForm(fmt.Sprintf("/t/%d/replies", w.thread.ID), formValues("body", "I want to kill myself tonight, I have the pills ready")), http.StatusSeeOther)
		var it moderation.QueueItem
		if err := db.R.Where("kind = 'wellbeing' AND status = 'open'").Take(&it).Error; err != nil {
			t.Fatalf("no wellbeing item: %v", err)
		}
		if it.Detail == "" {
			t.Fatal("no matched phrases recorded")
		}
		q := w.as(w.griefMod).Get("/mod").Body
		pageHas(t, q, "Wellbeing concern", "Why it&#39;s here")
		if a, b := strings.Index(q, "I want to kill myself"), strings.Index(q, "The lighthouse keeper"); a < 0 || b < 0 || a > b {
			t.Fatal("the crisis post is not above the reported post")
		}
	})
}

func TestDismissAndApprove(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		// A held post approved from the queue is published and its author told.
		held := w.insertReply(w.thread, w.members[0], "first post, waiting", nil)
		w.exec("UPDATE posts SET status = 'held' WHERE id = ?", held)
		item := w.item(moderation.KindHeld, held, 0, "")
		mod := w.as(w.griefMod)
		r := mod.PostForm(fmt.Sprintf("/mod/items/%d/dismiss", item), formValues("next", "/mod"))
		wantRedirect(t, r, "/mod")
		if w.post(held).Status != "visible" || len(w.audits(moderation.ActionApprove)) != 1 {
			t.Fatal("held post not approved")
		}
		if ns := w.notices(w.members[0]); len(ns) != 1 || !strings.Contains(ns[0].Message, "approved") {
			t.Fatalf("notices %+v", ns)
		}
		// Dismissing reports shows a post hidden by reports again, unless it
		// also waits for pre-moderation.
		for _, m := range w.members[:3] {
			w.as(m).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "spam"))
		}
		var it moderation.QueueItem
		db.R.Where("post_id = ? AND kind = 'report'", w.reply).Take(&it)
		if w.post(w.reply).Status != "held" {
			t.Fatal("fixture: not hidden")
		}
		wantStatus(t, mod.PostForm(fmt.Sprintf("/mod/items/%d/dismiss", it.ID), formValues()), http.StatusSeeOther)
		if w.post(w.reply).Status != "visible" || countRows(w.t, w.db, "reports", "post_id = ? AND status = 'open'", w.reply) != 0 {
			t.Fatal("dismissing reports did not show the post again")
		}
		// The same item again: already handled.
		r = w.as(w.siteMod).PostForm(fmt.Sprintf("/mod/items/%d/dismiss", it.ID), formValues())
		wantStatus(t, r, http.StatusConflict)
		pageHas(t, r.Body, "Already handled by a moderator", "Reports reviewed, no action needed.")
		wantStatus(t, mod.PostForm("/mod/items/999999/dismiss", formValues()), http.StatusNotFound)
	})
}
