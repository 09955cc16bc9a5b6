package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

func TestReportFormAndThankYou(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		c := w.as(w.members[0])
		// Every post of someone else has "Report" on the thread page; a
		// member's own posts and visitors' pages do not.
		page := modPath("/t/%d", w.thread.ID)
		reportLink := modPath(`href="/p/%d/report"`, w.reply)
		modHas(t, c.Get(page).Body, reportLink, modPath(`href="/p/%d/report"`, w.opening))
		modLacks(t, w.as(w.author).Get(page).Body, reportLink)
		modLacks(t, w.as(0).Get(page).Body, reportLink)
		r := c.Get(modPath("/p/%d/report", w.reply))
		modExpect(t, r, http.StatusOK, "")
		modHas(t, r.Body, "<h1>Report a post</h1>", "Harassment or bullying", "Harmful or unsafe advice", "Shares personal information",
			"Spam", "Missing trigger warning", "I&#39;m worried about this person", "Something else", `name="note"`, "will never find out who reported it")

		r = c.PostForm(modPath("/p/%d/report", w.reply), modForm("reason", "harassment", "note", "mocking them"))
		modExpect(t, r, http.StatusSeeOther, modPath("/p/%d/reported?k=report", w.reply))
		modHas(t, c.Follow(r).Body, "Thank you for telling us", "What happens next", "never be told who reported it")

		var it moderation.QueueItem
		if err := db.R.Where("post_id = ? AND kind = ?", w.reply, "report").Take(&it).Error; err != nil {
			t.Fatal(err)
		}
		if it.Priority != 30 || it.Status != "open" {
			t.Fatalf("report item %+v", it)
		}

		// One open report per member per post: a second is acknowledged, not stored.
		r = c.PostForm(modPath("/p/%d/report", w.reply), modForm("reason", "spam"))
		modExpect(t, r, http.StatusSeeOther, modPath("/p/%d/reported?k=duplicate", w.reply))
		modHas(t, c.Follow(r).Body, "already reported this post")
		if n := w.count("reports", "post_id = ?", w.reply); n != 1 {
			t.Fatalf("%d reports stored", n)
		}

		// Another member's report re-weights the same item.
		w.as(w.members[1]).PostForm(modPath("/p/%d/report", w.reply), modForm("reason", "personal"))
		db.R.Where("id = ?", it.ID).Take(&it)
		if it.Priority != 70 {
			t.Fatalf("re-weighted priority %d, want 70", it.Priority)
		}

		// Refused input: no reason, "something else" without a note, own post.
		r = c.PostForm(modPath("/p/%d/report", w.opening), modForm("reason", "other"))
		modExpect(t, r, http.StatusUnprocessableEntity, "")
		modHas(t, r.Body, "Please tell us a little about what&#39;s wrong.", `class="error-summary"`)
		r = c.PostForm(modPath("/p/%d/report", w.opening), modForm("note", "kept text"))
		modExpect(t, r, http.StatusUnprocessableEntity, "")
		modHas(t, r.Body, "Please choose what&#39;s wrong.", "kept text")
		r = w.as(w.author).PostForm(modPath("/p/%d/report", w.opening), modForm("reason", "spam"))
		modExpect(t, r, http.StatusUnprocessableEntity, "")

		// A post that does not exist, and a visitor.
		modExpect(t, c.PostForm("/p/999999/report", modForm("reason", "spam")), http.StatusNotFound, "")
		modExpect(t, w.as(0).PostForm(modPath("/p/%d/report", w.reply), modForm("reason", "spam")), http.StatusForbidden, "")
		modExpect(t, w.as(0).Get(modPath("/p/%d/report", w.reply)), http.StatusSeeOther, "/login")
	})
}

func TestWellbeingConcernGoesFirstAtPriority100(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		c := w.as(w.members[0])
		r := c.PostForm(modPath("/p/%d/report", w.reply), modForm("reason", "wellbeing"))
		modExpect(t, r, http.StatusSeeOther, modPath("/p/%d/reported?k=wellbeing", w.reply))
		modHas(t, c.Follow(r).Body, "at the top of the moderators", "find a helpline")
		var it moderation.QueueItem
		if err := db.R.Where("post_id = ? AND kind = ?", w.reply, "wellbeing").Take(&it).Error; err != nil {
			t.Fatal(err)
		}
		if it.Priority != moderation.WellbeingPriority {
			t.Fatalf("wellbeing priority %d", it.Priority)
		}
		// Concerns never hide a post, however many.
		for _, m := range w.members[1:] {
			w.as(m).PostForm(modPath("/p/%d/report", w.reply), modForm("reason", "wellbeing"))
		}
		if p := w.post(w.reply); p.Status != "visible" {
			t.Fatalf("concerns hid the post: %s", p.Status)
		}
	})
}

