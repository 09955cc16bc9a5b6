package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// BenchmarkReply posts replies to a 200-post thread that all twelve of its
// members follow (so every reply notifies eleven of them and the poster's
// unread backlog is large, as in the bench), through the whole handler stack.
func BenchmarkReply(b *testing.B) {
	run := func(b *testing.B, db *store.DB) {
		a, _ := forumtest.NewApp(b, db, forumtest.Config(b))
		tid, ms := longThread(b, db, 200)
		for _, m := range ms {
			db.W.Exec("INSERT INTO subscriptions (user_id, thread_id, state, created_at, updated_at) VALUES (?, ?, 'follow', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", m, tid)
		}
		// The poster comes back to a backlog of 2,200 unread notifications.
		for _, m := range ms {
			if m != ms[4] {
				db.W.Exec("INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, created_at) SELECT ?, 'reply', ?, id, thread_id, created_at FROM posts WHERE thread_id = ?", ms[4], m, tid)
			}
		}
		c := forumtest.NewClient(b, a.Web.Handler())
		forumtest.LoginAs(b, a, c, ms[4])
		path := "/t/" + idStr(tid) + "/replies"
		i := 0
		post := func() {
			i++
			r := c.PostForm(path, url.Values{
				"body": {fmt.Sprintf("Thinking of you today, reply number %d. Small steps still count.", i)},
				"idem": {fmt.Sprintf("%032d", i)},
			})
			if r.StatusCode != http.StatusSeeOther {
				b.Fatalf("reply %d: %d %s", i, r.StatusCode, r.Body)
			}
		}
		post()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			post()
		}
	}
	b.Run("sqlite", func(b *testing.B) { run(b, forumtest.NewSQLite(b)) })
	if forumtest.PostgresURL() != "" {
		b.Run("postgres", func(b *testing.B) { run(b, forumtest.NewPostgres(b)) })
	}
}

// BenchmarkHomeBacklog serves the home page to a member with 2,200 unread
// notifications: the header's unread count is the part that depends on it.
func BenchmarkHomeBacklog(b *testing.B) {
	run := func(b *testing.B, db *store.DB) {
		a, _ := forumtest.NewApp(b, db, forumtest.Config(b))
		tid, ms := longThread(b, db, 200)
		for _, m := range ms[1:] {
			db.W.Exec("INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, created_at) SELECT ?, 'reply', ?, id, thread_id, created_at FROM posts WHERE thread_id = ?", ms[0], m, tid)
		}
		c := forumtest.NewClient(b, a.Web.Handler())
		forumtest.LoginAs(b, a, c, ms[0])
		c.Get("/")
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			if r := c.Get("/"); r.StatusCode != http.StatusOK {
				b.Fatal(r.StatusCode)
			}
		}
	}
	b.Run("sqlite", func(b *testing.B) { run(b, forumtest.NewSQLite(b)) })
	if forumtest.PostgresURL() != "" {
		b.Run("postgres", func(b *testing.B) { run(b, forumtest.NewPostgres(b)) })
	}
}
