package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// benchRead serves path through the whole handler stack (middleware,
// session, queries, template) to a visitor and to a signed-in member, on
// SQLite and, when HEARTH_TEST_DATABASE_URL is set, PostgreSQL. The group
// holds 60 threads (two pages), a fifth of them tagged.
func benchRead(b *testing.B, path, want string) {
	run := func(b *testing.B, db *store.DB) {
		cfg := forumtest.Config(b)
		cfg.VisitorCache = 0 // measure rendering; BenchmarkVisitorCache measures hits
		a, _ := forumtest.NewApp(b, db, cfg)
		var members []int64
		for i := range 8 {
			members = append(members, forumtest.InsertUser(b, db, fmt.Sprintf("reader_%02d", i), "member"))
		}
		start := time.Now().Add(-72 * time.Hour)
		for i := range 60 {
			var tags []string
			if i%5 == 0 {
				tags = []string{"death-loss"}
			}
			forumtest.InsertThread(b, db, "grief", members[i%len(members)], fmt.Sprintf("Thread number %d about the long evenings", i), tags, start.Add(time.Duration(i)*time.Minute))
		}
		for _, who := range []string{"visitor", "member"} {
			b.Run(who, func(b *testing.B) {
				c := forumtest.NewClient(b, a.Web.Handler())
				if who == "member" {
					forumtest.LoginAs(b, a, c, members[3])
				}
				warm := c.Get(path)
				if warm.StatusCode != http.StatusOK || !strings.Contains(warm.Body, want) {
					b.Fatalf("warm-up %s: %d", path, warm.StatusCode)
				}
				counter := forumtest.CountQueries(db)
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					if r := c.Get(path); r.StatusCode != http.StatusOK {
						b.Fatal(r.StatusCode)
					}
				}
				b.ReportMetric(float64(counter.Count())/float64(b.N), "queries/op")
			})
		}
	}
	b.Run("sqlite", func(b *testing.B) { run(b, forumtest.NewSQLite(b)) })
	if forumtest.PostgresURL() != "" {
		b.Run("postgres", func(b *testing.B) { run(b, forumtest.NewPostgres(b)) })
	}
}

// BenchmarkHomePage is GET / (the list of groups).
func BenchmarkHomePage(b *testing.B) { benchRead(b, "/", "Grief &amp; Loss") }

// BenchmarkGroupPage is GET /g/grief (guidelines and the first 30 threads).
func BenchmarkGroupPage(b *testing.B) { benchRead(b, "/g/grief", "Thread number 59") }

// BenchmarkUnreadBacklog serves a small page to a member with no unread
// notifications, with 2,000 and with 100,000, each an unread notice of a
// reply in a thread they follow (the costliest kind to count, and the one
// the count's stability check reads), and to a member with three visible
// unread notices over 100,000 they cannot see (their posts were removed),
// with the member cache on (the count kept under the member's notice
// version) and off (counted on every page, reading at most
// forum.UnreadScanLimit notices). Both ways, all four cost about the same.
func BenchmarkUnreadBacklog(b *testing.B) {
	cases := []struct {
		name   string
		unread int
		badge  string // the header's count, which may end in "+"
	}{{"unread=0", 0, "0"}, {"unread=2000", 2_000, "99+"}, {"unread=100000", 100_000, "99+"}, {"hidden=100000", 100_000, "3"}}
	run := func(b *testing.B, db *store.DB) {
		for _, kept := range []bool{true, false} {
			cfg := forumtest.Config(b)
			if !kept {
				cfg.MemberCache = 0
			}
			a, _ := forumtest.NewApp(b, db, cfg)
			for i, tc := range cases {
				b.Run(fmt.Sprintf("kept=%t/%s", kept, tc.name), func(b *testing.B) {
					author := forumtest.InsertUser(b, db, fmt.Sprintf("author_%t_%d", kept, i), "member")
					reader := forumtest.InsertUser(b, db, fmt.Sprintf("reader_%t_%d", kept, i), "member")
					followedBacklog(b, db, reader, author, tc.unread)
					if tc.badge == "3" {
						hideBacklog(b, db, author)
						followedBacklog(b, db, reader, forumtest.InsertUser(b, db, fmt.Sprintf("news_%t", kept), "member"), 3)
					}
					c := forumtest.NewClient(b, a.Web.Handler())
					forumtest.LoginAs(b, a, c, reader)
					r := c.Get("/crisis")
					got := "0"
					if m := badgeRe.FindStringSubmatch(r.Body); m != nil {
						got = m[1]
					}
					if r.StatusCode != http.StatusOK || (got != tc.badge && got != tc.badge+"+") {
						b.Fatalf("warm-up: %d, unread %q, want %q", r.StatusCode, got, tc.badge)
					}
					counter := forumtest.CountQueries(db)
					b.ResetTimer()
					for b.Loop() {
						if r := c.Get("/crisis"); r.StatusCode != http.StatusOK {
							b.Fatal(r.StatusCode)
						}
					}
					b.ReportMetric(float64(counter.Count())/float64(b.N), "queries/op")
				})
			}
		}
	}
	b.Run("sqlite", func(b *testing.B) { run(b, forumtest.NewSQLite(b)) })
	if forumtest.PostgresURL() != "" {
		b.Run("postgres", func(b *testing.B) { run(b, forumtest.NewPostgres(b)) })
	}
}

