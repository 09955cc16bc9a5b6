package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// outcomeCase is one outcome the moderators' forms promise to tell the
// author: setup makes the post and returns the path and form that act on
// it, and the author's newest notice must then say want, with the reason.
type outcomeCase struct {
	name   string
	act    func(w *modWorld, post int64) (path string, form []string)
	held   string // "", "premod" or "reports": how the post waits
	want   string
	reason string
}

var outcomeCases = []outcomeCase{
	{name: "reports dismissed after review", reason: "Within the guidelines: kind words",
		act:  func(w *modWorld, p int64) (string, []string) { return dismissPath(w, p, "report"), nil },
		want: "after it was reported and left it as it is"},
	{name: "hidden after reports, then reviewed and shown", held: "reports", reason: "Reviewed: nothing wrong here",
		act:  func(w *modWorld, p int64) (string, []string) { return dismissPath(w, p, "report"), nil },
		want: "after members reported it. It is visible again"},
	{name: "hidden after reports, then reviewed and removed", held: "reports", reason: "Spam or advertising",
		act:  func(w *modWorld, p int64) (string, []string) { return fmt.Sprintf("/p/%d/remove", p), nil },
		want: "after members reported it, and removed it"},
	{name: "hidden after reports, then restored", held: "reports", reason: "Restored: a misunderstanding",
		act:  func(w *modWorld, p int64) (string, []string) { return fmt.Sprintf("/p/%d/restore", p), nil },
		want: "after members reported it. It is visible again"},
	{name: "published after pre-moderation, from the queue", held: "premod", reason: "Welcome: lovely first post",
		act:  func(w *modWorld, p int64) (string, []string) { return dismissPath(w, p, "held"), nil },
		want: "approved your reply in Grief"},
	{name: "published after pre-moderation, from the post", held: "premod", reason: "Welcome: glad you are here",
		act:  func(w *modWorld, p int64) (string, []string) { return fmt.Sprintf("/p/%d/restore", p), nil },
		want: "approved your reply in Grief"},
	{name: "not published after pre-moderation", held: "premod", reason: "Shares personal information",
		act:  func(w *modWorld, p int64) (string, []string) { return fmt.Sprintf("/p/%d/remove", p), nil },
		want: "decided not to publish it"},
	{name: "removed, then restored", reason: "Restored after a second look",
		act: func(w *modWorld, p int64) (string, []string) {
			wantStatus(w.t, w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/remove", p), formValues("reason", "Spam or advertising")), http.StatusSeeOther)
			return fmt.Sprintf("/p/%d/restore", p), nil
		},
		want: "restored your reply in Grief"},
	{name: "trigger warnings changed", reason: "Graphic or distressing detail",
		act: func(w *modWorld, p int64) (string, []string) {
			return fmt.Sprintf("/p/%d/tags", p), []string{"trigger_warnings", "self-harm"}
		},
		want: "changed the trigger warnings on your reply in Grief & Loss, adding Self-harm"},
}

// dismissPath opens a queue item of kind about post and returns the path
// that dismisses it.
func dismissPath(w *modWorld, post int64, kind string) string {
	var id int64
	w.db.R.Raw("SELECT id FROM queue_items WHERE post_id = ? AND kind = ? AND status = 'open'", post, kind).Scan(&id)
	if id == 0 {
		id = w.item(kind, post, 10, "")
	}
	return fmt.Sprintf("/mod/items/%d/dismiss", id)
}

// TestEveryPromisedOutcomeReachesTheAuthor: each outcome a moderator's form
// promises to tell ("The member is told this reason", "You'll hear from us
// when it has been reviewed") leaves the author a notice with the
// moderator's reason, which stays on /notifications after it is dismissed.
func TestEveryPromisedOutcomeReachesTheAuthor(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mod, author := w.as(w.griefMod), w.as(w.author)
		for i, oc := range outcomeCases {
			post := w.insertReply(w.thread, w.author, fmt.Sprintf("outcome case %d", i), nil)
			switch oc.held {
			case "reports":
				for _, m := range w.members[:3] {
					wantStatus(t, w.as(m).PostForm(fmt.Sprintf("/p/%d/report", post), formValues("reason", "spam")), http.StatusSeeOther)
				}
				ns := w.notices(w.author)
				if w.post(post).Status != "held" || !strings.Contains(ns[len(ns)-1].Message, "You'll hear from us when it has been reviewed") {
					t.Fatalf("%s: not hidden by reports with the promise", oc.name)
				}
			case "premod":
				w.exec("UPDATE posts SET status = 'held' WHERE id = ?", post)
				w.item(moderation.KindHeld, post, 0, "")
			}
			path, extra := oc.act(w, post)
			before := len(w.notices(w.author))
			form := append([]string{"reason", "other", "reason_detail", oc.reason}, extra...)
			wantStatus(t, mod.PostForm(path, formValues(form...)), http.StatusSeeOther)
			ns := w.notices(w.author)
			if len(ns) != before+1 {
				t.Fatalf("%s: %d new notices, want 1", oc.name, len(ns)-before)
			}
			if n := ns[len(ns)-1]; !strings.Contains(n.Message, oc.want) || n.Reason != oc.reason {
				t.Errorf("%s: notice %q (reason %q), want %q with %q", oc.name, n.Message, n.Reason, oc.want, oc.reason)
			}
		}
		// Dismissed from the header, every one is still on the member's
		// notifications, with its reason.
		for _, n := range w.notices(w.author) {
			wantStatus(t, author.PostForm(fmt.Sprintf("/notices/%d/ack", n.ID), formValues("next", "/")), http.StatusSeeOther)
		}
		page := author.Get("/notifications").Body
		pageHas(t, page, "From the moderators", htmlEscape(outcomeCases[len(outcomeCases)-1].reason), `href="/notifications/moderators"`)
		all := author.Get("/notifications/moderators").Body
		for _, oc := range outcomeCases {
			pageHas(t, all, htmlEscape(oc.reason))
		}
		pageLacks(t, w.as(w.members[0]).Get("/notifications/moderators").Body, htmlEscape(outcomeCases[0].reason))
	})
}

