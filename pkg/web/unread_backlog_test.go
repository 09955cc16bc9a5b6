package web_test

import (
	"net/http"
	"testing"

	"hearth/pkg/app"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestUnreadCountReadsTheNewestNotices: a member's unread count reads only
// their newest forum.UnreadScanLimit unread notices, so a pile they cannot
// see (removed posts, a tag they hide) costs nothing. When more unread
// notices lie behind those, the header shows what it counted with a "+"
// ("3+"), never a number it does not know, and the same on both instances;
// a visible notice behind the pile is not counted. Without such a pile the
// count is exact, and "mark all as read" clears it.
func TestUnreadCountReadsTheNewestNotices(t *testing.T) {
	run := func(t *testing.T, dbOne, dbTwo *store.DB) {
		one, _ := forumtest.NewApp(t, dbOne, forumtest.Config(t))
		two, _ := forumtest.NewApp(t, dbTwo, forumtest.Config(t))
		rowan := forumtest.InsertUser(t, dbOne, "rowan", "member")
		var clients []*forumtest.Client
		for _, a := range []*app.App{one, two} {
			c := forumtest.NewClient(t, a.Web.Handler())
			forumtest.LoginAs(t, a, c, rowan)
			clients = append(clients, c)
		}
		want := func(step, n string) {
			t.Helper()
			for i, c := range clients {
				r := c.Get("/crisis")
				got := "0"
				if m := badgeRe.FindStringSubmatch(r.Body); m != nil {
					got = m[1]
				}
				if r.StatusCode != http.StatusOK || got != n {
					t.Fatalf("%s: instance %d shows %s unread (%d), want %s", step, i+1, got, r.StatusCode, n)
				}
			}
		}
		news := func(name string, n int) {
			followedBacklog(t, dbOne, rowan, forumtest.InsertUser(t, dbOne, name, "member"), n)
		}

		news("early_news", 1)
		removed := forumtest.InsertUser(t, dbOne, "removed_author", "member")
		followedBacklog(t, dbOne, rowan, removed, forum.UnreadScanLimit/2)
		hideBacklog(t, dbOne, removed)
		tagged := forumtest.InsertUser(t, dbOne, "tagged_author", "member")
		followedBacklog(t, dbOne, rowan, tagged, forum.UnreadScanLimit/2)
		execSQL(t, dbOne, "UPDATE threads SET tags = ',abuse,' WHERE author_id = ?", tagged)
		execSQL(t, dbOne, "INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'abuse', 'hide', CURRENT_TIMESTAMP)", rowan)
		news("late_news", 3)
		// 1 + 200 + 3 unread: the newest 200 hold the three and 197 of the
		// pile; the early notice is behind them.
		want("three over a pile", "3+")

		markPageRead(t, clients[1], clients[1].Get("/notifications").Body)
		want("all read", "0")
		removedLater := forumtest.InsertUser(t, dbOne, "removed_later", "member")
		followedBacklog(t, dbOne, rowan, removedLater, 10)
		hideBacklog(t, dbOne, removedLater)
		news("more_news", 2)
		want("two over a small pile", "2")
	}
	t.Run("sqlite", func(t *testing.T) {
		db := forumtest.NewSQLite(t)
		run(t, db, db)
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := forumtest.PostgresSchemaURL(t)
		run(t, forumtest.Open(t, dsn), forumtest.Open(t, dsn))
	})
}

func execSQL(t *testing.T, db *store.DB, q string, args ...any) {
	t.Helper()
	if err := db.W.Exec(q, args...).Error; err != nil {
		t.Fatal(err)
	}
}
