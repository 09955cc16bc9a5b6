package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

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
