package web_test

import (
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// BenchmarkThreadPageReaders serves the first page of a 200-post thread
// (longThread: nested replies, tags, reactions, removed, redacted and
// deleted posts) to a visitor and to a signed-in member with tag
// preferences and a subscription, through the whole handler stack, on
// SQLite and, when HEARTH_TEST_DATABASE_URL is set, PostgreSQL. It reports
// queries/op next to ns/op; BenchmarkThreadPage is the member case alone.
func BenchmarkThreadPageReaders(b *testing.B) {
	run := func(b *testing.B, db *store.DB) {
		a, _ := forumtest.NewApp(b, db, forumtest.Config(b))
		tid, ms := longThread(b, db, 200)
		counter := forumtest.CountQueries(db)
		path := "/t/" + idStr(tid)
		for _, who := range []string{"visitor", "member"} {
			b.Run(who, func(b *testing.B) {
				c := forumtest.NewClient(b, a.Web.Handler())
				if who == "member" {
					c = readerFor(b, a, db, ms[5], tid)
				}
				warm := c.Get(path)
				if warm.StatusCode != http.StatusOK || !strings.Contains(warm.Body, "A long conversation about grief") {
					b.Fatalf("warm-up %s: %d", path, warm.StatusCode)
				}
				counter.Reset()
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
