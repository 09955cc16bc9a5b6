package web_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"hearth/pkg/forum"
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
		// A locked thread does not invite visitors to sign up to reply.
		vb := visitor.Get(page).Body
		pageHas(t, vb, "This thread is locked, so nobody can reply to it.")
		pageLacks(t, vb, `<a href="/login?next=/t/`+idStr(tid)+`">Log in</a>`)
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
		// The session, the thread head and who is around (out of hours a
		// newcomer's first posts wait); in the write, the idempotency
		// probe, the thread with its group, opening post and whether its
		// author blocked the writer, the post and its sort key, the
		// follow, the author answered (muted or blocked?) and their
		// notification, the followers', the three counters; then the page
		// the new post is on.
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

func TestSuspendedMemberCannotPost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/mod/users/%d/suspend", w.author), formValues("post", idStr(w.reply), "days", "2", "reason", "Spam or advertising")), http.StatusSeeOther)
		// Logging in again does not lift it.
		author := w.as(w.author)
		r := author.PostForm(fmt.Sprintf("/t/%d/replies", w.thread.ID), formValues("body", "let me back in"))
		wantStatus(t, r, http.StatusForbidden)
		if n := countRows(w.t, w.db, "posts", "body_md = ?", "let me back in"); n != 0 {
			t.Fatal("a suspended member posted")
		}
		// The accounts gate explains the suspension; the notice, which can't be
		// dismissed from there, waits until it is lifted.
		page := author.Get("/")
		pageHas(t, page.Body, "Your account is suspended", "Spam or advertising")
		pageLacks(t, page.Body, "A message from the moderators")
		wantStatus(t, w.as(w.siteMod).PostForm(fmt.Sprintf("/mod/users/%d/lift", w.author), formValues()), http.StatusSeeOther)
		pageHas(t, author.Get("/").Body, "A message from the moderators", "suspended until", "lifted the restriction")
	})
}

// TestRepliesAtTheSameMomentAllLand: replies sent at once (on SQLite they
// share commits, pkg/store's TxGrouped) are each acknowledged only when
// written, each counted once, and each notifies the thread's follower; a
// reply refused at the same moment (a locked thread) leaves nothing behind.
func TestRepliesAtTheSameMomentAllLand(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		author := newPoster(t, a, db, "steady_author", "member")
		open := author.startThread("grief", "Many at once", "Opening post.")
		locked := author.startThread("grief", "Closed one", "Opening post.")
		if err := db.W.Exec("UPDATE threads SET locked = ? WHERE id = ?", true, locked).Error; err != nil {
			t.Fatal(err)
		}
		before := countRows(t, db, "posts", "")
		const perMember = 8
		names := []string{"river_a", "river_b", "river_c"}
		type result struct {
			code   int
			locked bool
		}
		results := make(chan result, len(names)*perMember*2)
		var wg sync.WaitGroup
		for _, name := range names {
			m := newPoster(t, a, db, name, "member")
			for i := range perMember {
				for _, th := range []int64{open, locked} {
					// One client (and session) per request: a test client
					// is not safe for concurrent use.
					c := forumtest.NewClient(t, a.Web.Handler())
					forumtest.LoginAs(t, a, c, m.id)
					wg.Add(1)
					go func() {
						defer wg.Done()
						r := c.PostForm("/t/"+idStr(th)+"/replies", url.Values{
							"body": {fmt.Sprintf("Reply %d from %s to %d.", i, name, th)},
							"idem": {fmt.Sprintf("group-%s-%d-%d-key", name, th, i)},
						})
						results <- result{r.StatusCode, th == locked}
					}()
				}
			}
		}
		wg.Wait()
		close(results)
		for r := range results {
			if !r.locked && r.code != http.StatusSeeOther {
				t.Errorf("reply answered %d, want 303", r.code)
			}
			if r.locked && r.code == http.StatusSeeOther {
				t.Error("a reply to a locked thread was accepted")
			}
		}
		want := int64(len(names) * perMember)
		if got := countRows(t, db, "posts", "") - before; got != want {
			t.Fatalf("%d posts written, want %d", got, want)
		}
		var replies, lockedReplies, notes int64
		db.R.Table("threads").Where("id = ?", open).Select("reply_count").Scan(&replies)
		db.R.Table("posts").Where("thread_id = ? AND parent_id IS NOT NULL", locked).Count(&lockedReplies)
		db.R.Table("notifications").Where("user_id = ? AND thread_id = ?", author.id, open).Count(&notes)
		if replies != want || lockedReplies != 0 || notes != want {
			t.Fatalf("reply_count %d, locked thread replies %d, author's notifications %d; want %d, 0, %d", replies, lockedReplies, notes, want, want)
		}
	})
}

