package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// lockSentence is how every lock notice begins (forum.LockNotice).
const lockSentence = "Moderators have locked this thread, so it no longer takes replies."

// A locked thread says so once, in one banner with the moderators'
// reason, to a member, a visitor and a moderator alike; the reply page, a
// refused reply and the edit page say it once too.
func TestLockSentenceShownOnce(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "alder", "member")
		mod := newPoster(t, a, db, "oakmod", "moderator")
		siteModerator(t, db, mod.id)
		tid := m.startThread("grief", "Heated thread", "Words.")
		pid, _ := m.reply(tid, 0, "My reply.")
		page, replies := "/t/"+idStr(tid), "/t/"+idStr(tid)+"/replies"
		visitor := forumtest.NewClient(t, a.Web.Handler())
		visitor.Get(page) // read before the lock, as a cached page would be
		r := mod.c.PostForm("/t/"+idStr(tid)+"/lock", url.Values{"reason": {"other"}, "reason_detail": {"Letting this one rest"}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("lock: %d", r.StatusCode)
		}
		once := func(who string, r *forumtest.Response, status int) string {
			t.Helper()
			if r.StatusCode != status {
				t.Fatalf("%s: status %d, want %d", who, r.StatusCode, status)
			}
			body := html.UnescapeString(r.Body)
			if n := strings.Count(body, lockSentence); n != 1 {
				t.Errorf("%s: the lock sentence appears %d times", who, n)
			}
			if n := strings.Count(body, "Reason: Letting this one rest"); n != 1 {
				t.Errorf("%s: the reason appears %d times", who, n)
			}
			return body
		}
		for who, c := range map[string]*forumtest.Client{"member": m.c, "visitor": visitor, "moderator": mod.c} {
			body := once(who+"'s thread page", c.Get(page), http.StatusOK)
			pageHas(t, body, `<p class="notice lock-banner" role="note">`+lockSentence+" Reason: Letting this one rest</p>")
			composer := strings.Contains(body, `action="`+replies+`"`)
			if composer != (who == "moderator") {
				t.Errorf("%s: reply form shown %v", who, composer)
			}
		}
		pageHas(t, visitor.Get(page).Body, `<a href="/login?next=/t/`+idStr(tid)+`">Log in</a>`)
		once("reply page", m.c.Get("/t/"+idStr(tid)+"/reply"), http.StatusForbidden)
		body := once("refused reply", m.c.PostForm(replies, url.Values{"body": {"Words I keep."}, "idem": {freshIdem()}}), http.StatusForbidden)
		pageHas(t, body, "Words I keep.")
		body = once("edit page", m.c.Get("/p/"+idStr(pid)+"/edit"), http.StatusForbidden)
		pageHas(t, body, "you can still delete yours")
	})
}

// TestReplyQueryCounts: the posting rules are decided from reads the
// reply path makes anyway (the thread head before the form, the thread
// with its group and opening post in the write), so a reply costs no more
// statements than these, whatever the rules decide.
func TestReplyQueryCounts(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "alder", "member")
		o := newPoster(t, a, db, "birch", "member")
		tid := m.startThread("grief", "Counting", "Opening.")
		first, _ := o.reply(tid, 0, "First reply.")
		counter := forumtest.CountQueries(db)
		count := func(c *forumtest.Client, f url.Values) int64 {
			t.Helper()
			f.Set("idem", freshIdem())
			c.PostForm("/t/"+idStr(tid)+"/replies", f) // warm the session and caches
			f.Set("idem", freshIdem())
			counter.Reset()
			if r := c.PostForm("/t/"+idStr(tid)+"/replies", f); r.StatusCode != http.StatusSeeOther {
				t.Fatalf("reply: %d\n%s", r.StatusCode, r.Body)
			}
			return counter.Count()
		}
		// The session, the thread head and the block check; in the write,
		// the idempotency probe, the thread with its group and opening post,
		// the post and its sort key, the follow, the author answered (muted
		// or blocked?) and their notification, the followers', the three
		// counters; then the page the new post is on.
		toThread := count(o.c, url.Values{"body": {"Another reply."}})
		// A reply to a reply reads that post once before the form and once
		// in the write.
		toReply := count(m.c, url.Values{"body": {"Answering you."}, "parent_id": {idStr(first)}})
		t.Logf("reply to the thread: %d statements, to a reply: %d", toThread, toReply)
		if toThread > 15 || toReply > 17 {
			t.Errorf("reply to the thread: %d statements (at most 15), to a reply: %d (at most 17)", toThread, toReply)
		}
	})
}