// TestThreadOutcomesReachTheAuthor: locking and moving a thread tell its
// author, with the reason; marking a wellbeing concern looked after sends
// nothing, and its form says so instead of promising a message.
func TestThreadOutcomesReachTheAuthor(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mod := w.as(w.siteMod)
		th := fmt.Sprintf("/t/%d", w.thread.ID)
		wantStatus(t, mod.PostForm(th+"/lock", formValues("reason", "other", "reason_detail", "Resting this one for tonight")), http.StatusSeeOther)
		wantStatus(t, mod.PostForm(th+"/move", formValues("group", "anxiety", "reason", "Off-topic for this group")), http.StatusSeeOther)
		ns := w.notices(w.author)
		if len(ns) != 2 || !strings.Contains(ns[0].Message, "closed your thread in Grief & Loss") || ns[0].Reason != "Resting this one for tonight" ||
			!strings.Contains(ns[1].Message, "moved your thread from Grief & Loss to Anxiety") || ns[1].Reason != "Off-topic for this group" {
			t.Fatalf("notices %+v", ns)
		}
		pageHas(t, w.as(w.author).Get("/notifications").Body, "Resting this one for tonight", "Off-topic for this group")

		item := w.item(moderation.KindWellbeing, w.reply, moderation.WellbeingPriority, "A member is worried about this person.")
		q := mod.Get("/mod?kind=wellbeing").Body
		pageHas(t, q, "the member isn&#39;t sent it")
		wantStatus(t, mod.PostForm(fmt.Sprintf("/mod/items/%d/dismiss", item), formValues("reason", "other", "reason_detail", "Checked in")), http.StatusSeeOther)
		if got := len(w.notices(w.author)); got != 2 {
			t.Fatalf("marking a concern looked after sent the member a notice (%d notices)", got)
		}
	})
}
