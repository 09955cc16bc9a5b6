package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestThreadAnsweredFollowsItsPosts: threads.answered, which the waiting
// list reads, is what the thread's posts say after every kind of change
// to them (migration 46's triggers), on both databases: a reply by the
// author or a held one does not answer, another member's does; removing
// it, deleting it or moving it away takes the answer back, and
// publishing, redacting, erasing its author or moving it in gives it;
// and a thread whose author changes is read again.
func TestThreadAnsweredFollowsItsPosts(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ash := forumtest.InsertUser(t, db, "ash", "member")
		birch := forumtest.InsertUser(t, db, "birch", "member")
		now := time.Now()
		th := forumtest.InsertThread(t, db, "grief", ash, "Harbour", nil, now.Add(-time.Hour))
		other := forumtest.InsertThread(t, db, "grief", ash, "Lighthouse", nil, now.Add(-time.Hour))
		w := store.NewWaiting(db)
		check := func(step string, want, wantOther bool) {
			t.Helper()
			for _, c := range []struct {
				id   int64
				want bool
			}{{th.ID, want}, {other.ID, wantOther}} {
				var kept bool
				if err := db.R.Raw("SELECT answered FROM threads WHERE id = ?", c.id).Scan(&kept).Error; err != nil {
					t.Fatal(err)
				}
				posts, err := w.Answered(ctx, c.id)
				if err != nil {
					t.Fatal(err)
				}
				if kept != c.want || posts != c.want {
					t.Errorf("%s: thread %d answered %v, its posts say %v, want %v", step, c.id, kept, posts, c.want)
				}
			}
		}
		reply := func(to forum.Thread, author int64, status string) int64 {
			t.Helper()
			at := time.Now().UTC().Truncate(time.Microsecond)
			p := forum.Post{ThreadID: to.ID, GroupID: to.GroupID, AuthorID: &author, ParentID: to.FirstPostID, Depth: 1,
				BodyMD: "a reply", BodyHTML: "<p>a reply</p>", Status: status, Version: 1, CreatedAt: at, UpdatedAt: at,
				SortKey: fmt.Sprintf("%010d/%d", *to.FirstPostID, at.UnixNano())}
			if err := db.W.Create(&p).Error; err != nil {
				t.Fatal(err)
			}
			return p.ID
		}
		set := func(sql string, args ...any) {
			t.Helper()
			if err := db.W.Exec(sql, args...).Error; err != nil {
				t.Fatal(err)
			}
		}
		if err := db.R.First(&th, th.ID).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.R.First(&other, other.ID).Error; err != nil {
			t.Fatal(err)
		}
		check("opening posts only", false, false)
		reply(th, ash, forum.StatusVisible)
		check("the author adds to their own post", false, false)
		held := reply(th, birch, forum.StatusHeld)
		check("a held reply", false, false)
		set("UPDATE posts SET status = ? WHERE id = ?", forum.StatusVisible, held)
		check("the held reply published", true, false)
		set("UPDATE posts SET status = ? WHERE id = ?", forum.StatusRemoved, held)
		check("the reply removed", false, false)
		set("UPDATE posts SET status = ? WHERE id = ?", forum.StatusRedacted, held)
		check("the reply redacted", true, false)
		set("UPDATE posts SET thread_id = ? WHERE id = ?", other.ID, held)
		check("the reply moved to the other thread", false, true)
		set("UPDATE posts SET thread_id = ? WHERE id = ?", th.ID, held)
		check("and back", true, false)
		set("UPDATE posts SET author_id = ? WHERE id = ?", ash, held)
		check("the reply's author now the thread's", false, false)
		set("UPDATE posts SET author_id = NULL WHERE id = ?", held)
		check("the reply's author erased", true, false)
		set("DELETE FROM posts WHERE id = ?", held)
		check("the reply deleted", false, false)
		reply(th, birch, forum.StatusVisible)
		check("another member replies", true, false)
		set("UPDATE posts SET status = ? WHERE thread_id = ? AND author_id = ?", forum.StatusRemoved, th.ID, ash)
		set("UPDATE posts SET status = ? WHERE id = ?", forum.StatusVisible, *th.FirstPostID)
		set("UPDATE threads SET author_id = ? WHERE id = ?", birch, th.ID)
		check("the thread's author now the only replier", false, false)
	})
}
