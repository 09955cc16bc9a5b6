package web_test

import (
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestUnreadCountIsCapped: the header counts unread notifications up to
// 100 and shows "99+" beyond 99, counting only what the notifications page
// would show (visible posts, no hidden tags).
func TestUnreadCountIsCapped(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		tid, ms := benchThread(t, db, 120) // 113 visible posts, 7 removed, redacted or deleted
		reader := forumtest.InsertUser(t, db, "backlog_reader", "member")
		if err := db.W.Exec("INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, created_at) SELECT ?, 'reply', ?, id, thread_id, created_at FROM posts WHERE thread_id = ?", reader, ms[0], tid).Error; err != nil {
			t.Fatal(err)
		}
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c, reader)
		body := c.Get("/").Body
		pageHas(t, body, `Notifications <span class="count">99+<span class="visually-hidden"> unread`)
		// Leave 99 notifications of visible posts unread: the exact count shows.
		if err := db.W.Exec(`UPDATE notifications SET read_at = CURRENT_TIMESTAMP WHERE user_id = ? AND id NOT IN (
			SELECT n.id FROM notifications n JOIN posts p ON p.id = n.post_id WHERE n.user_id = ? AND p.status = 'visible' ORDER BY n.id LIMIT 99)`, reader, reader).Error; err != nil {
			t.Fatal(err)
		}
		if n := unreadIn(c.Get("/").Body); n != "99" {
			t.Fatalf("unread %s, want 99", n)
		}
		// Hiding a tag leaves its notifications out of the count, as the page does.
		db.W.Exec("INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'death-loss', 'hide', CURRENT_TIMESTAMP)", reader)
		var tagged int64
		db.R.Raw("SELECT count(*) FROM notifications n JOIN posts p ON p.id = n.post_id WHERE n.user_id = ? AND n.read_at IS NULL AND p.status = 'visible' AND p.tags LIKE '%,death-loss,%'", reader).Scan(&tagged)
		if tagged == 0 {
			t.Fatal("fixture: no tagged notification")
		}
		if n, want := unreadIn(c.Get("/").Body), idStr(99-tagged); n != want {
			t.Fatalf("unread with a hidden tag %s, want %s", n, want)
		}
	})
}
