package web_test

import (
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestPostingCleansAndKeepsUnicode(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "iris", "member")
		// Control characters other than tab and newline are dropped (NUL
		// and invalid UTF-8 are refused: TestUnreadableTextRefusedAndKept);
		// right-to-left text and zero-width joiners stay.
		tid := m.startThread("anxiety", "Title with\a bell", "Hello\x1b world and שלום עולם and 👩\u200d👩\u200d👧 and a\u200bb")
		var title, body string
		db.R.Raw("SELECT title FROM threads WHERE id = ?", tid).Scan(&title)
		db.R.Raw("SELECT body_md FROM posts WHERE thread_id = ?", tid).Scan(&body)
		if title != "Title with bell" {
			t.Errorf("title %q", title)
		}
		if strings.ContainsRune(body, 0x1b) || !strings.Contains(body, "Hello world") || !strings.Contains(body, "שלום עולם") ||
			!strings.Contains(body, "👩\u200d👩\u200d👧") || !strings.Contains(body, "a\u200bb") {
			t.Errorf("body %q", body)
		}
		r := m.c.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "שלום עולם")
	})
}

func TestCrossOriginPostingRefused(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "kestrel", "member")
		tid := m.startThread("grief", "A thread", "Words.")
		before := countRows(t, db, "posts", "")
		for _, h := range []map[string]string{
			{"Origin": "https://evil.example"},
			{"Sec-Fetch-Site": "cross-site"},
			{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
		} {
			for _, path := range []string{"/t/" + idStr(tid) + "/replies", "/g/grief/threads"} {
				form := url.Values{"title": {"Forged thread"}, "body": {"forged"}, "idem": {freshIdem()}}
				req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				for k, v := range h {
					req.Header.Set(k, v)
				}
				if r := m.c.Do(req); r.StatusCode != http.StatusForbidden {
					t.Errorf("%v POST %s: %d", h, path, r.StatusCode)
				}
			}
		}
		if countRows(t, db, "posts", "") != before {
			t.Fatal("a cross-origin POST created a post")
		}
	})
}

func TestDoubleSubmitCreatesOnePost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "linden", "member")
		form := url.Values{"title": {"Only once"}, "body": {"Sent twice."}, "idem": {"double-click-key-1"}}
		r1 := m.c.PostForm("/g/grief/threads", form)
		r2 := m.c.PostForm("/g/grief/threads", form)
		if r1.StatusCode != http.StatusSeeOther || r2.StatusCode != http.StatusSeeOther || r1.Header.Get("Location") != r2.Header.Get("Location") {
			t.Fatalf("double thread: %d %q / %d %q", r1.StatusCode, r1.Header.Get("Location"), r2.StatusCode, r2.Header.Get("Location"))
		}
		var threads int64
		db.R.Table("threads").Where("title = ?", "Only once").Count(&threads)
		if threads != 1 {
			t.Fatalf("%d threads", threads)
		}
		tid := idIn(t, r1.Header.Get("Location"), `^/t/(\d+)$`)
		reply := url.Values{"body": {"Resent after a timeout."}, "idem": {"double-click-key-2"}}
		r1 = m.c.PostForm("/t/"+idStr(tid)+"/replies", reply)
		r2 = m.c.PostForm("/t/"+idStr(tid)+"/replies", reply)
		if r1.Header.Get("Location") != r2.Header.Get("Location") || !strings.Contains(r2.Header.Get("Location"), "#p-") {
			t.Fatalf("double reply: %q / %q", r1.Header.Get("Location"), r2.Header.Get("Location"))
		}
		var n int64
		db.R.Table("posts").Where("body_md = ?", "Resent after a timeout.").Count(&n)
		if n != 1 {
			t.Fatalf("%d replies", n)
		}
		// The same key with other words, or in another thread, is another
		// post: the key stands for one form's words in one place.
		other := url.Values{"body": {"Something else entirely."}, "idem": {"double-click-key-2"}}
		r3 := m.c.PostForm("/t/"+idStr(tid)+"/replies", other)
		if r3.StatusCode != http.StatusSeeOther || r3.Header.Get("Location") == r1.Header.Get("Location") {
			t.Fatalf("a different reply with the same key: %d %q, the first went to %q", r3.StatusCode, r3.Header.Get("Location"), r1.Header.Get("Location"))
		}
		db.R.Table("posts").Where("body_md = ?", "Something else entirely.").Count(&n)
		if n != 1 {
			t.Fatalf("the different reply with the same key was dropped (%d stored)", n)
		}
		tid2 := idIn(t, m.c.PostForm("/g/grief/threads", url.Values{"title": {"Another"}, "body": {"x"}, "idem": {freshIdem()}}).Header.Get("Location"), `^/t/(\d+)$`)
		if r := m.c.PostForm("/t/"+idStr(tid2)+"/replies", reply); !strings.HasPrefix(r.Header.Get("Location"), "/t/"+idStr(tid2)) {
			t.Fatalf("the same words and key in another thread went to %q", r.Header.Get("Location"))
		}
		// The same key from another member is theirs alone.
		o := newPoster(t, a, db, "maple", "member")
		if r := o.c.PostForm("/t/"+idStr(tid)+"/replies", reply); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("other member: %d", r.StatusCode)
		}
		db.R.Table("posts").Where("body_md = ?", "Resent after a timeout.").Count(&n)
		if n != 3 {
			t.Fatalf("%d replies after another member", n)
		}
	})
}

