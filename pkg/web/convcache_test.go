package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestMembersShareAThreadsPostsQuery: members reading the same thread
// share the queries for its posts and their reactions until something
// moves the thread's content version: a change to its posts or their
// reactions, through this instance or any other. A member's page still
// shows exactly what their own query would, whoever filled the cache: a
// held post appears to its author and to moderators only, and a write
// through any path (a reaction, a lock, a redaction, a reply) shows on the
// next request.
func TestMembersShareAThreadsPostsQuery(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		view := func(id int64) (string, int64) {
			t.Helper()
			c := forumtest.CountQueries(db)
			r := w.as(id).Get(page)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("GET %s as %d: %d", page, id, r.StatusCode)
			}
			return r.Body, c.Count()
		}
		view(w.members[0]) // the first reader fills the cache
		view(w.members[1]) // and the second's own settings are kept (cache.Members)
		_, warm := view(w.members[1])
		// The head is read on every page, and a write to the threads row
		// alone leaves the thread's content version, and so its shared
		// posts and reactions, as they were.
		w.exec("UPDATE threads SET title = title WHERE id = ?", w.thread.ID)
		_, cold := view(w.members[1])
		if cold != warm {
			t.Errorf("a page after a write to the thread made %d queries and one before it %d: want as many", cold, warm)
		}
		view(w.members[1])
		w.exec("UPDATE posts SET updated_at = updated_at WHERE id = ?", w.opening)
		_, cold = view(w.members[1])
		if want := int64(2); cold-warm != want {
			t.Errorf("a page after a write to a post made %d queries and one before it %d: want %d more after it", cold, warm, want)
		}

		// A reaction through the handlers shows at once, to the member who
		// made it and to the author, on pages whose reactions were shared.
		view(w.members[1])
		view(w.author)
		wantStatus(t, w.as(w.members[1]).PostForm(fmt.Sprintf("/p/%d/react", w.opening), formValues("kind", forum.ReactThinking)), http.StatusSeeOther)
		body, _ := view(w.members[1])
		pageHas(t, body, `value="thinking" class="reaction" aria-pressed="true"`)
		body, _ = view(w.author)
		pageHas(t, body, "Reactions to your post")

		// A lock through the handlers shows at once on a page whose head
		// was shared, and the reply form is gone.
		body, _ = view(w.members[1])
		pageHas(t, body, "Post reply")
		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues()), http.StatusSeeOther)
		body, _ = view(w.members[1])
		pageHas(t, body, "Moderators have locked this thread")
		pageLacks(t, body, "Post reply")
		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/t/%d/unlock", w.thread.ID), formValues()), http.StatusSeeOther)

		checkHeldAndRedactedAtOnce(t, w, view)

		// A new reply through the handlers shows to the next reader.
		r := w.as(w.members[3]).PostForm(fmt.Sprintf("/t/%d/replies", w.thread.ID), formValues("body", "Thinking of you and your dad tonight", "idem", "conv-cache-1"))
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("reply: %d %s", r.StatusCode, snippet(r.Body))
		}
		body, _ = view(w.members[2])
		pageHas(t, body, "Thinking of you and your dad tonight")
	})
}

// checkHeldAndRedactedAtOnce: a reply held, published and redacted shows
// so at once to each reader, whoever filled the cache before.
func checkHeldAndRedactedAtOnce(t *testing.T, w *modWorld, view func(int64) (string, int64)) {
	t.Helper()
	// A held reply, with the cache filled by a moderator, who sees it.
	w.exec("UPDATE posts SET status = 'held' WHERE id = ?", w.reply)
	body, _ := view(w.griefMod)
	pageHas(t, body, "The lighthouse keeper hummed quietly", "Waiting for a moderator")
	body, _ = view(w.members[2])
	pageLacks(t, body, "The lighthouse keeper hummed quietly")
	body, _ = view(w.author)
	pageHas(t, body, "The lighthouse keeper hummed quietly", "Waiting for a moderator")
	body, _ = view(w.members[2])
	pageLacks(t, body, "The lighthouse keeper hummed quietly")

	// Published again, then redacted through the handlers: each shows at
	// once to a member whose page came from the cache a moment ago.
	w.exec("UPDATE posts SET status = 'visible' WHERE id = ?", w.reply)
	body, _ = view(w.members[2])
	pageHas(t, body, "The lighthouse keeper hummed quietly")
	wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/redact", w.reply), formValues("confirm", "yes", "reason", "Shares personal information")), http.StatusSeeOther)
	body, _ = view(w.members[2])
	pageLacks(t, body, "The lighthouse keeper hummed quietly")
	pageHas(t, body, "Redacted by moderators")
}
