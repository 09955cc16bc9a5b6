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

func TestReportFormAndThankYou(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		c := w.as(w.members[0])
		// Every post of someone else has "Report" on the thread page; a
		// member's own posts and visitors' pages do not.
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		reportLink := fmt.Sprintf(`href="/p/%d/report"`, w.reply)
		pageHas(t, c.Get(page).Body, reportLink, fmt.Sprintf(`href="/p/%d/report"`, w.opening))
		pageLacks(t, w.as(w.author).Get(page).Body, reportLink)
		pageLacks(t, w.as(0).Get(page).Body, reportLink)
		r := c.Get(fmt.Sprintf("/p/%d/report", w.reply))
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Report a post</h1>", "Harassment or bullying", "Harmful or unsafe advice", "Shares personal information",
			"Spam", "Missing trigger warning", "I&#39;m worried about this person", "Something else", `name="note"`, "will never find out who reported it")

		r = c.PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "harassment", "note", "mocking them"))
		wantRedirect(t, r, fmt.Sprintf("/p/%d/reported?k=report", w.reply))
		pageHas(t, c.Follow(r).Body, "Thank you for telling us", "What happens next", "never be told who reported it")

		var it moderation.QueueItem
		if err := db.R.Where("post_id = ? AND kind = ?", w.reply, "report").Take(&it).Error; err != nil {
			t.Fatal(err)
		}
		if it.Priority != 30 || it.Status != "open" {
			t.Fatalf("report item %+v", it)
		}

		// One open report per member per post: a second is acknowledged, not stored.
		r = c.PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "spam"))
		wantRedirect(t, r, fmt.Sprintf("/p/%d/reported?k=duplicate", w.reply))
		pageHas(t, c.Follow(r).Body, "already reported this post")
		if n := countRows(w.t, w.db, "reports", "post_id = ?", w.reply); n != 1 {
			t.Fatalf("%d reports stored", n)
		}

		// Another member's report re-weights the same item.
		w.as(w.members[1]).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "personal"))
		db.R.Where("id = ?", it.ID).Take(&it)
		if it.Priority != 70 {
			t.Fatalf("re-weighted priority %d, want 70", it.Priority)
		}

		// Refused input: no reason, "something else" without a note, own post.
		r = c.PostForm(fmt.Sprintf("/p/%d/report", w.opening), formValues("reason", "other"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please tell us a little about what&#39;s wrong.", `class="error-summary"`)
		r = c.PostForm(fmt.Sprintf("/p/%d/report", w.opening), formValues("note", "kept text"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please choose what&#39;s wrong.", "kept text")
		r = w.as(w.author).PostForm(fmt.Sprintf("/p/%d/report", w.opening), formValues("reason", "spam"))
		wantStatus(t, r, http.StatusUnprocessableEntity)

		// A post that does not exist, and a visitor.
		wantStatus(t, c.PostForm("/p/999999/report", formValues("reason", "spam")), http.StatusNotFound)
		wantStatus(t, w.as(0).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "spam")), http.StatusForbidden)
		wantRedirect(t, w.as(0).Get(fmt.Sprintf("/p/%d/report", w.reply)), fmt.Sprintf("/login?next=%%2Fp%%2F%d%%2Freport", w.reply))
	})
}

func TestWellbeingConcernGoesFirstAtPriority100(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		c := w.as(w.members[0])
		r := c.PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "wellbeing"))
		wantRedirect(t, r, fmt.Sprintf("/p/%d/reported?k=wellbeing", w.reply))
		pageHas(t, c.Follow(r).Body, "at the top of the moderators", "find a helpline")
		var it moderation.QueueItem
		if err := db.R.Where("post_id = ? AND kind = ?", w.reply, "wellbeing").Take(&it).Error; err != nil {
			t.Fatal(err)
		}
		if it.Priority != moderation.WellbeingPriority {
			t.Fatalf("wellbeing priority %d", it.Priority)
		}
		// Concerns never hide a post, however many.
		for _, m := range w.members[1:] {
			w.as(m).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "wellbeing"))
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
			wantStatus(t, c.PostForm(fmt.Sprintf("/p/%d/report", p), formValues("reason", "spam")), http.StatusSeeOther)
		}
		r := c.PostForm(fmt.Sprintf("/p/%d/report", posts[moderation.ReportsPerHour]), formValues("reason", "spam"))
		wantStatus(t, r, http.StatusTooManyRequests)
		pageHas(t, r.Body, "<strong>not sent</strong>")

		// Wellbeing concerns have their own, larger allowance: still accepted.
		r = c.PostForm(fmt.Sprintf("/p/%d/report", posts[moderation.ReportsPerHour]), formValues("reason", "wellbeing"))
		wantRedirect(t, r, fmt.Sprintf("/p/%d/reported?k=wellbeing", posts[moderation.ReportsPerHour]))

		// Repeated concerns about the same member by the same reporter are
		// kept, add no weight, and are marked for moderators.
		var worried []int64
		for range moderation.ConcernsPerSubjectDaily {
			worried = append(worried, w.insertReply(w.thread, w.members[1], "a hard night", nil))
		}
		for _, p := range worried[:moderation.ConcernsPerSubjectDaily-1] {
			wantRedirect(t, c.PostForm(fmt.Sprintf("/p/%d/report", p), formValues("reason", "wellbeing")), fmt.Sprintf("/p/%d/reported?k=wellbeing", p))
		}
		last := worried[moderation.ConcernsPerSubjectDaily-1]
		r = c.PostForm(fmt.Sprintf("/p/%d/report", last), formValues("reason", "wellbeing"))
		wantRedirect(t, r, fmt.Sprintf("/p/%d/reported?k=repeated", last))
		pageHas(t, c.Follow(r).Body, "already have your concerns about this person")
		if n := countRows(w.t, w.db, "reports", "reporter_id = ? AND throttled = ?", reporter, true); n != 1 {
			t.Fatalf("%d throttled concerns", n)
		}
		q := w.as(w.siteMod).Get("/mod?kind=wellbeing")
		pageHas(t, q.Body, "repeated concern about the same member (rate limited)")

		// Over the hourly allowance for concerns: refused out loud, with help.
		for i := range moderation.ConcernsPerHour {
			w.exec("INSERT INTO reports (post_id, thread_id, group_id, reporter_id, subject_id, reason, status, created_at) VALUES (?, ?, ?, ?, ?, 'wellbeing', 'handled', ?)",
				w.opening, w.thread.ID, w.thread.GroupID, reporter, w.author, time.Now().UTC().Add(-time.Duration(i)*time.Second))
		}
		r = c.PostForm(fmt.Sprintf("/p/%d/report", w.opening), formValues("reason", "wellbeing"))
		wantStatus(t, r, http.StatusTooManyRequests)
		pageHas(t, r.Body, "<strong>not sent</strong>", `href="/crisis"`, "emergency number")
	})
}

func TestReportThresholdHidesPostPendingReview(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		for i, m := range w.members[:3] {
			w.as(m).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "harassment"))
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
		pageHas(t, r.Body, "A message from the moderators", "hidden while a moderator looks at it")
		pageLacks(t, r.Body, "Maple", "Cedar", "Rowan")

		// An admin lowers the threshold to 2.
		wantRedirect(t, w.as(w.admin).PostForm("/admin/settings", formValues("report_threshold", "2")), "/admin/settings")
		for _, m := range w.members[:2] {
			w.as(m).PostForm(fmt.Sprintf("/p/%d/report", w.opening), formValues("reason", "spam"))
		}
		if p := w.post(w.opening); p.Status != "held" {
			t.Fatalf("threshold 2: %s", p.Status)
		}
	})
}