func TestVisitorCannotPost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		r := c.Get("/g/grief/new")
		if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login?next=") {
			t.Fatalf("visitor composer: %d %q", r.StatusCode, r.Header.Get("Location"))
		}
		if r := c.PostForm("/g/grief/threads", url.Values{"title": {"Hello"}, "body": {"x"}}); r.StatusCode != http.StatusForbidden {
			t.Fatalf("visitor post: %d", r.StatusCode)
		}
	})
}

func TestDatabaseErrorKeepsTextAndSavesNothing(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, logs := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "quill", "member")
		tid := m.startThread("grief", "Before the failure", "Opening.")
		before := countRows(t, db, "posts", "")
		// Break the write path: every post also subscribes its author.
		if err := db.W.Exec("DROP TABLE subscriptions").Error; err != nil {
			t.Fatal(err)
		}
		text := "Words written just as the database failed."
		r := m.c.PostForm("/t/"+idStr(tid)+"/replies", url.Values{"body": {text}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusInternalServerError {
			t.Fatalf("reply during a database error: %d", r.StatusCode)
		}
		pageHas(t, r.Body, text, "Something went wrong on our side", "<textarea")
		pageLacks(t, r.Body, "subscriptions", "no such table", "does not exist")
		r = m.c.PostForm("/g/grief/threads", url.Values{"title": {"A new thread"}, "body": {text}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusInternalServerError || !strings.Contains(r.Body, text) || !strings.Contains(r.Body, `value="A new thread"`) {
			t.Fatalf("thread during a database error: %d", r.StatusCode)
		}
		if countRows(t, db, "posts", "") != before {
			t.Fatal("a failed transaction left a post behind")
		}
		var threads int64
		db.R.Table("threads").Count(&threads)
		if threads != 1 {
			t.Fatalf("%d threads after a failed transaction", threads)
		}
		if !strings.Contains(logs.String(), "post failed") {
			t.Fatal("the failure was not logged")
		}
	})
}

func TestSuspendedMemberCannotReplyOrStart(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "rook", "member")
		tid := m.startThread("grief", "Before", "Opening.")
		db.W.Exec("UPDATE users SET status = 'suspended', status_until = ? WHERE id = ?", time.Date(2031, 3, 4, 12, 0, 0, 0, time.UTC), m.id)
		before := countRows(t, db, "posts", "")
		r := m.c.PostForm("/t/"+idStr(tid)+"/replies", url.Values{"body": {"Trying anyway."}, "idem": {freshIdem()}})
		if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "2031") {
			t.Fatalf("suspended reply: %d", r.StatusCode)
		}
		if r := m.c.PostForm("/g/grief/threads", url.Values{"title": {"Nope"}, "body": {"x"}, "idem": {freshIdem()}}); r.StatusCode != http.StatusForbidden {
			t.Fatalf("suspended thread: %d", r.StatusCode)
		}
		if countRows(t, db, "posts", "") != before {
			t.Fatal("a suspended member posted")
		}
	})
}