func TestReportRateLimits(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		reporter := w.members[0]
		// Ten general reports an hour, then a clear refusal that says the
		// report was not sent.
		var posts []int64
		for range moderation.ReportsPerHour + 1 {
			posts = append(posts, w.insertReply(w.thread, w.members[1], "another reply", nil))
		}
		c := w.as(reporter)
		for _, p := range posts[:moderation.ReportsPerHour] {
			modExpect(t, c.PostForm(modPath("/p/%d/report", p), modForm("reason", "spam")), http.StatusSeeOther, "")
		}
		r := c.PostForm(modPath("/p/%d/report", posts[moderation.ReportsPerHour]), modForm("reason", "spam"))
		modExpect(t, r, http.StatusTooManyRequests, "")
		modHas(t, r.Body, "<strong>not sent</strong>")

		// Wellbeing concerns have their own, larger allowance: still accepted.
		r = c.PostForm(modPath("/p/%d/report", posts[moderation.ReportsPerHour]), modForm("reason", "wellbeing"))
		modExpect(t, r, http.StatusSeeOther, modPath("/p/%d/reported?k=wellbeing", posts[moderation.ReportsPerHour]))

		// Repeated concerns about the same member by the same reporter are
		// kept, add no weight, and are marked for moderators.
		var worried []int64
		for range moderation.ConcernsPerSubjectDaily {
			worried = append(worried, w.insertReply(w.thread, w.members[1], "a hard night", nil))
		}
		for _, p := range worried[:moderation.ConcernsPerSubjectDaily-1] {
			modExpect(t, c.PostForm(modPath("/p/%d/report", p), modForm("reason", "wellbeing")), http.StatusSeeOther, modPath("/p/%d/reported?k=wellbeing", p))
		}
		last := worried[moderation.ConcernsPerSubjectDaily-1]
		r = c.PostForm(modPath("/p/%d/report", last), modForm("reason", "wellbeing"))
		modExpect(t, r, http.StatusSeeOther, modPath("/p/%d/reported?k=repeated", last))
		modHas(t, c.Follow(r).Body, "already have your concerns about this person")
		if n := w.count("reports", "reporter_id = ? AND throttled = ?", reporter, true); n != 1 {
			t.Fatalf("%d throttled concerns", n)
		}
		q := w.as(w.siteMod).Get("/mod?kind=wellbeing")
		modHas(t, q.Body, "repeated concern about the same member (rate limited)")

		// Over the hourly allowance for concerns: refused out loud, with help.
		for i := range moderation.ConcernsPerHour {
			w.exec("INSERT INTO reports (post_id, thread_id, group_id, reporter_id, subject_id, reason, status, created_at) VALUES (?, ?, ?, ?, ?, 'wellbeing', 'handled', ?)",
				w.opening, w.thread.ID, w.thread.GroupID, reporter, w.author, time.Now().UTC().Add(-time.Duration(i)*time.Second))
		}
		r = c.PostForm(modPath("/p/%d/report", w.opening), modForm("reason", "wellbeing"))
		modExpect(t, r, http.StatusTooManyRequests, "")
		modHas(t, r.Body, "<strong>not sent</strong>", `href="/crisis"`, "emergency number")
	})
}

func TestReportThresholdHidesPostPendingReview(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		for i, m := range w.members[:3] {
			w.as(m).PostForm(modPath("/p/%d/report", w.reply), modForm("reason", "harassment"))
			want := "visible"
			if i == 2 {
				want = "held"
			}
			if p := w.post(w.reply); p.Status != want {
				t.Fatalf("after %d reports: %s", i+1, p.Status)
			}
		}
		p := w.post(w.reply)
		if !strings.Contains(p.StatusReason, "Hidden after several reports") {
			t.Fatalf("status reason %q", p.StatusReason)
		}
		es := w.audits(moderation.ActionAutoHide)
		if len(es) != 1 || es[0].ActorID != nil || *es[0].TargetID != w.reply {
			t.Fatalf("auto-hide audit %+v", es)
		}
		// The author is told, on their next page, without any reporter's name.
		r := w.as(w.author).Get("/")
		modHas(t, r.Body, "A message from the moderators", "hidden while a moderator looks at it")
		modLacks(t, r.Body, "Maple", "Cedar", "Rowan")

		// An admin lowers the threshold to 2.
		modExpect(t, w.as(w.admin).PostForm("/admin/settings", modForm("report_threshold", "2")), http.StatusSeeOther, "/admin/settings")
		for _, m := range w.members[:2] {
			w.as(m).PostForm(modPath("/p/%d/report", w.opening), modForm("reason", "spam"))
		}
		if p := w.post(w.opening); p.Status != "held" {
			t.Fatalf("threshold 2: %s", p.Status)
		}
	})
}
