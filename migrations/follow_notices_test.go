package migrations_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"hearth/migrations"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestFollowNoticesFolded: migration 17 keeps the oldest unread
// followed-thread notice of each member and thread and deletes the later
// ones, on both dialects; read notices, other kinds and other members'
// notices stay.
func TestFollowNoticesFolded(t *testing.T) {
	eachEmptyDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		full := migrations.Steps
		withSteps(t, full[:16]...)
		if _, err := migrations.Run(ctx, db.SQL(), db.Dialect); err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC().Truncate(time.Second)
		ann := forumtest.InsertUser(t, db, "ann", "member")
		ben := forumtest.InsertUser(t, db, "ben", "member")
		one, p1 := threadAtStep16(t, db, ben, "One", now)
		two, p2 := threadAtStep16(t, db, ben, "Two", now)
		type note struct {
			user, thread, post int64
			kind               string
			read               bool
		}
		notes := []note{
			{ann, one, p1, "thread_reply", true},  // 1: read, stays
			{ann, one, p1, "thread_reply", false}, // 2: oldest unread, stays
			{ann, one, p1, "thread_reply", false}, // 3: folded into 2
			{ann, one, p1, "reply", false},        // 4: another kind, stays
			{ann, one, p1, "thread_reply", false}, // 5: folded into 2
			{ann, two, p2, "thread_reply", false}, // 6: another thread, stays
			{ben, one, p1, "thread_reply", false}, // 7: another member, stays
			{ben, one, p1, "thread_reply", false}, // 8: folded into 7
		}
		for i, n := range notes {
			var readAt *time.Time
			if n.read {
				readAt = &now
			}
			// No actor: NULLs are distinct, so notifications_once lets
			// the duplicates in, as rows from different actors were.
			if err := db.W.Exec(`INSERT INTO notifications (id, user_id, kind, actor_id, post_id, thread_id, reaction, read_at, created_at)
				VALUES (?, ?, ?, NULL, ?, ?, '', ?, ?)`, i+1, n.user, n.kind, n.post, n.thread, readAt, now).Error; err != nil {
				t.Fatalf("row %d: %v", i+1, err)
			}
		}
		withSteps(t, full...)
		if _, err := migrations.Run(ctx, db.SQL(), db.Dialect); err != nil {
			t.Fatal(err)
		}
		var left []int64
		if err := db.R.Raw("SELECT id FROM notifications ORDER BY id").Scan(&left).Error; err != nil {
			t.Fatal(err)
		}
		if want := []int64{1, 2, 4, 6, 7}; !reflect.DeepEqual(left, want) {
			t.Fatalf("notifications left %v, want %v", left, want)
		}
		// The rule holds from now on: a second unread notice is refused.
		if err := db.W.Exec(`INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
			VALUES (?, 'thread_reply', NULL, ?, ?, '', ?)`, ann, p1, one, now).Error; err == nil {
			t.Fatal("a second unread notice for the same thread was accepted")
		}
	})
}

// threadAtStep16 adds a thread in grief and its opening post with the
// columns the schema had at step 16 (the fixtures write today's), and
// returns their ids.
func threadAtStep16(t *testing.T, db *store.DB, author int64, title string, at time.Time) (thread, post int64) {
	t.Helper()
	var g forum.Group
	if err := db.R.Where("slug = ?", "grief").Take(&g).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.W.Raw(`INSERT INTO threads (group_id, author_id, title, tags, status, last_author_id, last_post_at, created_at, updated_at)
		VALUES (?, ?, ?, '', 'visible', ?, ?, ?, ?) RETURNING id`, g.ID, author, title, author, at, at, at).Scan(&thread).Error; err != nil {
		t.Fatalf("insert thread: %v", err)
	}
	if err := db.W.Raw(`INSERT INTO posts (thread_id, group_id, author_id, body_md, body_html, tags, status, version, sort_key, created_at, updated_at)
		VALUES (?, ?, ?, 'Words', '<p>Words</p>', '', 'visible', 1, '', ?, ?) RETURNING id`, thread, g.ID, author, at, at).Scan(&post).Error; err != nil {
		t.Fatalf("insert post: %v", err)
	}
	return thread, post
}