func TestConcurrentDoubleSubmitCreatesOnePost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "racer", "member")
		tid := m.startThread("grief", "Race", "Opening.")
		// Two tabs (two sessions) send the same form at the same moment.
		clients := []*forumtest.Client{forumtest.NewClient(t, a.Web.Handler()), forumtest.NewClient(t, a.Web.Handler())}
		for _, c := range clients {
			forumtest.LoginAs(t, a, c, m.id)
		}
		form := url.Values{"body": {"Sent from two tabs at once."}, "idem": {"same-key-from-two-tabs"}}
		locs := make([]string, len(clients))
		codes := make([]int, len(clients))
		var wg sync.WaitGroup
		for i, c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := c.PostForm("/t/"+idStr(tid)+"/replies", form)
				codes[i], locs[i] = r.StatusCode, r.Header.Get("Location")
			}()
		}
		wg.Wait()
		if codes[0] != http.StatusSeeOther || codes[1] != http.StatusSeeOther || locs[0] != locs[1] {
			t.Fatalf("responses %v %q", codes, locs)
		}
		var n int64
		db.R.Table("posts").Where("body_md = ?", "Sent from two tabs at once.").Count(&n)
		if n != 1 {
			t.Fatalf("%d posts", n)
		}
	})
}

func TestComposerSuggestsTagsWithoutBlocking(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "larch", "member")
		text := "I started cutting again last night."
		// Without JavaScript: the Preview button shows the suggestion with a
		// label that ticks the box.
		r := m.c.PostForm("/g/depression/threads", url.Values{"title": {"Setback"}, "body": {text}, "preview": {"1"}, "idem": {freshIdem()}})
		pageHas(t, r.Body, `<label class="suggest" for="tw-self-harm">Self-harm</label>`, "mentions &#34;cutting again&#34;")
		// Already ticked: it says so.
		r = m.c.PostForm("/g/depression/threads", url.Values{"title": {"Setback"}, "body": {text}, "trigger_warnings": {"self-harm"}, "preview": {"1"}, "idem": {freshIdem()}})
		pageHas(t, r.Body, "<strong>Self-harm</strong> (ticked)")
		// With JavaScript: the live preview fragment carries it too.
		pageHas(t, m.c.PostForm("/preview", url.Values{"body": {text}}).Body, `for="tw-self-harm"`)
		// A suggestion never blocks the post.
		tid := m.startThread("depression", "Setback", text)
		var tags string
		db.R.Raw("SELECT tags FROM threads WHERE id = ?", tid).Scan(&tags)
		if tags != "" {
			t.Fatalf("tags added without the author: %q", tags)
		}
	})
}

