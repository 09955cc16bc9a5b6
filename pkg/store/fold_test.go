package store_test

import (
	"context"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestFoldingNoticeMarksKeepsTheVersionGrowing: a member's notice version
// is member_versions plus their marks (migration 25); folding the marks,
// the member's alone or everyone's, leaves none and never moves the
// version back, so a count kept against an older version is never taken
// for current.
func TestFoldingNoticeMarksKeepsTheVersionGrowing(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		uid := forumtest.InsertUser(t, db, "rowan", "member")
		author := forumtest.InsertUser(t, db, "moss", "member")
		th := forumtest.InsertThread(t, db, "grief", author, "A thread", nil, now)
		versionOf := func(uid int64) int64 {
			t.Helper()
			v, err := db.NoticeVersion(ctx, uid)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		version := func() int64 { t.Helper(); return versionOf(uid) }
		notifyOf := func(uid int64) {
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
		notify := func() { t.Helper(); notifyOf(uid) }
		var last int64
		for i := 0; i < 4; i++ {
			notify()
			grown := version()
			if grown <= last {
				t.Fatalf("round %d: version %d after a notification, was %d", i, grown, last)
			}
			// The member's own fold (their session lookup's), or the fold
			// of every member's marks that replies set off.
			fold := func() error { return db.FoldNoticeMarks(ctx, uid) }
			if i%2 == 1 {
				fold = func() error { return db.FoldAllNoticeMarks(ctx) }
			}
			if err := fold(); err != nil {
				t.Fatal(err)
			}
			var marks int64
			db.R.Raw("SELECT COUNT(*) FROM notice_marks WHERE user_id = ?", uid).Scan(&marks)
			if last = version(); last < grown || marks != 0 {
				t.Fatalf("round %d: folding moved the version %d -> %d and left %d marks", i, grown, last, marks)
			}
		}
		// The fold of every member's marks takes those of a member who
		// never signs in too.
		idle := forumtest.InsertUser(t, db, "fern", "member")
		notifyOf(idle)
		notifyOf(idle)
		before := versionOf(idle)
		if err := db.FoldAllNoticeMarks(ctx); err != nil {
			t.Fatal(err)
		}
		var marks int64
		db.R.Raw("SELECT COUNT(*) FROM notice_marks").Scan(&marks)
		if after := versionOf(idle); after < before || marks != 0 {
			t.Fatalf("folding every member's marks moved the idle member's version %d -> %d and left %d marks", before, after, marks)
		}
	})
}
