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

// The two levels of response (crisis_panel.go's care levels, mod_queue.go's
// headings), with the marker screener of fold_test.go.

// gentleHeading heads the panel an author sees after words at the concern
// level.
const gentleHeading = "This sounds heavy"

// TestConcernLevelBringsTheGentlePanel: words at the concern level bring
// the gentler panel with the helplines, on preview and after posting, to
// the author only and once; the post is not folded for anyone. Crisis
// words bring the crisis panel instead, calm words neither.
func TestConcernLevelBringsTheGentlePanel(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		forum.WithScreener(markScreener)(w.app.Forum)
		maple := w.as(w.members[0])
		replies := fmt.Sprintf("/t/%d/replies", w.thread.ID)
		r := maple.PostForm(replies, formValues("body", "A heavy week "+markConcern, "idem", freshIdem(), "preview", "1"))
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, gentleHeading, `class="helpline"`, `href="/crisis"`)
		pageLacks(t, r.Body, panelHeading)

		_, loc := replyTo(t, maple, w.thread.ID, 0, "A heavy week "+markConcern)
		page := maple.Get(noFragment(loc)).Body
		pageHas(t, page, gentleHeading, "here is support, whenever you want it", `class="helpline"`, "A heavy week")
		pageLacks(t, page, panelHeading)
		pageLacks(t, maple.Get(noFragment(loc)).Body, gentleHeading)
		other := w.as(w.members[1]).Get(noFragment(loc)).Body
		pageHas(t, other, "A heavy week")
		pageLacks(t, other, gentleHeading, suicideFold)

		_, loc = replyTo(t, maple, w.thread.ID, 0, "It is tonight "+markCrisis)
		page = maple.Get(noFragment(loc)).Body
		pageHas(t, page, panelHeading)
		pageLacks(t, page, gentleHeading)
		_, loc = replyTo(t, maple, w.thread.ID, 0, "A calm evening")
		pageLacks(t, maple.Get(noFragment(loc)).Body, panelHeading, gentleHeading)
	})
}

// TestQueueOrdersTheLevels: crisis language tops the queue, then the
// concern level, then words the detector could not read (marked "not
// screened (language)"), then reports and held posts. A concern edited into
// crisis words moves to the top with its new reason, and a member's worry
// lifts an item below it to the top too; at the top, the longest waiting
// comes first.
func TestQueueOrdersTheLevels(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		forum.WithScreener(markScreener)(w.app.Forum)
		held := w.insertReply(w.thread, w.members[2], "HELD-POST waiting", nil)
		w.exec("UPDATE posts SET status = 'held' WHERE id = ?", held)
		w.item(moderation.KindHeld, held, 0, "")
		wantStatus(t, w.as(w.members[1]).PostForm(fmt.Sprintf("/p/%d/report", w.reply), formValues("reason", "personal")), http.StatusSeeOther)
		maple := w.as(w.members[0])
		foreign, _ := replyTo(t, maple, w.thread.ID, 0, "FOREIGN-POST "+markForeign)
		concern, _ := replyTo(t, maple, w.thread.ID, 0, "CONCERN-POST "+markConcern)
		replyTo(t, maple, w.thread.ID, 0, "CRISIS-POST "+markCrisis)

		q := w.as(w.griefMod).Get("/mod")
		wantStatus(t, q, http.StatusOK)
		inOrder(t, q.Body, "CRISIS-POST", "CONCERN-POST", "FOREIGN-POST", "The lighthouse keeper", "HELD-POST")
		inOrder(t, q.Body, "Wellbeing concern: crisis language", "Wellbeing concern: concern level", "Wellbeing concern: not screened (language)", "Reported post", "Waiting for approval")
		pageHas(t, q.Body, "concern marker")
		if n := strings.Count(q.Body, `queue-item urgent`); n != 1 {
			t.Errorf("%d urgent items, want the crisis one only", n)
		}

		edit := maple.PostForm(fmt.Sprintf("/p/%d/edit", concern), url.Values{"body": {"CONCERN-POST worse " + markCrisis}, "version": {"1"}})
		wantStatus(t, edit, http.StatusSeeOther)
		rows := queueOf(t, db, concern)
		if len(rows) != 1 || rows[0].Priority != moderation.WellbeingPriority || rows[0].Detail != "crisis marker" {
			t.Fatalf("the concern edited into crisis words: %+v", rows)
		}
		wantStatus(t, w.as(w.members[3]).PostForm(fmt.Sprintf("/p/%d/report", foreign), formValues("reason", "wellbeing")), http.StatusSeeOther)
		// All three at the top now, longest waiting first.
		q = w.as(w.griefMod).Get("/mod")
		inOrder(t, q.Body, `Wellbeing concern <span class="badge">not screened (language)</span>`, "FOREIGN-POST",
			"Wellbeing concern: crisis language", "CONCERN-POST worse", "Wellbeing concern: crisis language", "CRISIS-POST",
			"The lighthouse keeper")
		pageHas(t, w.as(w.griefMod).Get(fmt.Sprintf("/mod/posts/%d", foreign)).Body, "Crisis screening:</strong> not screened (language)")
	})
}

// inOrder fails unless each of wants is on the page after the one before.
func inOrder(t *testing.T, body string, wants ...string) {
	t.Helper()
	at := -1
	for _, w := range wants {
		i := strings.Index(body[at+1:], w)
		if i < 0 {
			t.Errorf("%q missing or out of order (after position %d)", w, at)
			return
		}
		at += 1 + i
	}
}
