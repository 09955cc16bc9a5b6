package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"sync"
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

		view() // records the visit; on SQLite the next page reads the session again and keeps it
		view()
		body, warm := view()
		pageHas(t, body, "Opening post of Tagged thoughts")
		// A preference for another tag moves the member's settings and
		// notice versions, as it may change the unread count: the next page
		// reads the four settings, the tag vocabulary, the moderation
		// hours, the count and the follow state again, and the one after
		// keeps them.
		if err := db.W.Create(&forum.TagPref{UserID: uid, TagSlug: "violence", Mode: forum.ModeWarn, UpdatedAt: now}).Error; err != nil {
			t.Fatal(err)
		}
		// On SQLite any write also ends the kept session, read again in the
		// statement that reads the thread's head (forum.ReadAhead): no
		// more statements than on PostgreSQL.
		more := int64(8)
		if _, n := view(); n != warm+more {
			t.Errorf("after a settings change the page made %d queries, a page before it %d: want %d more", n, warm, more)
		}
		if _, n := view(); n != warm {
			t.Errorf("the page after that made %d queries: want %d again", n, warm)
		}

		// Following the thread through another instance shows at once.
		pageHas(t, body, `aria-pressed="false">Follow</button>`)
		exec("INSERT INTO subscriptions (user_id, thread_id, state, created_at, updated_at) VALUES (?, ?, 'follow', ?, ?)", uid, th.ID, now, now)
		body, _ = view()
		pageHas(t, body, `aria-pressed="true">Following</button>`)
		// So does a renamed tag.
		exec("UPDATE tags SET name = 'Abuse and harm' WHERE slug = 'abuse'")
		body, _ = view()
		pageHas(t, body, "Abuse and harm")
		exec("UPDATE tags SET name = 'Abuse' WHERE slug = 'abuse'")

		exec("INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'abuse', 'hide', ?)", uid, now)
		body, _ = view()
		pageHas(t, body, "This thread is tagged Abuse, which you&#39;ve chosen to hide")

		exec("DELETE FROM tag_prefs WHERE user_id = ?", uid)
		exec("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)", uid, author, now)
		body, _ = view()
		pageHas(t, body, "A post from a member you&#39;ve blocked")
		pageLacks(t, body, "This thread is tagged Abuse, which you&#39;ve chosen to hide")

		exec("INSERT INTO member_notices (user_id, kind, message, reason, link, created_at) VALUES (?, 'warning', 'Please be gentle with each other', '', '', ?)", uid, now)
		body, _ = view()
		pageHas(t, body, "Please be gentle with each other")

		exec("INSERT INTO breaks (user_id, scope, tag, starts_at, ends_at, created_at) VALUES (?, 'site', '', ?, ?, ?)", uid, now.Add(-time.Minute), now.Add(time.Hour), now)
		body, _ = view()
		pageHas(t, body, "You&#39;re taking a break from Hearth until")
	})
}

// TestUnreadCountKeptUntilItCanChange: a member's unread count is counted
// once and kept between their pages, and a notification written through
// another instance sharing the database shows on their very next page. A
// followed-thread notice with nothing in it the member can see is counted
// on every page, so the next reply there shows although it writes no row
// of theirs.
func TestUnreadCountKeptUntilItCanChange(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		one, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		two, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		ann := newPoster(t, one, db, "Annika", "member")
		cai := newPoster(t, one, db, "cai", "member")
		ben := newPoster(t, two, db, "ben_k", "member")
		dee := newPoster(t, two, db, "dee", "member")
		tid := ann.startThread("grief", "Anniversaries", "The first one is close.")
		op := firstPostOf(t, db, tid)
		page := func(p *poster) (string, int64) {
			t.Helper()
			q := forumtest.CountQueries(db)
			r := p.c.Get("/crisis")
			if r.StatusCode != http.StatusOK {
				t.Fatalf("GET /crisis: %d", r.StatusCode)
			}
			return unreadIn(r.Body), q.Count()
		}
		page(ann)
		n, cold := page(ann)
		if n != "0" {
			t.Fatalf("unread %s before any reply", n)
		}
		ben.reply(tid, op, "I remember mine. It gets gentler.")
		if n, _ = page(ann); n != "1" {
			t.Fatalf("after a reply through another instance: unread %s, want 1", n)
		}
		if n, warm := page(ann); n != "1" || warm >= cold+1 {
			t.Fatalf("the next page: unread %s in %d queries, want 1 in fewer than %d (the count kept)", n, warm, cold+1)
		}

		// Cai follows the thread and hides a tag the next reply carries.
		if r := cai.c.PostForm("/t/"+idStr(tid)+"/follow", url.Values{"state": {"follow"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("follow: %d", r.StatusCode)
		}
		if err := db.W.Exec("INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'abuse', 'hide', CURRENT_TIMESTAMP)", cai.id).Error; err != nil {
			t.Fatal(err)
		}
		ben.reply(tid, op, "Something heavier.", "abuse")
		if n, _ = page(cai); n != "0" {
			t.Fatalf("a reply with a hidden tag counts: unread %s", n)
		}
		page(cai)
		dee.reply(tid, op, "Sending you warmth.")
		if n, _ = page(cai); n != "1" {
			t.Fatalf("after a reply they can see, through another instance: unread %s, want 1", n)
		}
	})
}

// TestRepliesBetweenMembersNeverDeadlock: members replying to each other
// at once each lock their own users row (post counts) and move the other's
// notice version; every reply still succeeds, and each member's count
// shows every reply to them and the threads they follow.
func TestRepliesBetweenMembersNeverDeadlock(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		ann := newPoster(t, a, db, "Annika", "member")
		ben := newPoster(t, a, db, "ben_k", "member")
		cai := newPoster(t, a, db, "cai", "member")
		var threads [3]int64
		var openers [3]int64
		for i, p := range []*poster{ann, ben, cai} {
			threads[i] = p.startThread("grief", "Evenings "+strconv.Itoa(i), "The evenings are long.")
			openers[i] = firstPostOf(t, db, threads[i])
		}
		const rounds = 8
		// Every member has replied to both threads (and so follows them)
		// before anyone goes on: a member's follow notice needs a reply
		// from the third member after their own first one, which a member
		// finishing all their rounds first would never leave.
		var wg, followed sync.WaitGroup
		followed.Add(3)
		for i, p := range []*poster{ann, ben, cai} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := range rounds {
					if r == 1 {
						followed.Done()
						followed.Wait()
					}
					// Each replies to the next member's opening post and
					// then to the one after's.
					for _, j := range []int{(i + 1) % 3, (i + 2) % 3} {
						f := url.Values{"body": {"Thinking of you, round " + strconv.Itoa(r)}, "idem": {"deadlock-" + strconv.Itoa(i) + "-" + strconv.Itoa(j) + "-" + strconv.Itoa(r)},
							"parent_id": {strconv.FormatInt(openers[j], 10)}}
						if res := p.c.PostForm("/t/"+strconv.FormatInt(threads[j], 10)+"/replies", f); res.StatusCode != http.StatusSeeOther {
							t.Errorf("reply %d to thread %d: %d", r, threads[j], res.StatusCode)
						}
					}
				}
			}()
		}
		wg.Wait()
		for _, p := range []*poster{ann, ben, cai} {
			// Every reply to their post, and one notice for each of the
			// two threads they follow by replying there.
			if n := unreadIn(p.c.Get("/crisis").Body); n != strconv.Itoa(2*rounds+2) {
				t.Errorf("%s unread after %d replies to their post, want %d", n, 2*rounds, 2*rounds+2)
			}
		}
	})
}
