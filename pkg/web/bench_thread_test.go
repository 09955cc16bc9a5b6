package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/app"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/markup"
	"hearth/pkg/store"
)

// benchThread builds a thread of n posts shaped like a real conversation:
// replies to the thread and replies to replies up to eight deep, Markdown
// rendered once, a tag on every seventh post, reactions on every third, a
// few posts removed, redacted and deleted.
func benchThread(t testing.TB, db *store.DB, n int) (thread int64, members []int64) {
	t.Helper()
	for i := range 12 {
		members = append(members, forumtest.InsertUser(t, db, fmt.Sprintf("bench%d_%02d", n, i), "member"))
	}
	th := forumtest.InsertThread(t, db, "grief", members[0], "A long conversation about grief", nil, time.Now().Add(-48*time.Hour))
	var op forum.Post
	if err := db.R.Where("thread_id = ?", th.ID).Take(&op).Error; err != nil {
		t.Fatal(err)
	}
	md := markup.New()
	body := "Thank you for writing this. **Some days are heavier than others**, and that's okay.\n\n" +
		"> It gets gentler, not smaller.\n\nA few things that helped me:\n\n- walking at dawn\n- writing letters I never send\n- [a helpline](https://example.org) when nights were long\n"
	html, err := md.Render(body)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{op.SortKey}
	ids := []int64{op.ID}
	depth := []int{0}
	start := time.Now().Add(-24 * time.Hour)
	for i := 1; i < n; i++ {
		// Answer the opening post, the previous post (a chain) or an earlier one.
		pi := 0
		switch {
		case i%3 == 1 && depth[len(depth)-1] < 8:
			pi = len(ids) - 1
		case i%3 == 2:
			pi = (i * 7) % len(ids)
		}
		author := members[i%len(members)]
		status, reason := forum.StatusVisible, ""
		switch i % 50 {
		case 10:
			status = forum.StatusRemoved
		case 20:
			status, reason = forum.StatusRedacted, "Personal details"
		case 30:
			status = forum.StatusDeleted
		}
		var tags forum.Tags
		if i%7 == 0 {
			tags = forum.MakeTags([]string{"death-loss"})
		}
		at := start.Add(time.Duration(i) * time.Minute).UTC()
		p := forum.Post{ThreadID: th.ID, GroupID: th.GroupID, AuthorID: &author, ParentID: &ids[pi], BodyMD: body, BodyHTML: string(html),
			Tags: tags, Status: status, StatusReason: reason, Version: 1, CreatedAt: at, UpdatedAt: at}
		if err := db.W.Create(&p).Error; err != nil {
			t.Fatal(err)
		}
		key := forum.SortKey(keys[pi], p.ID)
		if err := db.W.Model(&p).Updates(map[string]any{"sort_key": key, "depth": forum.DepthOf(key)}).Error; err != nil {
			t.Fatal(err)
		}
		keys, ids, depth = append(keys, key), append(ids, p.ID), append(depth, forum.DepthOf(key))
		if i%3 == 0 && status == forum.StatusVisible {
			for k, kind := range []string{forum.ReactThinking, forum.ReactHear} {
				r := forum.Reaction{PostID: p.ID, UserID: members[(i+k+1)%len(members)], Kind: kind, CreatedAt: at}
				if err := db.W.Create(&r).Error; err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	db.W.Exec("UPDATE threads SET reply_count = ? WHERE id = ?", n-1, th.ID)
	return th.ID, members
}

// readerFor logs a member in (with tag preferences and a subscription, so
// every per-member query runs) and returns their client.
func readerFor(t testing.TB, a *app.App, db *store.DB, member, thread int64) *forumtest.Client {
	t.Helper()
	c := forumtest.NewClient(t, a.Web.Handler())
	forumtest.LoginAs(t, a, c, member)
	db.W.Exec("INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'suicide', 'hide', CURRENT_TIMESTAMP)", member)
	db.W.Exec("INSERT INTO subscriptions (user_id, thread_id, state, created_at, updated_at) VALUES (?, ?, 'follow', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", member, thread)
	return c
}

// TestThreadPageQueryCountIsConstant pins the number of SQL statements a
// thread page makes: the same for a 20-post and a 200-post thread, for a
// visitor and for a member.
func TestThreadPageQueryCountIsConstant(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		cfg := forumtest.Config(t)
		cfg.VisitorCache = 0 // count the queries of rendering, not of a cache hit
		a, _ := forumtest.NewApp(t, db, cfg)
		small, ms := benchThread(t, db, 20)
		large, _ := benchThread(t, db, 200)
		counter := forumtest.CountQueries(db)
		member := readerFor(t, a, db, ms[3], small)
		visitor := forumtest.NewClient(t, a.Web.Handler())
		count := func(c *forumtest.Client, path string) int64 {
			c.Get(path) // warm: the session's last-seen time is written at most every few minutes
			counter.Reset()
			r := c.Get(path)
			if r.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", path, r.StatusCode)
			}
			return counter.Count()
		}
		for _, who := range []struct {
			name string
			c    *forumtest.Client
		}{{"visitor", visitor}, {"member", member}} {
			nSmall := count(who.c, "/t/"+idStr(small))
			nLarge := count(who.c, "/t/"+idStr(large))
			nLater := count(who.c, nextPage(t, who.c, "/t/"+idStr(large)))
			t.Logf("%s: %d queries for a 20-post thread, %d for page 1 of 200 posts, %d for page 2", who.name, nSmall, nLarge, nLater)
			if nSmall != nLarge || nLarge != nLater {
				t.Errorf("%s: query count grows with the thread: %d / %d / %d", who.name, nSmall, nLarge, nLater)
			}
			if nLarge > 12 {
				t.Errorf("%s: %d queries for one thread page", who.name, nLarge)
			}
		}
	})
}

