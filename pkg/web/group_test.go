package web_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/safety"
	"hearth/pkg/store"
)

// Rules of reading and posting that the other posting tests leave out:
// words sent to a thread or group that is gone, bad edits, a blocked
// member's reactions, the group list's order and columns, replying to a
// reply and quoting without JavaScript, search ranking, and the seeded tag
// vocabulary.

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

func TestEditBadInputKeepsText(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "birch", "member")
		tid := m.startThread("anxiety", "Original title", "Original opening.")
		op := firstPostOf(t, db, tid)
		pid, _ := m.reply(tid, 0, "Original reply.")
		edit := func(id int64, f url.Values) *forumtest.Response {
			f.Set("version", "1")
			return m.c.PostForm("/p/"+idStr(id)+"/edit", f)
		}
		cases := []struct {
			name string
			id   int64
			form url.Values
			msg  string
			keep string
		}{
			{"empty body", pid, url.Values{"body": {" \n "}}, "Please write a message.", ""},
			{"body one over", pid, url.Values{"body": {strings.Repeat("é", 20001)}}, "the limit is 20,000", strings.Repeat("é", 20001)},
			{"unknown tag", pid, url.Values{"body": {"Edited words kept."}, "trigger_warnings": {"made-up"}}, "isn&#39;t one of Hearth&#39;s trigger-warning tags", "Edited words kept."},
			{"short title", op, url.Values{"title": {"Hi"}, "body": {"Edited opening kept."}}, "at least 3 characters", "Edited opening kept."},
		}
		for _, tc := range cases {
			r := edit(tc.id, tc.form)
			if r.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d", tc.name, r.StatusCode)
				continue
			}
			if !strings.Contains(r.Body, tc.msg) || !strings.Contains(r.Body, `class="error-summary"`) {
				t.Errorf("%s: message %q or summary missing", tc.name, tc.msg)
			}
			if tc.keep != "" && !strings.Contains(html.UnescapeString(r.Body), tc.keep) {
				t.Errorf("%s: the text is not kept", tc.name)
			}
		}
		unchanged := func(when string) {
			t.Helper()
			var version int
			var body string
			db.R.Raw("SELECT version FROM posts WHERE id = ?", pid).Scan(&version)
			db.R.Raw("SELECT body_md FROM posts WHERE id = ?", pid).Scan(&body)
			if version != 1 || body != "Original reply." {
				t.Fatalf("%s: post changed to version %d %q", when, version, body)
			}
		}
		unchanged("after refused edits")
		// A locked thread refuses the edit and keeps the words.
		db.W.Exec("UPDATE threads SET locked = ? WHERE id = ?", true, tid)
		r := edit(pid, url.Values{"body": {"Written before the lock."}})
		if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "Written before the lock.") || !strings.Contains(r.Body, "Moderators have locked this thread") {
			t.Fatalf("locked edit: %d", r.StatusCode)
		}
		db.W.Exec("UPDATE threads SET locked = ? WHERE id = ?", false, tid)
		unchanged("after the locked edit")
		// A post moderators removed while its author was editing it.
		db.W.Exec("UPDATE posts SET status = 'removed' WHERE id = ?", pid)
		r = edit(pid, url.Values{"body": {"Written before the removal."}})
		if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Body, "Written before the removal.") || !strings.Contains(r.Body, "can no longer be edited") {
			t.Fatalf("edit of a removed post: %d\n%s", r.StatusCode, r.Body)
		}
		unchanged("after the edit of a removed post")
		// Someone else still gets a plain refusal.
		o := newPoster(t, a, db, "cedar", "member")
		if r := o.c.PostForm("/p/"+idStr(pid)+"/edit", url.Values{"body": {"Hijack"}, "version": {"1"}}); r.StatusCode != http.StatusForbidden || strings.Contains(r.Body, "Hijack") {
			t.Fatalf("another member's edit: %d", r.StatusCode)
		}
	})
}

