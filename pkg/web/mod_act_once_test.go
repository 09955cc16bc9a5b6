package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestActOnceUnderConcurrency has two moderators act on the same queue item
// at the same moment, many times over, with the same and with different
// actions: each time exactly one action happens, with one audit row, and the
// other moderator is told it was already handled.
func TestActOnceUnderConcurrency(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mods := []*forumtest.Client{w.as(w.griefMod), w.as(w.siteMod)}
		type attempt struct {
			path, reason string
			noItem       bool
		}
		rounds := [][2]func(post, item int64) attempt{
			{ // the same action twice
				func(p, i int64) attempt { return attempt{fmt.Sprintf("/p/%d/remove", p), "Spam or advertising", false} },
				func(p, i int64) attempt { return attempt{fmt.Sprintf("/p/%d/remove", p), "Spam or advertising", false} },
			},
			{ // approve against remove
				func(p, i int64) attempt { return attempt{fmt.Sprintf("/mod/items/%d/dismiss", i), "", false} },
				func(p, i int64) attempt {
					return attempt{fmt.Sprintf("/p/%d/remove", p), "Harassment or bullying", false}
				},
			},
			{ // from the thread page, without the item: the post's state decides
				func(p, i int64) attempt { return attempt{fmt.Sprintf("/p/%d/redact", p), "Spam or advertising", true} },
				func(p, i int64) attempt {
					return attempt{fmt.Sprintf("/p/%d/redact", p), "Shares personal information", true}
				},
			},
			{ // redact against dismiss
				func(p, i int64) attempt {
					return attempt{fmt.Sprintf("/p/%d/redact", p), "Shares personal information", false}
				},
				func(p, i int64) attempt { return attempt{fmt.Sprintf("/mod/items/%d/dismiss", i), "", false} },
			},
		}
		for n := range 16 {
			acts := rounds[n%len(rounds)]
			post := w.insertReply(w.thread, w.members[0], "a reply to act on", nil)
			item := w.item(moderation.KindReport, post, 30, "")
			before := countRows(w.t, w.db, "audit_log", "target_id = ? AND target_type = 'post'", post)
			var wg sync.WaitGroup
			start := make(chan struct{})
			results := make([]*forumtest.Response, 2)
			for k := range 2 {
				a := acts[k](post, item)
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					f := formValues("item", idStr(item), "reason", a.reason, "next", "/mod", "confirm", "yes")
					if a.noItem {
						f.Del("item")
					}
					results[k] = mods[k].PostForm(a.path, f)
				}()
			}
			close(start)
			wg.Wait()
			wantOneActed(t, fmt.Sprintf("round %d", n), results)
			if got := countRows(w.t, w.db, "audit_log", "target_id = ? AND target_type = 'post'", post) - before; got != 1 {
				t.Fatalf("round %d: %d audit rows for one action", n, got)
			}
			if got := countRows(w.t, w.db, "queue_items", "id = ? AND status = 'handled'", item); got != 1 {
				t.Fatalf("round %d: item not handled once", n)
			}
		}
	})
}

// actOnceRound is two moderators acting at once on one target.
type actOnceRound struct {
	name string
	// paths are the two requests; fromItem sends the queue item and
	// the post with each.
	paths    [2]string
	fromItem bool
	onThread bool
	action   string
}

var actOnceRounds = []actOnceRound{
	{name: "warn twice from the queue", paths: [2]string{"warn", "warn"}, fromItem: true, action: moderation.ActionWarn},
	{name: "suspend against warn from the queue", paths: [2]string{"suspend", "warn"}, fromItem: true},
	{name: "ban against suspend from the queue", paths: [2]string{"ban", "suspend"}, fromItem: true},
	{name: "suspend twice from the member's page", paths: [2]string{"suspend", "suspend"}, action: moderation.ActionSuspend},
	{name: "ban twice from the member's page", paths: [2]string{"ban", "ban"}, action: moderation.ActionBan},
	{name: "lock twice from the thread", paths: [2]string{"lock", "lock"}, onThread: true, action: moderation.ActionLock},
	{name: "pin twice from the thread", paths: [2]string{"pin", "pin"}, onThread: true, action: moderation.ActionPin},
}

