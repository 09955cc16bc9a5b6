package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// badgeRe reads the header's unread count, "99+" included.
var badgeRe = regexp.MustCompile(`Notifications <span class="count">(\d+\+?)<span class="visually-hidden"> unread`)

// TestUnreadCountExactAtTheCapAcrossInstances: a member whose count sits at
// the cap ("99+", kept without looking for notices a reply could revive)
// sees the exact count on both instances after every change made through
// the other: a revived notice, a mute, an unfollow, a deleted notice, a new
// notice, and "mark all as read". On PostgreSQL the instances are two
// handles on one schema; on SQLite, two servers on one database.
func TestUnreadCountExactAtTheCapAcrossInstances(t *testing.T) {
	run := func(t *testing.T, dbOne, dbTwo *store.DB) {
		one, _ := forumtest.NewApp(t, dbOne, forumtest.Config(t))
		two, _ := forumtest.NewApp(t, dbTwo, forumtest.Config(t))
		ann := newPoster(t, one, dbOne, "Annika", "member")
		rowan := newPoster(t, two, dbTwo, "rowan", "member")
		rowanOnOne := forumtest.NewClient(t, one.Web.Handler())
		forumtest.LoginAs(t, one, rowanOnOne, rowan.id)
		backlogAuthor := forumtest.InsertUser(t, dbOne, "backlog_author", "member")
		followedBacklog(t, dbOne, rowan.id, backlogAuthor, 99)
		want := func(step, n string) {
			t.Helper()
			for i, c := range []*forumtest.Client{rowan.c, rowanOnOne} {
				r := c.Get("/crisis")
				if r.StatusCode != http.StatusOK {
					t.Fatalf("%s: GET /crisis on instance %d: %d", step, i+1, r.StatusCode)
				}
				got := "0"
				if m := badgeRe.FindStringSubmatch(r.Body); m != nil {
					got = m[1]
				}
				if got != n {
					t.Fatalf("%s: instance %d shows %s unread, want %s", step, i+1, got, n)
				}
			}
		}
		want("the backlog", "99")

		x := ann.startThread("grief", "Evenings", "The evenings are long.")
		y := ann.startThread("grief", "Mornings", "The mornings are harder.")
		for _, th := range []int64{x, y} {
			wantStatus(t, rowan.c.PostForm("/t/"+idStr(th)+"/follow", url.Values{}), http.StatusSeeOther)
		}
		x1, _ := ann.reply(x, 0, "A first word on evenings.")
		y1, _ := ann.reply(y, 0, "A first word on mornings.")
		want("two followed threads with news", "99+")
		// A moderator removes both replies: nothing left to see in them.
		if err := dbOne.W.Exec("UPDATE posts SET status = 'removed' WHERE id IN (?, ?)", x1, y1).Error; err != nil {
			t.Fatal(err)
		}
		want("the replies removed", "99")
		// A reply revives x's notice without writing any row of rowan's.
		ann.reply(x, 0, "Evenings again.")
		want("a revived notice", "99+")
		wantStatus(t, rowan.c.PostForm("/t/"+idStr(x)+"/mute", url.Values{}), http.StatusSeeOther)
		want("x muted", "99")
		ann.reply(y, 0, "Mornings again.")
		want("y revived", "99+")
		wantStatus(t, rowan.c.PostForm("/t/"+idStr(y)+"/follow", url.Values{}), http.StatusSeeOther)
		want("y unfollowed", "99")
		if err := dbOne.W.Exec(`DELETE FROM notifications WHERE id = (SELECT MIN(id) FROM notifications
			WHERE user_id = ? AND read_at IS NULL)`, rowan.id).Error; err != nil {
			t.Fatal(err)
		}
		want("a notice deleted", "98")
		z := rowan.startThread("grief", "Nights", "Nights are quiet.")
		ann.reply(z, 0, "I know those nights.")
		want("a reply to rowan", "99")
		markPageRead(t, rowan.c, rowan.c.Get("/notifications").Body)
		want("all read", "0")
		unreadNotices(t, rowanOnOne, "0")
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
