package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestSearchFindsVisibleTextOnly(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "searcher", "member")
		o := newPoster(t, a, db, "writer2", "member")
		t1 := o.startThread("anxiety", "Breathing exercises that help", "Box breathing calms my racing heart.")
		o.reply(t1, 0, "I count to four when panicking <script>alert('x')</script> and it helps.")
		removed, _ := o.reply(t1, 0, "Panicking words that moderators removed.")
		redacted, _ := o.reply(t1, 0, "Panicking words with an ADDRESS in them.")
		deleted, _ := o.reply(t1, 0, "Panicking words the author regrets.")
		t2 := o.startThread("grief", "Grief and breathing", "Slow breathing at the graveside.")
		tagged := o.startThread("ptsd", "Flashbacks at dusk", "Panicking during flashbacks.", "violence")
		db.W.Exec("UPDATE posts SET status = 'removed' WHERE id = ?", removed)
		db.W.Exec("UPDATE posts SET status = 'redacted', status_reason = 'Personal details', body_md = 'Redacted by moderators: Personal details', body_html = '' WHERE id = ?", redacted)
		if r := o.c.PostForm("/p/"+idStr(deleted)+"/delete", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete: %d", r.StatusCode)
		}
		// Title and body words, ranked, with escaped, highlighted snippets.
		r := m.c.Get("/search?q=breathing")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("search: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "Breathing exercises that help", "Grief and breathing", "<mark>breathing</mark>", `href="/p/`+idStr(firstPostOf(t, db, t1))+`"`)
		r = m.c.Get("/search?q=panicking")
		pageHas(t, r.Body, "<mark>panicking</mark>", "&lt;script&gt;", "Flashbacks")
		pageLacks(t, r.Body, "<script>alert", "moderators removed", "ADDRESS", "author regrets")
		// Tagged results are collapsed; hidden tags left out.
		pageHas(t, r.Body, "<summary>Trigger warning: Violence. Open to read the excerpt</summary>")
		m.c.PostForm("/settings/warnings", map[string][]string{"mode-violence": {"hide"}})
		r = m.c.Get("/search?q=panicking")
		pageLacks(t, r.Body, "Flashbacks")
		pageHas(t, r.Body, "Posts with tags you hide are left out")
		// Within one group.
		r = m.c.Get("/search?q=breathing&group=grief")
		pageHas(t, r.Body, "Grief and breathing", `<option value="grief" selected>`)
		pageLacks(t, r.Body, "Breathing exercises that help")
		// A held thread is not found; a redacted title leaves the index.
		db.W.Exec("UPDATE threads SET status = 'held' WHERE id = ?", t2)
		db.W.Exec("UPDATE posts SET status = 'held' WHERE thread_id = ?", t2)
		pageLacks(t, m.c.Get("/search?q=graveside").Body, "Grief and breathing")
		db.W.Exec("UPDATE threads SET title = 'Redacted by moderators: Personal details', status = 'redacted' WHERE id = ?", tagged)
		var n int64
		if db.Dialect == "sqlite" {
			db.R.Raw("SELECT COUNT(*) FROM post_search WHERE post_search MATCH 'dusk'").Scan(&n)
		} else {
			db.R.Raw("SELECT COUNT(*) FROM post_search WHERE document @@ plainto_tsquery('english', 'dusk')").Scan(&n)
		}
		if n != 0 {
			t.Fatalf("redacted thread still indexed (%d)", n)
		}
		// Operators and odd input cannot break the query.
		for _, q := range []string{`"unbalanced`, "AND OR NOT", "*", "breathing) OR (1=1", "NEAR(a b)", "\x00\xff", strings.Repeat("word ", 100)} {
			if r := m.c.Get("/search?q=" + url.QueryEscape(q)); r.StatusCode != http.StatusOK {
				t.Errorf("query %q: %d", q, r.StatusCode)
			}
		}
		// Visitors can search; an empty query shows just the form.
		v := forumtest.NewClient(t, a.Web.Handler())
		pageHas(t, v.Get("/search?q=breathing").Body, "Breathing exercises that help")
		r = v.Get("/search")
		pageHas(t, r.Body, `<label for="q">Search for</label>`)
		pageLacks(t, r.Body, "Nothing matched")
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

func TestSearchFoldsBlockedAndLeavesOutBreakTopics(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		me := newPoster(t, a, db, "ivy", "member")
		blocked := newPoster(t, a, db, "thorn", "member")
		other := newPoster(t, a, db, "clover", "member")
		blocked.startThread("anxiety", "The lighthouse walk", "I walked to the lighthouse at dawn.")
		other.startThread("anxiety", "Lighthouse photos", "Sharing lighthouse pictures from my trip.")
		other.startThread("anxiety", "A lighthouse night", "The lighthouse night was hard.", "self-harm")

		r := me.c.Get("/search?q=lighthouse")
		pageHas(t, r.Body, "The lighthouse walk", "Lighthouse photos", "A lighthouse night")
		pageLacks(t, r.Body, "blocked-post")

		if r := me.c.PostForm("/u/thorn/block", nil); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("block: %d", r.StatusCode)
		}
		if r := me.c.PostForm("/settings/breaks", url.Values{"scope": {"tag"}, "tag": {"self-harm"}, "days": {"7"}}); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("break: %d", r.StatusCode)
		}
		r = me.c.Get("/search?q=lighthouse")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("search: %d", r.StatusCode)
		}
		pageHas(t, r.Body, "Lighthouse photos", `<details class="blocked-post"><summary>A post from a member you&#39;ve blocked.`)
		pageLacks(t, r.Body, "A lighthouse night")
		if strings.Count(r.Body, `class="blocked-post"`) != 1 {
			t.Fatal("want exactly thorn's result folded")
		}
		// Someone else's search is unchanged.
		pageHas(t, other.c.Get("/search?q=lighthouse").Body, "A lighthouse night")
	})
}