func TestReplyToReplyAndQuoteWithoutJavaScript(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "fern", "member")
		o := newPoster(t, a, db, "gorse", "member")
		tid := m.startThread("grief", "Letters", "Opening.")
		first, _ := o.reply(tid, 0, "I write **poems** about my dad.")
		// The Reply link's page shows the post being answered and carries
		// its id.
		r := m.c.Get("/t/" + idStr(tid) + "/reply?parent=" + idStr(first))
		if r.StatusCode != http.StatusOK {
			t.Fatalf("reply form: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "<h1>Reply to gorse</h1>", "<strong>poems</strong>", `name="parent_id" value="`+idStr(first)+`"`,
			`action="/t/`+idStr(tid)+`/replies"`)
		// The Quote link fills the message with the post as a quotation.
		r = m.c.Get("/t/" + idStr(tid) + "/reply?parent=" + idStr(first) + "&quote=1")
		pageHas(t, html.UnescapeString(r.Body), "> **gorse** wrote:\n>\n> I write **poems** about my dad.\n")
		// Posting that form answers the reply, one level deeper.
		quoted := forum.Quote("gorse", "I write **poems** about my dad.") + "Me too."
		second, _ := m.reply(tid, first, quoted)
		var parent int64
		var depth int
		db.R.Raw("SELECT parent_id FROM posts WHERE id = ?", second).Scan(&parent)
		db.R.Raw("SELECT depth FROM posts WHERE id = ?", second).Scan(&depth)
		if parent != first || depth != 2 {
			t.Fatalf("reply to reply: parent %d depth %d", parent, depth)
		}
		r = m.c.Get("/t/" + idStr(tid))
		post := regexp.MustCompile(`(?s)<li class="post indent-2" id="p-` + idStr(second) + `">.*?</article>`).FindString(r.Body)
		if !strings.Contains(post, "<blockquote>") || !strings.Contains(post, "Me too.") {
			t.Fatalf("quoted reply: %s", post)
		}
		pageHas(t, o.c.Get("/notifications").Body, "fern replied to your post")
		// A parent from elsewhere, or no post at all, is not found.
		other := m.startThread("grief", "Elsewhere", "Other opening.")
		for _, q := range []string{"?parent=" + idStr(firstPostOf(t, db, other)), "?parent=99999", "?parent=abc"} {
			if r := m.c.Get("/t/" + idStr(tid) + "/reply" + q); r.StatusCode != http.StatusNotFound {
				t.Errorf("reply form %s: %d", q, r.StatusCode)
			}
		}
	})
}

func TestReplyBadInput(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "juniper", "member")
		t1 := m.startThread("grief", "First thread", "One.")
		t2 := m.startThread("grief", "Second thread", "Two.")
		other := firstPostOf(t, db, t2)
		text := "Words I do not want to lose."
		before := countRows(t, db, "posts", "")
		// A parent from another thread.
		r := m.c.PostForm("/t/"+idStr(t1)+"/replies", url.Values{"body": {text}, "parent_id": {idStr(other)}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, text) || !strings.Contains(r.Body, "isn&#39;t part of this thread") {
			t.Fatalf("foreign parent: %d\n%s", r.StatusCode, r.Body)
		}
		// A parent that is not a number.
		r = m.c.PostForm("/t/"+idStr(t1)+"/replies", url.Values{"body": {text}, "parent_id": {"1 OR 1=1"}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, text) {
			t.Fatalf("garbage parent: %d", r.StatusCode)
		}
		// A thread that does not exist.
		r = m.c.PostForm("/t/99999/replies", url.Values{"body": {text}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusNotFound {
			t.Fatalf("missing thread: %d", r.StatusCode)
		}
		// One character over the limit.
		long := strings.Repeat("a", 20001)
		r = m.c.PostForm("/t/"+idStr(t1)+"/replies", url.Values{"body": {long}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, long) {
			t.Fatalf("long reply: %d", r.StatusCode)
		}
		// Exactly at the limit is fine.
		r = m.c.PostForm("/t/"+idStr(t1)+"/replies", url.Values{"body": {strings.Repeat("b", 20000)}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusSeeOther {
			t.Fatalf("reply at the limit: %d", r.StatusCode)
		}
		if got := countRows(t, db, "posts", "") - before; got != 1 {
			t.Fatalf("%d posts created", got)
		}
	})
}

func TestLockedThreadRefusesMembersNotModerators(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "nettle", "member")
		tid := m.startThread("ptsd", "Heated thread", "Words.")
		db.W.Exec("UPDATE threads SET locked = ?, lock_reason = ? WHERE id = ?", true, "The conversation needs a pause.", tid)
		r := m.c.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "Moderators have locked this thread", "The conversation needs a pause.")
		pageLacks(t, r.Body, `action="/t/`+idStr(tid)+`/replies"`)
		text := "My reply that must not vanish."
		r = m.c.PostForm("/t/"+idStr(tid)+"/replies", url.Values{"body": {text}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusForbidden {
			t.Fatalf("member reply to locked thread: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "<textarea", text, "The conversation needs a pause.")
		if r := m.c.Get("/t/" + idStr(tid) + "/reply"); r.StatusCode != http.StatusForbidden {
			t.Fatalf("reply form of locked thread: %d", r.StatusCode)
		}
		mod := newPoster(t, a, db, "oakmod", "moderator")
		siteModerator(t, db, mod.id)
		if _, loc := mod.reply(tid, 0, "A note from the moderators."); !strings.Contains(loc, "#p-") {
			t.Fatalf("moderator reply: %q", loc)
		}
	})
}
