package web_test

import (
	"fmt"
	"html"
	"net/http"
	"strings"
	"sync"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

const tagsChanged = "Someone changed these trigger warnings while you were editing; here they are now."

// tagsSeen is the hidden tags_seen value of the tag form posting to action
// on a moderator's post page.
func tagsSeen(t *testing.T, body, action string) string {
	t.Helper()
	i := strings.Index(body, `action="`+action+`"`)
	if i < 0 {
		t.Fatalf("no form posting to %s\n%s", action, snippet(body))
	}
	form := body[i:]
	form = form[:strings.Index(form, "</form>")]
	const attr = `name="tags_seen" value="`
	j := strings.Index(form, attr)
	if j < 0 {
		t.Fatalf("the form posting to %s has no tags_seen field\n%s", action, form)
	}
	v := form[j+len(attr):]
	return html.UnescapeString(v[:strings.Index(v, `"`)])
}

// checked reports whether the form posting to action ticks slug.
func checked(t *testing.T, body, action, slug string) bool {
	t.Helper()
	i := strings.Index(body, `action="`+action+`"`)
	if i < 0 {
		t.Fatalf("no form posting to %s", action)
	}
	form := body[i:]
	form = form[:strings.Index(form, "</form>")]
	return strings.Contains(form, `value="`+slug+`" checked`)
}

// TestTagEditsOnTheSameOldTags has two moderators open the same post's
// (and thread's) moderator page and each save different trigger warnings:
// the first edit is kept, the second is refused with 409, a clear message
// and the form again ticked as the tags are now, the audit log holds one
// entry, and saving again from the re-shown form works.
func TestTagEditsOnTheSameOldTags(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		first, second := w.as(w.griefMod), w.as(w.siteMod)
		cases := []struct {
			name, action, page, auditTarget, auditAction string
			target                                       int64
			tags                                         func() forum.Tags
			// reason: the form has the optional reason field, which is
			// kept when the form is shown again.
			reason bool
		}{
			{"post", fmt.Sprintf("/p/%d/tags", w.reply), fmt.Sprintf("/mod/posts/%d", w.reply), "post", moderation.ActionTagPost, w.reply,
				func() forum.Tags { return w.post(w.reply).Tags }, true},
			{"thread", fmt.Sprintf("/t/%d/tags", w.thread.ID), fmt.Sprintf("/mod/posts/%d", w.opening), "thread", moderation.ActionTagThread, w.thread.ID,
				func() forum.Tags { return w.threadRow(w.thread.ID).Tags }, false},
		}
		for _, tc := range cases {
			a, b := first.Get(tc.page), second.Get(tc.page)
			wantStatus(t, a, http.StatusOK)
			wantStatus(t, b, http.StatusOK)
			seenA, seenB := tagsSeen(t, a.Body, tc.action), tagsSeen(t, b.Body, tc.action)
			if seenA != string(tc.tags()) || seenB != seenA {
				t.Fatalf("%s: forms show %q and %q, stored %q", tc.name, seenA, seenB, tc.tags())
			}

			wantStatus(t, first.PostForm(tc.action, formValues("tags_seen", seenA, "trigger_warnings", "suicide", "trigger_warnings", "self-harm")), http.StatusSeeOther)
			r := second.PostForm(tc.action, formValues("tags_seen", seenB, "trigger_warnings", "violence", "reason", "other", "reason_detail", "graphic fight"))
			wantStatus(t, r, http.StatusConflict)
			pageHas(t, r.Body, tagsChanged)
			if tc.reason {
				pageHas(t, r.Body, ">graphic fight</textarea>")
			}
			if !checked(t, r.Body, tc.action, "suicide") || !checked(t, r.Body, tc.action, "self-harm") || checked(t, r.Body, tc.action, "violence") {
				t.Fatalf("%s: the form shown again is not ticked as the tags are now\n%s", tc.name, snippet(r.Body))
			}
			if got, want := tc.tags(), forum.MakeTags([]string{"suicide", "self-harm"}); got != want {
				t.Fatalf("%s: tags %q after the refused edit, want the first moderator's %q", tc.name, got, want)
			}
			if n := countRows(w.t, w.db, "audit_log", "target_type = ? AND target_id = ? AND action = ?", tc.auditTarget, tc.target, tc.auditAction); n != 1 {
				t.Fatalf("%s: %d audit entries for one tag change", tc.name, n)
			}

			// The form shown again carries the tags as they are now, so
			// saving it is an ordinary edit.
			now := tagsSeen(t, r.Body, tc.action)
			if now != string(tc.tags()) {
				t.Fatalf("%s: re-shown form has tags_seen %q", tc.name, now)
			}
			wantStatus(t, second.PostForm(tc.action, formValues("tags_seen", now, "trigger_warnings", "suicide", "trigger_warnings", "violence")), http.StatusSeeOther)
			if got, want := tc.tags(), forum.MakeTags([]string{"suicide", "violence"}); got != want {
				t.Fatalf("%s: tags %q after saving the re-shown form, want %q", tc.name, got, want)
			}
		}
		// The thread edit also tagged its opening post.
		if got := w.post(w.opening).Tags; got != forum.MakeTags([]string{"suicide", "violence"}) {
			t.Fatalf("opening post tags %q", got)
		}
	})
}

// TestTagEditsAtTheSameMoment has two moderators save different trigger
// warnings over the same old tags at the same moment, many times over: each
// time exactly one edit is kept, with one audit entry, and the other
// moderator is told the tags changed.
func TestTagEditsAtTheSameMoment(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mods := []*forumtest.Client{w.as(w.griefMod), w.as(w.siteMod)}
		choices := [2][]string{{"suicide"}, {"abuse", "violence"}}
		for n := range 12 {
			post := w.insertReply(w.thread, w.members[0], "a reply to tag", []string{"self-harm"})
			seen := string(w.post(post).Tags)
			var wg sync.WaitGroup
			start := make(chan struct{})
			results := make([]*forumtest.Response, 2)
			for k := range 2 {
				f := formValues("tags_seen", seen)
				for _, tag := range choices[k] {
					f.Add("trigger_warnings", tag)
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					results[k] = mods[k].PostForm(fmt.Sprintf("/p/%d/tags", post), f)
				}()
			}
			close(start)
			wg.Wait()
			won := -1
			for k, r := range results {
				switch {
				case r.StatusCode == http.StatusSeeOther && won < 0:
					won = k
				case r.StatusCode == http.StatusConflict && strings.Contains(r.Body, tagsChanged):
				default:
					t.Fatalf("round %d: moderator %d got %d\n%s", n, k, r.StatusCode, snippet(r.Body))
				}
			}
			if won < 0 {
				t.Fatalf("round %d: both edits refused", n)
			}
			if got, want := w.post(post).Tags, forum.MakeTags(choices[won]); got != want {
				t.Fatalf("round %d: tags %q, want the kept edit's %q", n, got, want)
			}
			if got := countRows(w.t, w.db, "audit_log", "target_type = 'post' AND target_id = ? AND action = ?", post, moderation.ActionTagPost); got != 1 {
				t.Fatalf("round %d: %d audit entries", n, got)
			}
		}
	})
}
