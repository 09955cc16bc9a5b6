package web_test

import (
	"fmt"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/markup"
	"hearth/pkg/moderation"
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

// longThread builds a thread of n posts shaped like a real conversation:
// replies to the thread and replies to replies up to eight deep, Markdown
// rendered once, a tag on every seventh post, reactions on every third, a
// few posts removed, redacted and deleted.
func longThread(t testing.TB, db *store.DB, n int) (thread int64, members []int64) {
	t.Helper()
	for i := range 12 {
		members = append(members, forumtest.InsertUser(t, db, fmt.Sprintf("bench%d_%02d", n, i), "member"))
	}
	th := forumtest.InsertThread(t, db, "grief", members[0], "A long conversation about grief", nil, time.Now().Add(-48*time.Hour))
	var op forum.Post
	if err := db.R.Where("thread_id = ?", th.ID).Take(&op).Error; err != nil {
		t.Fatal(err)
	}
	md := markup.New()
	body := "Thank you for writing this. **Some days are heavier than others**, and that's okay.\n\n" +
		"> It gets gentler, not smaller.\n\nA few things that helped me:\n\n- walking at dawn\n- writing letters I never send\n- [a helpline](https://example.org) when nights were long\n"
	html, err := md.Render(body)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{op.SortKey}
	ids := []int64{op.ID}
	depth := []int{0}
	start := time.Now().Add(-24 * time.Hour)
	for i := 1; i < n; i++ {
		// Answer the opening post, the previous post (a chain) or an earlier one.
		pi := 0
		switch {
		case i%3 == 1 && depth[len(depth)-1] < 8:
			pi = len(ids) - 1
		case i%3 == 2:
			pi = (i * 7) % len(ids)
		}
		author := members[i%len(members)]
		status, reason := forum.StatusVisible, ""
		switch i % 50 {
		case 10:
			status = forum.StatusRemoved
		case 20:
			status, reason = forum.StatusRedacted, "Personal details"
		case 30:
			status = forum.StatusDeleted
		}
		var tags forum.Tags
		if i%7 == 0 {
			tags = forum.MakeTags([]string{"death-loss"})
		}
		at := start.Add(time.Duration(i) * time.Minute).UTC()
		p := forum.Post{ThreadID: th.ID, GroupID: th.GroupID, AuthorID: &author, ParentID: &ids[pi], BodyMD: body, BodyHTML: string(html),
			Tags: tags, Status: status, StatusReason: reason, Version: 1, CreatedAt: at, UpdatedAt: at}
		if err := db.W.Create(&p).Error; err != nil {
			t.Fatal(err)
		}
		key := forum.SortKey(keys[pi], p.ID)
		if err := db.W.Model(&p).Updates(map[string]any{"sort_key": key, "depth": forum.DepthOf(key)}).Error; err != nil {
			t.Fatal(err)
		}
		keys, ids, depth = append(keys, key), append(ids, p.ID), append(depth, forum.DepthOf(key))
		if i%3 == 0 && status == forum.StatusVisible {
			for k, kind := range []string{forum.ReactThinking, forum.ReactHear} {
				r := forum.Reaction{PostID: p.ID, UserID: members[(i+k+1)%len(members)], Kind: kind, CreatedAt: at}
				if err := db.W.Create(&r).Error; err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	db.W.Exec("UPDATE threads SET reply_count = ? WHERE id = ?", n-1, th.ID)
	return th.ID, members
}

// auditsOf lists the audit rows of action, oldest first.
func auditsOf(t *testing.T, db *store.DB, action string) []moderation.AuditEntry {
	t.Helper()
	var es []moderation.AuditEntry
	if err := db.R.Where("action = ?", action).Order("id").Find(&es).Error; err != nil {
		t.Fatal(err)
	}
	return es
}