func TestBlockedMembersReactionsAreSilent(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		ash := newPoster(t, a, db, "ash", "member")
		birch := newPoster(t, a, db, "birch", "member")
		cedar := newPoster(t, a, db, "cedar", "member")
		tid := ash.startThread("grief", "Quiet evenings", "The evenings are the hardest.")
		op := firstPostOf(t, db, tid)
		if r := ash.c.PostForm("/u/birch/block", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("block: %d", r.StatusCode)
		}
		if r := birch.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {forum.ReactHear}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("birch's reaction: %d", r.StatusCode)
		}
		if n := countRows(t, db, "notifications", "user_id = ? AND kind = ?", ash.id, forum.NoteReaction); n != 0 {
			t.Fatalf("a blocked member's reaction notified ash (%d)", n)
		}
		cedar.c.PostForm("/p/"+idStr(op)+"/react", url.Values{"kind": {forum.ReactThinking}})
		if n := countRows(t, db, "notifications", "user_id = ? AND kind = ?", ash.id, forum.NoteReaction); n != 1 {
			t.Fatalf("cedar's reaction: %d notifications", n)
		}
		r := ash.c.Get("/t/" + idStr(tid))
		reacted := regexp.MustCompile(`<p class="reacted-by">.*?</p>`).FindString(r.Body)
		if !strings.Contains(reacted, "<strong>Thinking of you</strong>: cedar") || strings.Contains(reacted, "birch") || strings.Contains(reacted, "I hear you") {
			t.Fatalf("ash's reactions line: %q", reacted)
		}
		pageHas(t, ash.c.Get("/notifications").Body, "cedar said “Thinking of you”")
		// Cedar, who blocked nobody, still sees that people responded.
		pageHas(t, cedar.c.Get("/t/"+idStr(tid)).Body, "People have responded")
	})
}

func TestGroupListPinnedActivityRepliesLastPoster(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "dove", "member")
		o := newPoster(t, a, db, "elm", "member")
		old := forumtest.InsertThread(t, db, "grief", m.id, "Oldest thread", nil, time.Now().Add(-3*time.Hour))
		forumtest.InsertThread(t, db, "grief", m.id, "Middle thread", nil, time.Now().Add(-2*time.Hour))
		pinned := forumtest.InsertThread(t, db, "grief", m.id, "Pinned thread", nil, time.Now().Add(-4*time.Hour))
		db.W.Exec("UPDATE threads SET pinned = ? WHERE id = ?", true, pinned.ID)
		// A reply moves the oldest thread up: lists follow last activity.
		o.reply(old.ID, 0, "Still here with you.")
		r := m.c.Get("/g/grief")
		order := []string{"Pinned thread", "Oldest thread", "Middle thread"}
		last := -1
		for _, title := range order {
			i := strings.Index(r.Body, title)
			if i < last {
				t.Fatalf("%q out of order (want pinned first, then by last activity)", title)
			}
			last = i
		}
		row := regexp.MustCompile(`(?s)<li class="thread-row">\s*<h3><a href="/t/` + idStr(old.ID) + `">.*?</li>`).FindString(r.Body)
		if !strings.Contains(row, "1 reply") || !strings.Contains(row, "last post by elm") || !strings.Contains(row, "Started by dove") {
			t.Fatalf("thread row: %s", row)
		}
		pinnedRow := regexp.MustCompile(`(?s)<li class="thread-row pinned">.*?</li>`).FindString(r.Body)
		if !strings.Contains(pinnedRow, "Pinned thread") || !strings.Contains(pinnedRow, `<span class="badge">Pinned</span>`) {
			t.Fatalf("pinned row: %s", pinnedRow)
		}
		// Paging by cursor crosses from pinned to unpinned threads without
		// losing or repeating one.
		start := time.Now().Add(-100 * time.Hour)
		for i := range 33 {
			th := forumtest.InsertThread(t, db, "grief", m.id, fmt.Sprintf("Listed thread %02d", i), nil, start.Add(time.Duration(i)*time.Minute))
			if i%11 == 0 {
				db.W.Exec("UPDATE threads SET pinned = ? WHERE id = ?", true, th.ID)
			}
		}
		seen := map[string]int{}
		title := regexp.MustCompile(`(?:Listed thread \d\d|Oldest thread|Middle thread|Pinned thread)`)
		next := regexp.MustCompile(`<a rel="next" href="([^"]+)"`)
		path, pages := "/g/grief", 0
		for ; path != ""; pages++ {
			if pages > 3 {
				t.Fatal("pagination does not end")
			}
			r := m.c.Get(path)
			if pages == 0 {
				// All four pinned threads lead the first page.
				rows := regexp.MustCompile(`<li class="thread-row( pinned)?">`).FindAllStringSubmatch(r.Body, 5)
				for i, row := range rows {
					if (i < 4) != (row[1] != "") {
						t.Fatalf("row %d pinned=%v", i, row[1] != "")
					}
				}
			}
			for _, s := range title.FindAllString(r.Body, -1) {
				seen[s]++
			}
			path = ""
			if mm := next.FindStringSubmatch(r.Body); mm != nil {
				path = strings.ReplaceAll(mm[1], "&amp;", "&")
			}
		}
		if len(seen) != 36 || pages != 2 {
			t.Fatalf("%d threads over %d pages", len(seen), pages)
		}
		for s, n := range seen {
			if n != 1 {
				t.Fatalf("%s listed %d times", s, n)
			}
		}
	})
}

