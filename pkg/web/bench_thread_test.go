package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/app"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

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
		small, ms := longThread(t, db, 20)
		large, _ := longThread(t, db, 200)
		counter := forumtest.CountQueries(db)
		member := readerFor(t, a, db, ms[3], small)
		visitor := forumtest.NewClient(t, a.Web.Handler())
		count := func(c *forumtest.Client, path string) int64 {
			// Warm twice: the session's last-seen time and the member's
			// visit are written at most every few minutes, and on SQLite
			// the session is kept from the first request after a write.
			c.Get(path)
			c.Get(path)
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
		tid, ms := longThread(b, db, 200)
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
