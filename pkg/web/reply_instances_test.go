package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestConcurrentRepliesKeepCountersExact: members reply at once through
// two instances on one database, to two threads that others follow. Every
// reply is acknowledged, and afterwards each thread's reply count, last
// post and last author, the group's post count and every follower's unread
// notice agree with the posts stored. On PostgreSQL the instances are two
// handles on one schema; on SQLite, two servers on one database.
func TestConcurrentRepliesKeepCountersExact(t *testing.T) {
	run := func(t *testing.T, dbOne, dbTwo *store.DB) {
		cfg := forumtest.Config(t)
		one, _ := forumtest.NewApp(t, dbOne, cfg)
		two, _ := forumtest.NewApp(t, dbTwo, cfg)
		ann := newPoster(t, one, dbOne, "Annika", "member")
		threads := []int64{
			ann.startThread("grief", "Evenings", "The evenings are long."),
			ann.startThread("grief", "Mornings", "The mornings are harder."),
		}
		reader := newPoster(t, two, dbTwo, "rowan", "member")
		for _, th := range threads {
			wantStatus(t, reader.c.PostForm("/t/"+idStr(th)+"/follow", url.Values{}), http.StatusSeeOther)
		}
		before := forumtest.Group(t, dbOne, "grief")
		const members, each = 6, 5
		var wg sync.WaitGroup
		errs := make(chan string, members*each)
		for m := range members {
			a, db := one, dbOne
			if m%2 == 1 {
				a, db = two, dbTwo
			}
			p := newPoster(t, a, db, fmt.Sprintf("replier_%d", m), "member")
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					th := threads[(m+i)%len(threads)]
					r := p.c.PostForm("/t/"+idStr(th)+"/replies",
						url.Values{"body": {fmt.Sprintf("Reply %d from member %d.", i, m)}, "idem": {fmt.Sprintf("conc-%d-%d-abcdef", m, i)}})
					if r.StatusCode != http.StatusSeeOther || !strings.Contains(r.Header.Get("Location"), "#p") {
						errs <- fmt.Sprintf("member %d reply %d: %d %s", m, i, r.StatusCode, r.Header.Get("Location"))
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}
		for _, th := range threads {
			var replies, count, lastID, wantLast, lastAuthor, wantAuthor int64
			dbOne.R.Raw("SELECT COUNT(*) FROM posts WHERE thread_id = ? AND parent_id IS NOT NULL AND status = 'visible'", th).Scan(&replies)
			dbOne.R.Raw("SELECT reply_count FROM threads WHERE id = ?", th).Scan(&count)
			dbOne.R.Raw("SELECT last_post_id FROM threads WHERE id = ?", th).Scan(&lastID)
			dbOne.R.Raw("SELECT MAX(id) FROM posts WHERE thread_id = ?", th).Scan(&wantLast)
			dbOne.R.Raw("SELECT last_author_id FROM threads WHERE id = ?", th).Scan(&lastAuthor)
			dbOne.R.Raw("SELECT author_id FROM posts WHERE id = ?", wantLast).Scan(&wantAuthor)
			if replies == 0 || count != replies || lastID != wantLast || lastAuthor != wantAuthor {
				t.Errorf("thread %d: reply_count %d for %d replies, last post %d by %d, want %d by %d",
					th, count, replies, lastID, lastAuthor, wantLast, wantAuthor)
			}
		}
		for _, db := range []*store.DB{dbOne, dbTwo} {
			if g := forumtest.Group(t, db, "grief"); g.PostCount != before.PostCount+members*each || g.ThreadCount != before.ThreadCount {
				t.Errorf("group: %d posts in %d threads, want %d in %d", g.PostCount, g.ThreadCount, before.PostCount+members*each, before.ThreadCount)
			}
		}
		var notices int64
		dbOne.R.Raw("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND kind = 'thread_reply' AND read_at IS NULL", reader.id).Scan(&notices)
		if notices != int64(len(threads)) {
			t.Errorf("rowan has %d unread followed-thread notices, want one per thread (%d)", notices, len(threads))
		}
		page := unreadNotices(t, reader.c, strconv.Itoa(len(threads)))
		pageHas(t, page, "new replies in “Evenings”", "new replies in “Mornings”")
	}
	t.Run("sqlite", func(t *testing.T) {
		db := forumtest.NewSQLite(t)
		run(t, db, db)
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := forumtest.PostgresSchemaURL(t)
		run(t, forumtest.Open(t, dsn), forumtest.Open(t, dsn))
	})
}