func TestReplyToReplyAndQuoteWithoutJavaScript(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "fern", "member")
		o := newPoster(t, a, db, "gorse", "member")
		tid := m.startThread("grief", "Letters", "Opening.")
		first, _ := o.reply(tid, 0, "I write **letters** to my dad.")
		// The Reply link's page shows the post being answered and carries
		// its id.
		r := m.c.Get("/t/" + idStr(tid) + "/reply?parent=" + idStr(first))
		if r.StatusCode != http.StatusOK {
			t.Fatalf("reply form: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "<h1>Reply to gorse</h1>", "<strong>letters</strong>", `name="parent_id" value="`+idStr(first)+`"`,
			`action="/t/`+idStr(tid)+`/replies"`)
		// The Quote link fills the message with the post as a quotation.
		r = m.c.Get("/t/" + idStr(tid) + "/reply?parent=" + idStr(first) + "&quote=1")
		pageHas(t, html.UnescapeString(r.Body), "> **gorse** wrote:\n>\n> I write **letters** to my dad.\n")
		// Posting that form answers the reply, one level deeper.
		quoted := forum.Quote("gorse", "I write **letters** to my dad.") + "Me too."
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

func TestSearchRanksTitleMatchesFirst(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "hazel", "member")
		// The better match is written first: the tie-break (newest first)
		// alone would list it last, so only the rank can put it on top.
		titled := m.startThread("anxiety", "Insomnia again", "Insomnia keeps me up; the insomnia is worst on Sundays.")
		passing := m.startThread("anxiety", "Long evenings", "Many things happen in the evening, and sometimes there is insomnia among them, "+
			"along with tea, books, music, walks, phone calls, cooking, cleaning and the rest of an ordinary day.")
		r := m.c.Get("/search?q=insomnia")
		i, j := strings.Index(r.Body, `href="/p/`+idStr(firstPostOf(t, db, titled))+`"`), strings.Index(r.Body, `href="/p/`+idStr(firstPostOf(t, db, passing))+`"`)
		if i < 0 || j < 0 || i > j {
			t.Fatalf("ranking: title match at %d, passing mention at %d", i, j)
		}
	})
}

func TestSeededTagVocabulary(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "iris", "member")
		r := m.c.Get("/g/grief/new")
		got := regexp.MustCompile(`name="trigger_warnings" value="([a-z-]+)"`).FindAllStringSubmatch(r.Body, -1)
		want := safety.DefaultTags()
		if len(got) != len(want) {
			t.Fatalf("composer offers %d tags, want %d", len(got), len(want))
		}
		for i, tag := range want {
			if got[i][1] != tag.Slug {
				t.Errorf("tag %d is %q, want %q", i, got[i][1], tag.Slug)
			}
		}
	})
}