func nextPage(t testing.TB, c *forumtest.Client, path string) string {
	t.Helper()
	r := c.Get(path)
	i := strings.Index(r.Body, `<a rel="next" href="`)
	if i < 0 {
		t.Fatalf("%s has no next page", path)
	}
	rest := r.Body[i+len(`<a rel="next" href="`):]
	return strings.ReplaceAll(rest[:strings.IndexByte(rest, '"')], "&amp;", "&")
}

// BenchmarkThreadPage serves the first page of a 200-post thread to a
// signed-in member through the whole handler stack (session, middleware,
// queries, template), on SQLite and, when HEARTH_TEST_DATABASE_URL is set,
// PostgreSQL.
func BenchmarkThreadPage(b *testing.B) {
	run := func(b *testing.B, db *store.DB) {
		a, _ := forumtest.NewApp(b, db, forumtest.Config(b))
		tid, ms := benchThread(b, db, 200)
		c := readerFor(b, a, db, ms[5], tid)
		counter := forumtest.CountQueries(db)
		h := a.Web.Handler()
		req := httptest.NewRequest(http.MethodGet, "/t/"+idStr(tid), nil)
		for _, ck := range c.Do(httptest.NewRequest(http.MethodGet, "/", nil)).Cookies() {
			req.AddCookie(ck)
		}
		session := forumtest.NewClient(b, h)
		forumtest.LoginAs(b, a, session, ms[5])
		warm := session.Get("/t/" + idStr(tid))
		if warm.StatusCode != http.StatusOK || !strings.Contains(warm.Body, "A long conversation about grief") {
			b.Fatalf("warm-up: %d", warm.StatusCode)
		}
		counter.Reset()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			r := session.Get("/t/" + idStr(tid))
			if r.StatusCode != http.StatusOK {
				b.Fatal(r.StatusCode)
			}
		}
		b.ReportMetric(float64(counter.Count())/float64(b.N), "queries/op")
		_ = url.Values{}
	}
	b.Run("sqlite", func(b *testing.B) { run(b, forumtest.NewSQLite(b)) })
	if forumtest.PostgresURL() != "" {
		b.Run("postgres", func(b *testing.B) { run(b, forumtest.NewPostgres(b)) })
	}
}