// TestActOnceSanctionsAndThreadActionsUnderConcurrency does the same for
// the actions on members and on threads: two moderators warning, suspending
// or banning the same author at the same moment (from the same queue item,
// or from the member's page without one), and locking or pinning the same
// thread. Each time one sanction or change happens, with one audit row, and
// the other moderator is told it was already handled.
func TestActOnceSanctionsAndThreadActionsUnderConcurrency(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		// A group moderator sanctions from a post in their group; from a
		// member's page only site-wide moderators and admins do.
		groupMods := []*forumtest.Client{w.as(w.griefMod), w.as(w.siteMod)}
		siteStaff := []*forumtest.Client{w.as(w.siteMod), w.as(w.admin)}
		for n := range 14 {
			rd := actOnceRounds[n%len(actOnceRounds)]
			author := forumtest.InsertUser(t, db, "author_"+idStr(int64(n)), "member")
			th := forumtest.InsertThread(t, db, "grief", author, "A thread to act on", nil, time.Now())
			post := w.insertReply(th, author, "a reply to act on", nil)
			item := w.item(moderation.KindReport, post, 30, "")
			var wg sync.WaitGroup
			start := make(chan struct{})
			results := make([]*forumtest.Response, 2)
			mods := groupMods
			if !rd.fromItem && !rd.onThread {
				mods = siteStaff
			}
			for k := range 2 {
				path := fmt.Sprintf("/mod/users/%d/%s", author, rd.paths[k])
				if rd.onThread {
					path = fmt.Sprintf("/t/%d/%s", th.ID, rd.paths[k])
				}
				f := formValues("reason", "Harassment or bullying", "days", "3", "confirm", "yes")
				if rd.fromItem {
					f.Set("item", idStr(item))
					f.Set("post", idStr(post))
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					results[k] = mods[k].PostForm(path, f)
				}()
			}
			close(start)
			wg.Wait()
			checkActedOnce(t, w, n, rd, results, author, th.ID, item)
		}
	})
}

// checkActedOnce: of round n's two requests one acted and the other was
// told it was already handled, and the action left one audit row, one
// sanction, one notice and a handled item.
func checkActedOnce(t *testing.T, w *modWorld, n int, rd actOnceRound, results []*forumtest.Response, author, thread, item int64) {
	t.Helper()
	wantOneActed(t, fmt.Sprintf("round %d (%s)", n, rd.name), results)
	target, kind := author, "user"
	if rd.onThread {
		target, kind = thread, "thread"
	}
	if got := countRows(w.t, w.db, "audit_log", "target_id = ? AND target_type = ?", target, kind); got != 1 {
		t.Fatalf("round %d (%s): %d audit rows for one action", n, rd.name, got)
	}
	if rd.action != "" {
		if got := countRows(w.t, w.db, "audit_log", "target_id = ? AND target_type = ? AND action = ?", target, kind, rd.action); got != 1 {
			t.Fatalf("round %d (%s): %d %s rows", n, rd.name, got, rd.action)
		}
	}
	if !rd.onThread {
		if got := countRows(w.t, w.db, "sanctions", "user_id = ?", author); got != 1 {
			t.Fatalf("round %d (%s): %d sanctions for one action", n, rd.name, got)
		}
		if got := countRows(w.t, w.db, "member_notices", "user_id = ?", author); got != 1 {
			t.Fatalf("round %d (%s): the member was told %d times", n, rd.name, got)
		}
	}
	if rd.fromItem {
		if got := countRows(w.t, w.db, "queue_items", "id = ? AND status = 'handled'", item); got != 1 {
			t.Fatalf("round %d (%s): item not handled once", n, rd.name)
		}
	}
}

// wantOneActed stops the test unless exactly one of two moderators' answers
// acted (a redirect) and the other was told the item was already handled.
func wantOneActed(t *testing.T, round string, results []*forumtest.Response) {
	t.Helper()
	ok, handled := 0, 0
	for _, r := range results {
		switch {
		case r.StatusCode == http.StatusSeeOther:
			ok++
		case r.StatusCode == http.StatusConflict && strings.Contains(r.Body, "Already handled by a moderator") && strings.Contains(r.Body, "seconds ago"):
			handled++
		default:
			t.Fatalf("%s: status %d\n%s", round, r.StatusCode, snippet(r.Body))
		}
	}
	if ok != 1 || handled != 1 {
		t.Fatalf("%s: %d succeeded, %d told already handled", round, ok, handled)
	}
}
