package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestStartThreadReplyAndRead(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "willow", "member")
		r := m.c.Get("/g/grief/new")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("new thread form: %d\n%s", r.StatusCode, r.Body)
		}
		pageHas(t, r.Body, `<label for="title">Title</label>`, `<label for="body">Message</label>`, "<legend>Trigger warnings</legend>",
			`name="trigger_warnings" value="self-harm"`, `name="idem"`, `name="preview"`)
		tid := m.startThread("grief", "Missing my mum", "It has been a year and **some days** are still hard.")
		r = m.c.Get("/t/" + idStr(tid))
		if r.StatusCode != http.StatusOK {
			t.Fatalf("thread: %d\n%s", r.StatusCode, r.Body)
		}
		op := firstPostOf(t, db, tid)
		pageHas(t, r.Body, "<h1 class=\"thread-title\">Missing my mum</h1>", "<strong>some days</strong>", `id="p-`+idStr(op)+`"`,
			`<a href="/u/willow">willow</a>`, "Your thread is posted.", `<time datetime="`, "UTC</span>")
		other := newPoster(t, a, db, "rowan", "member")
		pid, loc := other.reply(tid, 0, "Sending you strength.")
		if loc != "/t/"+idStr(tid)+"#p-"+idStr(pid) {
			t.Fatalf("reply redirect %q", loc)
		}
		r = other.c.Get(noFragment(loc))
		pageHas(t, r.Body, "Sending you strength.", `id="p-`+idStr(pid)+`"`, "indent-1", "Your reply is posted.",
			`href="/t/`+idStr(tid)+`/reply?parent=`+idStr(pid)+`"`, `href="/p/`+idStr(op)+`/report"`, `action="/p/`+idStr(op)+`/react"`)
		// Counters moved with the reply.
		var replies int
		db.R.Raw("SELECT reply_count FROM threads WHERE id = ?", tid).Scan(&replies)
		if replies != 1 {
			t.Errorf("reply_count %d", replies)
		}
		// A visitor reads the thread and is invited to log in to reply.
		v := forumtest.NewClient(t, a.Web.Handler())
		r = v.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "Sending you strength.", "/login?next=/t/"+idStr(tid))
		pageLacks(t, r.Body, `action="/t/`+idStr(tid)+`/replies"`, "/react")
		if n := strings.Count(r.Body, "<h1"); n != 1 {
			t.Errorf("%d h1 elements", n)
		}
	})
}

func TestThreadTreeOrderAndDeepReplies(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "ash", "member")
		b := newPoster(t, a, db, "birch", "member")
		tid := m.startThread("anxiety", "Panic at work", "Opening words.")
		first, _ := b.reply(tid, 0, "First reply.")
		second, _ := m.reply(tid, 0, "Second reply.")
		// A chain of replies seven deep under the first reply.
		parent := first
		chain := []int64{}
		for i := range 7 {
			who := m
			if i%2 == 1 {
				who = b
			}
			id, _ := who.reply(tid, parent, fmt.Sprintf("Depth %d reply.", i+2))
			chain = append(chain, id)
			parent = id
		}
		r := m.c.Get("/t/" + idStr(tid))
		order := []string{"Opening words.", "First reply.", "Depth 2 reply.", "Depth 8 reply.", "Second reply."}
		last := -1
		for _, w := range order {
			i := strings.Index(r.Body, w)
			if i < 0 || i < last {
				t.Fatalf("%q out of conversation order", w)
			}
			last = i
		}
		// Depth is the number of "/" in the sort key; indentation stops at 5.
		var depth int
		var key string
		db.R.Raw("SELECT depth, sort_key FROM posts WHERE id = ?", chain[6]).Row().Scan(&depth, &key)
		if depth != 8 || strings.Count(key, "/") != 8 || !strings.HasSuffix(key, fmt.Sprintf("/%010d", chain[6])) {
			t.Fatalf("deep reply depth %d key %q", depth, key)
		}
		post := func(id int64) string {
			m := regexp.MustCompile(`(?s)<li class="post [^"]*" id="p-` + idStr(id) + `">.*?</article>`).FindString(r.Body)
			if m == "" {
				t.Fatalf("post %d not found", id)
			}
			return m
		}
		if p := post(chain[3]); !strings.Contains(p, "indent-5") || strings.Contains(p, "replying to") {
			t.Errorf("depth-5 post: %s", p)
		}
		p := post(chain[4]) // depth 6: indented at 5, says whom it answers
		if !strings.Contains(p, "indent-5") || !strings.Contains(p, "replying to <bdi>birch</bdi>") {
			t.Errorf("depth-6 post: %s", p)
		}
		if p := post(second); !strings.Contains(p, "indent-1") {
			t.Errorf("second reply: %s", p)
		}
	})
}

