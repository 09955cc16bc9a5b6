package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

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
// notifications and to one with 100,000, with the member cache on (the
// count kept under the member's notice version) and off (counted on every
// page, stopping at forum.UnreadCountCap). Kept, both cost the same.
func BenchmarkUnreadBacklog(b *testing.B) {
	run := func(b *testing.B, db *store.DB) {
		for _, kept := range []bool{true, false} {
			cfg := forumtest.Config(b)
			if !kept {
				cfg.MemberCache = 0
			}
			a, _ := forumtest.NewApp(b, db, cfg)
			for _, unread := range []int{0, 100_000} {
				name := fmt.Sprintf("kept=%t/unread=%d", kept, unread)
				b.Run(name, func(b *testing.B) {
					author := forumtest.InsertUser(b, db, fmt.Sprintf("author_%t_%d", kept, unread), "member")
					reader := forumtest.InsertUser(b, db, fmt.Sprintf("reader_%t_%d", kept, unread), "member")
					th := forumtest.InsertThread(b, db, "grief", author, "A long evening", nil, time.Now().Add(-time.Hour))
					if err := db.W.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
						INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
						SELECT ?, 'reaction', ?, ?, ?, 'r' || i, ? FROM n`,
						unread, reader, author, *th.FirstPostID, th.ID, time.Now().UTC()).Error; err != nil {
						b.Fatal(err)
					}
					c := forumtest.NewClient(b, a.Web.Handler())
					forumtest.LoginAs(b, a, c, reader)
					r := c.Get("/crisis")
					if r.StatusCode != http.StatusOK || strings.Contains(r.Body, `<span class="count">99+`) != (unread > 0) {
						b.Fatalf("warm-up: %d, unread %s", r.StatusCode, unreadIn(r.Body))
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