func TestGoneThreadOrGroupKeepsText(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "alder", "member")
		tid := m.startThread("grief", "Soon removed", "Opening.")
		before := countRows(t, db, "posts", "")
		text := "Words I wrote for a thread that is gone."
		kept := func(name string, r *forumtest.Response, wants ...string) {
			t.Helper()
			if r.StatusCode != http.StatusNotFound {
				t.Fatalf("%s: status %d", name, r.StatusCode)
			}
			body := html.UnescapeString(r.Body)
			for _, w := range append([]string{"<textarea", text, "no longer available"}, wants...) {
				if !strings.Contains(body, w) {
					t.Errorf("%s: page lacks %q", name, w)
				}
			}
			if strings.Contains(r.Body, `<button type="submit" class="primary">`) {
				t.Errorf("%s: a form with nowhere to post offers to post", name)
			}
		}
		// A thread that never existed, and one that is not even an id.
		kept("missing thread", m.c.PostForm("/t/99999/replies", url.Values{"body": {text}, "trigger_warnings": {"self-harm"}, "idem": {freshIdem()}}),
			`value="self-harm" id="tw-self-harm" checked`)
		kept("bad id", m.c.PostForm("/t/abc/replies", url.Values{"body": {text}, "idem": {freshIdem()}}))
		// A thread moderators removed while the member was writing.
		db.W.Exec("UPDATE threads SET status = 'removed' WHERE id = ?", tid)
		kept("removed thread", m.c.PostForm("/t/"+idStr(tid)+"/replies", url.Values{"body": {text}, "idem": {freshIdem()}}))
		// A group that does not exist keeps the title too.
		kept("missing group", m.c.PostForm("/g/no-such-group/threads", url.Values{"title": {"My title here"}, "body": {text}, "idem": {freshIdem()}}),
			`value="My title here"`)
		if countRows(t, db, "posts", "") != before {
			t.Fatal("a post was created")
		}
	})
}

// TestUnreadableTextRefusedAndKept sends invalid UTF-8 and NUL characters
// in a reply, a new thread's title, a preview and a report's note: each is
// refused with a message that says why, the text comes back marked with
// U+FFFD where the bad characters were, and nothing is stored.
func TestUnreadableTextRefusedAndKept(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "aspen", "member")
		tid := m.startThread("grief", "A thread", "Opening words.")
		before := countRows(t, db, "posts", "")
		refused := func(name string, r *forumtest.Response, want, kept string) {
			t.Helper()
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("%s: status %d, want 422", name, r.StatusCode)
			}
			body := html.UnescapeString(r.Body)
			for _, w := range []string{want, kept, `class="error-summary"`} {
				if !strings.Contains(body, w) {
					t.Errorf("%s: page lacks %q", name, w)
				}
			}
		}
		refused("invalid UTF-8 in a reply",
			m.c.PostForm("/t/"+idStr(tid)+"/replies", url.Values{"body": {"I wrote caf\xe9 and more"}, "idem": {freshIdem()}}),
			"couldn't be read", "I wrote caf\uFFFD and more")
		refused("NUL in a reply",
			m.c.PostForm("/t/"+idStr(tid)+"/replies", url.Values{"body": {"before\x00after"}, "idem": {freshIdem()}}),
			"hidden NUL character", "before\uFFFDafter")
		refused("NUL in a title",
			m.c.PostForm("/g/grief/threads", url.Values{"title": {"My\x00 title"}, "body": {"Fine words."}, "idem": {freshIdem()}}),
			"This text contains a hidden NUL character", "Fine words.")
		refused("invalid UTF-8 in a preview",
			m.c.PostForm("/t/"+idStr(tid)+"/replies", url.Values{"body": {"preview \xff me"}, "preview": {"1"}, "idem": {freshIdem()}}),
			"couldn't be read", "preview \uFFFD me")
		if n := countRows(t, db, "posts", ""); n != before {
			t.Fatalf("%d posts stored from unreadable text", n-before)
		}

		// The member sends the marked text back: it is ordinary text now.
		id, _ := m.reply(tid, 0, "I wrote caf\uFFFD and more")
		var stored string
		db.R.Raw("SELECT body_md FROM posts WHERE id = ?", id).Scan(&stored)
		if stored != "I wrote caf\uFFFD and more" {
			t.Fatalf("stored %q", stored)
		}

		o := newPoster(t, a, db, "birch", "member")
		refused("NUL in a report's note",
			o.c.PostForm("/p/"+idStr(id)+"/report", url.Values{"reason": {"other"}, "note": {"look\x00 here"}}),
			"This text contains a hidden NUL character", "look\uFFFD here")
		if n := countRows(t, db, "reports", ""); n != 0 {
			t.Fatalf("%d reports stored from unreadable text", n)
		}
	})
}