func TestThreadPaginationByCursor(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		m := newPoster(t, a, db, "cedar", "member")
		tid := m.startThread("grief", "A long conversation", "Post number 000")
		fastReplies(t, db, tid, 119)
		next := regexp.MustCompile(`<a rel="next" href="([^"]+)"`)
		prev := regexp.MustCompile(`<a rel="prev" href="([^"]+)"`)
		num := regexp.MustCompile(`Post number (\d{3})`)
		seen := map[string]bool{}
		path := "/t/" + idStr(tid)
		var pages []string
		for path != "" {
			if len(pages) > 4 {
				t.Fatal("pagination does not end")
			}
			r := m.c.Get(strings.ReplaceAll(path, "&amp;", "&"))
			if r.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", path, r.StatusCode)
			}
			pages = append(pages, r.Body)
			for _, n := range num.FindAllStringSubmatch(r.Body, -1) {
				if seen[n[1]] {
					t.Fatalf("post %s on two pages", n[1])
				}
				seen[n[1]] = true
			}
			path = ""
			if mm := next.FindStringSubmatch(r.Body); mm != nil {
				path = mm[1]
			}
		}
		if len(pages) != 3 || len(seen) != 120 {
			t.Fatalf("%d pages, %d posts", len(pages), len(seen))
		}
		// The last page links back to the one before it.
		mm := prev.FindStringSubmatch(pages[2])
		if mm == nil {
			t.Fatal("no rel=prev on the last page")
		}
		r := m.c.Get(strings.ReplaceAll(mm[1], "&amp;", "&"))
		if !strings.Contains(r.Body, "Post number 050") || !strings.Contains(r.Body, "Post number 099") || strings.Contains(r.Body, "Post number 049") {
			t.Fatalf("previous page has the wrong posts")
		}
		if r := m.c.Get("/t/" + idStr(tid) + "?after=not-a-cursor"); r.StatusCode != http.StatusNotFound {
			t.Fatalf("bad cursor: %d", r.StatusCode)
		}
		// A new reply redirects to the page that shows it.
		pid, loc := m.reply(tid, 0, "The newest words")
		if !strings.Contains(loc, "?after=") {
			t.Fatalf("reply on a later page redirected to %q", loc)
		}
		r = m.c.Get(noFragment(loc))
		pageHas(t, r.Body, `id="p-`+idStr(pid)+`"`, "The newest words")
		// The permanent link of a post finds its page too.
		r = m.c.Get("/p/" + idStr(pid))
		if r.StatusCode != http.StatusSeeOther || !strings.HasSuffix(r.Header.Get("Location"), "#p-"+idStr(pid)) {
			t.Fatalf("permalink: %d %q", r.StatusCode, r.Header.Get("Location"))
		}
	})
}

func TestThreadNotFound(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		for _, p := range []string{"/t/999", "/t/abc", "/t/-1", "/p/999"} {
			if r := c.Get(p); r.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d", p, r.StatusCode)
			}
		}
	})
}

func TestThreadPageControlsForModeratorsOnly(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		r := w.as(w.griefMod).Get(page)
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "Moderate this thread", "Moderate this post", fmt.Sprintf(`action="/p/%d/remove"`, w.reply), fmt.Sprintf(`action="/p/%d/redact"`, w.reply),
			fmt.Sprintf(`action="/t/%d/lock"`, w.thread.ID), fmt.Sprintf(`action="/t/%d/pin"`, w.thread.ID), fmt.Sprintf(`action="/t/%d/redact"`, w.thread.ID),
			fmt.Sprintf(`href="/mod/threads/%d"`, w.thread.ID), fmt.Sprintf(`href="/mod/posts/%d"`, w.reply))
		for _, c := range []*forumtest.Client{w.as(w.members[0]), w.as(w.anxietyMod), w.as(0)} {
			pageLacks(t, c.Get(page).Body, "Moderate this thread", "Moderate this post", "/remove\"")
		}
	})
}

func TestRedactedAndRemovedPostsOnTheThreadPage(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		other := w.insertReply(w.thread, w.members[1], "Quiet words about the harbour", nil)
		w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/redact", w.reply), formValues("confirm", "yes", "reason", "Shares personal information"))
		w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/remove", other), formValues("reason", "Spam or advertising"))
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		for _, c := range []*forumtest.Client{w.as(0), w.as(w.members[0])} {
			r := c.Get(page)
			wantStatus(t, r, http.StatusOK)
			pageHas(t, r.Body, "Redacted by moderators: Shares personal information", fmt.Sprintf(`id="p-%d"`, w.reply))
			pageLacks(t, r.Body, "lighthouse", "harbour")
		}
		pageLacks(t, w.as(0).Get("/search?q=lighthouse").Body, "lighthouse keeper")
	})
}