// hideBacklog removes every post by author, as moderators would: their
// readers' notices of them stay unread but are no longer shown or counted.
func hideBacklog(b testing.TB, db *store.DB, author int64) {
	b.Helper()
	fixtureExec(b, db, "UPDATE posts SET status = 'removed' WHERE author_id = ?", author)
	if db.W.Dialector.Name() == "postgres" {
		fixtureExec(b, db, "ANALYZE")
	}
}

// fixtureExec runs one statement that builds a fixture. On PostgreSQL it
// runs without the serving statement timeout, which is for pages: a set
// statement over a large backlog, or ANALYZE, can outlast it on a busy
// machine.
func fixtureExec(b testing.TB, db *store.DB, q string, args ...any) {
	b.Helper()
	if err := db.W.Transaction(func(tx *gorm.DB) error {
		if tx.Dialector.Name() == "postgres" {
			if err := tx.Exec("SET LOCAL statement_timeout = 0").Error; err != nil {
				return err
			}
		}
		return tx.Exec(q, args...).Error
	}); err != nil {
		b.Fatal(err)
	}
}

// followedBacklog gives reader n threads by author that they follow, each
// with an unread notice of its opening post, in a few set statements.
func followedBacklog(b testing.TB, db *store.DB, reader, author int64, n int) {
	b.Helper()
	if n == 0 {
		return
	}
	g := forumtest.Group(b, db, "grief")
	at := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	prefix := fmt.Sprintf("Backlog of %d: ", reader)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
			INSERT INTO threads (group_id, author_id, title, tags, status, last_author_id, last_post_at, created_at, updated_at)
			SELECT ?, ?, ? || i, '', 'visible', ?, ?, ?, ? FROM n`, []any{n, g.ID, author, prefix, author, at, at, at}},
		{`INSERT INTO posts (thread_id, group_id, author_id, depth, sort_key, body_md, body_html, tags, status, version, created_at, updated_at)
			SELECT t.id, t.group_id, t.author_id, 0, '', 'An evening', '<p>An evening</p>', '', 'visible', 1, t.created_at, t.created_at
			FROM threads t WHERE t.author_id = ?`, []any{author}},
		{`UPDATE threads SET first_post_id = (SELECT MIN(p.id) FROM posts p WHERE p.thread_id = threads.id),
			last_post_id = (SELECT MIN(p.id) FROM posts p WHERE p.thread_id = threads.id) WHERE author_id = ?`, []any{author}},
		{`INSERT INTO subscriptions (user_id, thread_id, state, created_at, updated_at)
			SELECT ?, t.id, 'follow', ?, ? FROM threads t WHERE t.author_id = ?`, []any{reader, at, at, author}},
		{`INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
			SELECT ?, 'thread_reply', p.author_id, p.id, p.thread_id, '', p.created_at FROM posts p WHERE p.author_id = ?`, []any{reader, author}},
	} {
		if db.W.Dialector.Name() == "postgres" {
			// Fresh statistics, so the next statement's lookups use the
			// indexes rather than scanning posts per thread.
			fixtureExec(b, db, "ANALYZE posts")
		}
		fixtureExec(b, db, q.sql, q.args...)
	}
	if db.W.Dialector.Name() == "postgres" {
		fixtureExec(b, db, "ANALYZE")
	}
}
