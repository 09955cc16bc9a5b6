package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestPreModerationEndToEnd: an admin turns on pre-moderation, a member's
// reply is held (seen by them and moderators only), a moderator approves it
// from the queue and it is published, counted and notified.
func TestPreModerationEndToEnd(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		wantStatus(t, w.as(w.admin).PostForm("/admin/groups/grief", formValues("name", "Grief & Loss", "premod", "all")), http.StatusSeeOther)
		member := w.as(w.members[0])
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		replyTo(t, member, w.thread.ID, 0, "HELD-WORDS from a new member")
		var p forum.Post
		if err := db.R.Where("body_md = ?", "HELD-WORDS from a new member").Take(&p).Error; err != nil {
			t.Fatal(err)
		}
		if p.Status != forum.StatusHeld {
			t.Fatalf("reply is %s", p.Status)
		}
		pageHas(t, member.Get(page).Body, "HELD-WORDS")
		pageLacks(t, w.as(w.members[1]).Get(page).Body, "HELD-WORDS")
		before, group := w.threadRow(w.thread.ID), forumtest.Group(t, db, "grief")

		var it moderation.QueueItem
		if err := db.R.Where("post_id = ? AND kind = 'held' AND status = 'open'", p.ID).Take(&it).Error; err != nil {
			t.Fatal(err)
		}
		q := w.as(w.griefMod).Get("/mod?kind=held")
		pageHas(t, q.Body, "HELD-WORDS", "Approve and publish")
		wantRedirect(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/mod/items/%d/dismiss", it.ID), formValues("next", "/mod")), "/mod")

		if got := w.post(p.ID).Status; got != forum.StatusVisible {
			t.Fatalf("approved reply is %s", got)
		}
		pageHas(t, w.as(w.members[1]).Get(page).Body, "HELD-WORDS")
		after, group2 := w.threadRow(w.thread.ID), forumtest.Group(t, db, "grief")
		if after.ReplyCount != before.ReplyCount+1 || group2.PostCount != group.PostCount+1 || after.LastPostID == nil || *after.LastPostID != p.ID {
			t.Fatalf("counters: replies %d -> %d, group posts %d -> %d, last post %v", before.ReplyCount, after.ReplyCount, group.PostCount, group2.PostCount, after.LastPostID)
		}
		// The thread's author follows it and hears about the reply now.
		if n := countRows(w.t, w.db, "notifications", "user_id = ? AND post_id = ?", w.author, p.ID); n != 1 {
			t.Fatalf("%d notifications to the thread's author", n)
		}
		if ns := w.notices(w.members[0]); len(ns) != 1 {
			t.Fatalf("author notices %+v", ns)
		}
	})
}

// TestHeldPostPublishedFromTheThreadPage: a moderator sees a held reply on
// the thread page and publishes it from there; its queue item is handled
// once, the reply is counted and every member can read it.
func TestHeldPostPublishedFromTheThreadPage(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		wantStatus(t, w.as(w.admin).PostForm("/admin/groups/grief", formValues("name", "Grief & Loss", "premod", "all")), http.StatusSeeOther)
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		replyTo(t, w.as(w.members[0]), w.thread.ID, 0, "HELD-ON-THREAD words")
		var p forum.Post
		if err := db.R.Where("body_md = ?", "HELD-ON-THREAD words").Take(&p).Error; err != nil {
			t.Fatal(err)
		}
		before := w.threadRow(w.thread.ID)
		mod := w.as(w.griefMod)
		r := mod.Get(page)
		pageHas(t, r.Body, "HELD-ON-THREAD words", "Waiting for a moderator", fmt.Sprintf(`action="/p/%d/restore"`, p.ID), "Publish post")
		back := fmt.Sprintf("/t/%d#p-%d", w.thread.ID, p.ID)
		wantRedirect(t, mod.PostForm(fmt.Sprintf("/p/%d/restore", p.ID), formValues("next", back)), back)
		if got := w.post(p.ID).Status; got != forum.StatusVisible {
			t.Fatalf("published reply is %s", got)
		}
		if n := countRows(w.t, w.db, "queue_items", "post_id = ? AND status = 'open'", p.ID); n != 0 {
			t.Fatalf("%d items still open", n)
		}
		if after := w.threadRow(w.thread.ID); after.ReplyCount != before.ReplyCount+1 {
			t.Fatalf("replies %d -> %d", before.ReplyCount, after.ReplyCount)
		}
		pageHas(t, w.as(w.members[1]).Get(page).Body, "HELD-ON-THREAD words")
		if es := w.audits(moderation.ActionRestore); len(es) != 1 || *es[0].ActorID != w.griefMod {
			t.Fatalf("audit %+v", es)
		}
		// Publishing again is already handled.
		wantStatus(t, w.as(w.siteMod).PostForm(fmt.Sprintf("/p/%d/restore", p.ID), formValues("next", back)), http.StatusConflict)
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
