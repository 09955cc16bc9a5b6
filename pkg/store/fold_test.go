package store_test

import (
	"context"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestFoldingNoticeMarksKeepsTheVersionGrowing: a member's notice version
// is member_versions plus their marks (migration 25); folding the marks
// leaves none and never moves the version back, so a count kept against
// an older version is never taken for current.
func TestFoldingNoticeMarksKeepsTheVersionGrowing(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		uid := forumtest.InsertUser(t, db, "rowan", "member")
		author := forumtest.InsertUser(t, db, "moss", "member")
		th := forumtest.InsertThread(t, db, "grief", author, "A thread", nil, now)
		version := func() int64 {
			t.Helper()
			v, err := db.NoticeVersion(ctx, uid)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		notify := func() {
			t.Helper()
			if err := db.W.Exec(`INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
				SELECT ?, 'mention', ?, id, thread_id, '', ? FROM posts WHERE thread_id = ? AND parent_id IS NULL
				ON CONFLICT DO NOTHING`, uid, author, now, th.ID).Error; err != nil {
				t.Fatal(err)
			}
			if err := db.W.Exec("DELETE FROM notifications WHERE user_id = ?", uid).Error; err != nil {
				t.Fatal(err)
			}
		}
		var last int64
		for i := 0; i < 3; i++ {
			notify()
			grown := version()
			if grown <= last {
				t.Fatalf("round %d: version %d after a notification, was %d", i, grown, last)
			}
			if err := db.FoldNoticeMarks(ctx, uid); err != nil {
				t.Fatal(err)
			}
			var marks int64
			db.R.Raw("SELECT COUNT(*) FROM notice_marks WHERE user_id = ?", uid).Scan(&marks)
			if last = version(); last < grown || marks != 0 {
				t.Fatalf("round %d: folding moved the version %d -> %d and left %d marks", i, grown, last, marks)
			}
		}
	})
}