// TestThreadPageTimes: each post shows when it was written as a <time>
// with the RFC 3339 instant, the exact UTC time as its title and again in
// a span, and "edited" with the exact edit time for an edited post.
func TestThreadPageTimes(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		tid, _ := longThread(t, db, 5)
		var posts []forum.Post
		if err := db.R.Where("thread_id = ?", tid).Order("id").Find(&posts).Error; err != nil {
			t.Fatal(err)
		}
		edited := time.Date(2026, 3, 4, 5, 6, 0, 0, time.UTC)
		if err := db.W.Exec("UPDATE posts SET edited_at = ? WHERE id = ?", edited, posts[2].ID).Error; err != nil {
			t.Fatal(err)
		}
		body := forumtest.NewClient(t, a.Web.Handler()).Get("/t/" + idStr(tid)).Body
		for _, p := range posts {
			if p.Status != forum.StatusVisible {
				continue
			}
			at := p.CreatedAt.UTC()
			exact := at.Format("2 January 2006 at 15:04 UTC")
			pageHas(t, body, `<a class="when" href="#p-`+idStr(p.ID)+`"><time datetime="`+at.Format(time.RFC3339)+`" title="`+exact+`">`,
				`<span class="exact">`+exact+`</span>`)
		}
		pageHas(t, body, `<span class="edited" title="Edited 4 March 2026 at 05:06 UTC">edited</span>`)
	})
}

func TestPostStatusesRender(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		author := newPoster(t, a, db, "xenia", "member")
		reader := newPoster(t, a, db, "yarrow", "member")
		mod := newPoster(t, a, db, "zinniamod", "moderator")
		siteModerator(t, db, mod.id)
		tid := author.startThread("grief", "Statuses", "Opening.")
		removed, _ := author.reply(tid, 0, "Removed words.")
		redacted, _ := author.reply(tid, 0, "placeholder")
		held, _ := author.reply(tid, 0, "Held words.")
		db.W.Exec("UPDATE posts SET status = 'removed', status_reason = 'Off topic' WHERE id = ?", removed)
		db.W.Exec("UPDATE posts SET status = 'redacted', status_reason = 'Personal details', body_md = 'SECRET-TEXT', body_html = '<p>SECRET-TEXT</p>' WHERE id = ?", redacted)
		db.W.Exec("UPDATE posts SET status = 'held' WHERE id = ?", held)
		r := reader.c.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "This post was removed by moderators.", "Redacted by moderators: Personal details")
		pageLacks(t, r.Body, "Removed words.", "SECRET-TEXT", "Held words.", `id="p-`+idStr(held)+`"`)
		r = author.c.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "Held words.", "Waiting for a moderator", "This post was removed by moderators.")
		pageLacks(t, r.Body, "SECRET-TEXT", "Removed words.")
		r = mod.c.Get("/t/" + idStr(tid))
		pageHas(t, r.Body, "Removed words.", "Removed by moderators (only moderators see this)", "Held words.", "Redacted by moderators: Personal details")
		pageLacks(t, r.Body, "SECRET-TEXT")
		// A visitor sees what members see.
		v := forumtest.NewClient(t, a.Web.Handler())
		r = v.Get("/t/" + idStr(tid))
		pageLacks(t, r.Body, "SECRET-TEXT", "Removed words.", "Held words.")
		// A removed thread is gone for members; a held one is the author's.
		db.W.Exec("UPDATE threads SET status = 'held' WHERE id = ?", tid)
		if r := reader.c.Get("/t/" + idStr(tid)); r.StatusCode != http.StatusNotFound {
			t.Fatalf("held thread for a reader: %d", r.StatusCode)
		}
		if r := author.c.Get("/t/" + idStr(tid)); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "Waiting for a moderator") {
			t.Fatalf("held thread for its author: %d", r.StatusCode)
		}
		db.W.Exec("UPDATE threads SET status = 'removed' WHERE id = ?", tid)
		if r := author.c.Get("/t/" + idStr(tid)); r.StatusCode != http.StatusNotFound {
			t.Fatalf("removed thread: %d", r.StatusCode)
		}
		if r := mod.c.Get("/t/" + idStr(tid)); r.StatusCode != http.StatusOK {
			t.Fatalf("removed thread for a moderator: %d", r.StatusCode)
		}
	})
}
