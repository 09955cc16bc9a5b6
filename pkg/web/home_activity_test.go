package web_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestHomeShowsRecentActivityAndWhatIsNew: the home page lists the most
// recently active threads to everyone, with the reader's filters (a hidden
// tag's thread is left out); a member's first visit marks nothing new; once
// they have been away more than an hour, threads and groups with posts
// since then are marked New and counted, and a thread page offers "Skip to
// the first unread post", the first post by someone else since then.
func TestHomeShowsRecentActivityAndWhatIsNew(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		old := forumtest.InsertThread(t, db, "anxiety", w.author, "An older conversation", nil, time.Now().Add(-5*time.Hour))
		forumtest.InsertThread(t, db, "ptsd", w.author, "A HIDDEN-TAG conversation", []string{"violence"}, time.Now().Add(-4*time.Hour))
		maple := w.as(w.members[0])
		wantStatus(t, maple.PostForm("/settings/warnings", formValues("mode-violence", "hide")), http.StatusSeeOther)

		page := maple.Get("/").Body
		inOrder(t, page, `<h2 id="recent-heading">Recent activity</h2>`, "Missing my dad tonight", "An older conversation", "All groups")
		pageLacks(t, page, "HIDDEN-TAG", "since your last visit", `class="badge new"`)
		pageHas(t, w.as(0).Get("/").Body, "Recent activity", "A HIDDEN-TAG conversation")
		wantStatus(t, maple.Get(fmt.Sprintf("/t/%d", w.thread.ID)), http.StatusOK)

		// Since Maple's visit, Cedar and Maple replied; Maple comes back
		// two hours later.
		w.exec("UPDATE posts SET created_at = ? WHERE thread_id = ?", time.Now().UTC().Add(-3*time.Hour), w.thread.ID)
		replyTo(t, maple, w.thread.ID, 0, "My own reply is not news to me")
		cedarReply, _ := replyTo(t, w.as(w.members[1]), w.thread.ID, 0, "Cedar is thinking of you")
		w.app.Activity.SetClock(func() time.Time { return time.Now().UTC().Add(2 * time.Hour) })
		page = maple.Get("/").Body
		pageHas(t, page, "<strong>1 conversation has new posts</strong> since your last visit", `<h3><a href="/g/grief">Grief &amp; Loss</a> <span class="badge new">New posts</span></h3>`)
		inOrder(t, page, "Missing my dad tonight", `<span class="badge new">New</span>`, "An older conversation")
		pageLacks(t, page, `<h3><a href="/g/anxiety">Anxiety</a> <span class="badge new">`)
		thread := maple.Get(fmt.Sprintf("/t/%d", w.thread.ID)).Body
		pageHas(t, thread, `<a href="#reply-heading">Skip to reply</a>`, fmt.Sprintf(`<a href="#p-%d">Skip to the first unread post</a>`, cedarReply))
		pageLacks(t, maple.Get(fmt.Sprintf("/t/%d", old.ID)).Body, "Skip to the first unread post")
		pageLacks(t, w.as(0).Get(fmt.Sprintf("/t/%d", w.thread.ID)).Body, "Skip to the first unread post", "since your last visit")
	})
}
