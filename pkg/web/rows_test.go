package web_test

import (
	"fmt"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/store"
)

// Reading and writing rows straight in the database, for what a page does
// not show and for setting up what would be slow through the routes.

// countRows counts rows of table matching where (a constant written in the
// test; "" for every row) with args.
func countRows(t testing.TB, db *store.DB, table, where string, args ...any) int64 {
	t.Helper()
	var n int64
	q := db.R.Table(table)
	if where != "" {
		q = q.Where(where, args...)
	}
	if err := q.Count(&n).Error; err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// firstPostOf is the opening post of thread.
func firstPostOf(t *testing.T, db *store.DB, thread int64) int64 {
	t.Helper()
	var id int64
	if err := db.R.Raw("SELECT first_post_id FROM threads WHERE id = ?", thread).Scan(&id).Error; err != nil {
		t.Fatal(err)
	}
	return id
}

// fastReplies adds n replies to the opening post straight into the
// database ("Post number 001" ...), keeping the tree columns exactly as the
// posting code writes them.
func fastReplies(t testing.TB, db *store.DB, thread int64, n int) {
	t.Helper()
	var th struct {
		GroupID     int64
		AuthorID    int64
		FirstPostID int64
	}
	if err := db.R.Raw("SELECT group_id, author_id, first_post_id FROM threads WHERE id = ?", thread).Scan(&th).Error; err != nil {
		t.Fatal(err)
	}
	var parentKey string
	db.R.Raw("SELECT sort_key FROM posts WHERE id = ?", th.FirstPostID).Scan(&parentKey)
	now := time.Now().UTC()
	for i := 1; i <= n; i++ {
		body := fmt.Sprintf("Post number %03d", i)
		p := forum.Post{ThreadID: thread, GroupID: th.GroupID, AuthorID: &th.AuthorID, ParentID: &th.FirstPostID, Depth: 1,
			BodyMD: body, BodyHTML: "<p>" + body + "</p>", Status: forum.StatusVisible, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := db.W.Create(&p).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.W.Model(&p).Update("sort_key", forum.SortKey(parentKey, p.ID)).Error; err != nil {
			t.Fatal(err)
		}
	}
	db.W.Exec("UPDATE threads SET reply_count = reply_count + ? WHERE id = ?", n, thread)
}

// siteModerator makes a moderator moderate every group.
func siteModerator(t testing.TB, db *store.DB, id int64) {
	t.Helper()
	if err := db.W.Exec("UPDATE users SET moderator_site_wide = ? WHERE id = ?", true, id).Error; err != nil {
		t.Fatal(err)
	}
}
