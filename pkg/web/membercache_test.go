package web_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestMemberSettingsKeptUntilTheyChange: a member's preferences, blocks,
// breaks and notices are read once and kept between their pages, and a
// change written straight to the database (as another Hearth instance
// sharing it would) shows on their very next page.
func TestMemberSettingsKeptUntilTheyChange(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		now := time.Now().UTC().Truncate(time.Second)
		uid := forumtest.InsertUser(t, db, "fern", "member")
		author := forumtest.InsertUser(t, db, "moss", "member")
		th := forumtest.InsertThread(t, db, "grief", author, "Tagged thoughts", []string{"abuse"}, now)
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, c, uid)
		page := "/t/" + strconv.FormatInt(th.ID, 10)
		view := func() (string, int64) {
			t.Helper()
			q := forumtest.CountQueries(db)
			r := c.Get(page)
			if r.StatusCode != http.StatusOK && r.StatusCode != http.StatusForbidden {
				t.Fatalf("GET %s: %d", page, r.StatusCode)
			}
			return r.Body, q.Count()
		}
		exec := func(sql string, args ...any) {
			t.Helper()
			if err := db.W.Exec(sql, args...).Error; err != nil {
				t.Fatal(err)
			}
		}

		view()
		body, warm := view()
		mustContain(t, "before any change", body, "Opening post of Tagged thoughts")
		// A preference for another tag moves the member's settings and
		// notice versions, as it may change the unread count: the next page
		// reads the four settings and the count again, and the one after
		// keeps them.
		if err := db.W.Create(&forum.TagPref{UserID: uid, TagSlug: "violence", Mode: forum.ModeWarn, UpdatedAt: now}).Error; err != nil {
			t.Fatal(err)
		}
		more := int64(5)
		if _, n := view(); n != warm+more {
			t.Errorf("after a settings change the page made %d queries, a page before it %d: want %d more", n, warm, more)
		}
		if _, n := view(); n != warm {
			t.Errorf("the page after that made %d queries: want %d again", n, warm)
		}

		exec("INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'abuse', 'hide', ?)", uid, now)
		body, _ = view()
		mustContain(t, "after hiding the tag", body, "This thread is tagged Abuse, which you've chosen to hide")

		exec("DELETE FROM tag_prefs WHERE user_id = ?", uid)
		exec("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)", uid, author, now)
		body, _ = view()
		mustContain(t, "after blocking the author", body, "A post from a member you've blocked")
		modLacks(t, body, "This thread is tagged Abuse, which you've chosen to hide")

		exec("INSERT INTO member_notices (user_id, kind, message, reason, link, created_at) VALUES (?, 'warning', 'Please be gentle with each other', '', '', ?)", uid, now)
		body, _ = view()
		mustContain(t, "after a notice", body, "Please be gentle with each other")

		exec("INSERT INTO breaks (user_id, scope, tag, starts_at, ends_at, created_at) VALUES (?, 'site', '', ?, ?, ?)", uid, now.Add(-time.Minute), now.Add(time.Hour), now)
		body, _ = view()
		mustContain(t, "after a break", body, "You're taking a break from Hearth until")
	})
}
