package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestDeleteAccountDetachesPostsInBatches: a deletion done a few posts a
// transaction leaves every post as one transaction would have, in both
// modes: erased posts hold the placeholder, have no author, no earlier
// versions and no tags; anonymised posts keep their words without an
// author; other members' posts are untouched; the user row is gone.
func TestDeleteAccountDetachesPostsInBatches(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		defer store.SetDetachBatch(3)()
		ctx := context.Background()
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		other := forumtest.InsertUser(t, db, "other", "member")
		for _, mode := range []auth.DeleteMode{auth.DeleteErase, auth.DeleteAnonymise} {
			uid := forumtest.InsertUser(t, db, "leaving_"+string(mode), "member")
			th := forumtest.InsertThread(t, db, "grief", uid, "My thread "+string(mode), nil, at)
			var mine []int64
			for i := range 10 {
				mine = append(mine, forumtest.InsertPost(t, db, th, uid, fmt.Sprintf("Words of mine, number %d.", i), at))
			}
			theirs := forumtest.InsertPost(t, db, th, other, "Words of someone else.", at)
			if err := db.W.Exec("UPDATE posts SET tags = ',grief,' WHERE thread_id = ?", th.ID).Error; err != nil {
				t.Fatal(err)
			}
			if err := db.W.Exec(`INSERT INTO post_revisions (post_id, version, body_md, body_html, written_at, created_at) VALUES (?, 1, 'An earlier version.', '<p>An earlier version.</p>', ?, ?)`, mine[4], at, at).Error; err != nil {
				t.Fatal(err)
			}
			if err := store.NewAuth(db).DeleteAccount(ctx, uid, mode, at.Add(time.Hour)); err != nil {
				t.Fatalf("%s: %v", mode, err)
			}
			if countWhere(t, db, "users", "id = ?", uid) != 0 {
				t.Fatalf("%s: the user row is still there", mode)
			}
			mine = append(mine, *th.FirstPostID)
			if n := countWhere(t, db, "posts", "id IN ? AND author_id IS NULL AND idem_key IS NULL", mine); n != int64(len(mine)) {
				t.Fatalf("%s: %d of %d posts detached from their author", mode, n, len(mine))
			}
			erased := countWhere(t, db, "posts", "id IN ? AND status = ? AND body_md = ? AND body_html = ? AND tags = ''", mine, forum.StatusDeleted, auth.ErasedPostMarkdown, auth.ErasedPostHTML)
			kept := countWhere(t, db, "posts", "id IN ? AND status = ? AND body_md LIKE 'Words of mine%'", mine[:10], forum.StatusVisible)
			if mode == auth.DeleteErase && (erased != int64(len(mine)) || countWhere(t, db, "post_revisions", "post_id IN ?", mine) != 0) {
				t.Fatalf("erase: %d of %d posts erased, or an earlier version kept", erased, len(mine))
			}
			if mode == auth.DeleteAnonymise && (erased != 0 || kept != 10 || countWhere(t, db, "post_revisions", "post_id = ?", mine[4]) != 1) {
				t.Fatalf("anonymise: %d posts erased and %d of 10 kept; the earlier version must stay", erased, kept)
			}
			if countWhere(t, db, "posts", "id = ? AND author_id = ? AND body_md = 'Words of someone else.' AND status = ?", theirs, other, forum.StatusVisible) != 1 {
				t.Fatalf("%s: someone else's post was touched", mode)
			}
		}
	})
}

// memberWithPosts adds a member named name in lower case with a thread
// titled name and n replies of their own, "NAME words I.", a second apart
// after at: a thread of n+1 posts, the opening one oldest.
func memberWithPosts(t *testing.T, db *store.DB, name string, n int, at time.Time) (int64, forum.Thread) {
	t.Helper()
	uid := forumtest.InsertUser(t, db, strings.ToLower(name), "member")
	th := forumtest.InsertThread(t, db, "grief", uid, name, nil, at)
	for i := range n {
		forumtest.InsertPost(t, db, th, uid, fmt.Sprintf("%s words %d.", name, i), at.Add(time.Duration(i+1)*time.Second))
	}
	return uid, th
}

// countWhere counts the rows of table matching where.
func countWhere(t *testing.T, db *store.DB, table, where string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := db.R.Table(table).Where(where, args...).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// TestDeleteAccountStoppedHalfway: when the last statement of a deletion
// fails, the batches done before it stay done and the last batch's posts
// and the account stay as they were; trying again finishes the deletion.
func TestDeleteAccountStoppedHalfway(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		defer store.SetDetachBatch(3)()
		ctx := context.Background()
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		uid, th := memberWithPosts(t, db, "Halfway", 7, at)
		allow := forumtest.RefuseUserDelete(t, db)
		err := store.NewAuth(db).DeleteAccount(ctx, uid, auth.DeleteErase, at)
		var unfinished *auth.UnfinishedDeletionError
		if !errors.As(err, &unfinished) || unfinished.Posts != 6 {
			t.Fatalf("a deletion whose last statement was refused after two batches: %v, want it unfinished after 6 posts", err)
		}
		// Eight posts, the opening one first: two batches of three, then
		// the newest two left for the last transaction.
		if n := countWhere(t, db, "posts", "thread_id = ? AND author_id IS NULL AND status = ?", th.ID, forum.StatusDeleted); n != 6 {
			t.Fatalf("%d posts erased by the batches, want 6", n)
		}
		if n := countWhere(t, db, "posts", "thread_id = ? AND author_id = ? AND body_md IN ?", th.ID, uid, []string{"Halfway words 5.", "Halfway words 6."}); n != 2 || countWhere(t, db, "users", "id = ?", uid) != 1 {
			t.Fatalf("%d of the newest two posts kept, or the account gone", n)
		}
		allow()
		if err := store.NewAuth(db).DeleteAccount(ctx, uid, auth.DeleteErase, at); err != nil {
			t.Fatal(err)
		}
		if countWhere(t, db, "posts", "thread_id = ? AND status = ? AND author_id IS NULL", th.ID, forum.StatusDeleted) != 8 || countWhere(t, db, "users", "id = ?", uid) != 0 {
			t.Fatal("trying again did not finish the deletion")
		}
	})
}

// TestDeleteAccountRacedIsNotUnfinished: deletions of one account running
// at once (a form sent twice, instances finishing the same background
// deletion) all end, one deleting the account and the others finding it
// gone, never saying the deletion stopped partway.
func TestDeleteAccountRacedIsNotUnfinished(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		defer store.SetDetachBatch(5)()
		ctx := context.Background()
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		uid, th := memberWithPosts(t, db, "Raced", 120, at)
		var wg sync.WaitGroup
		errs := make([]error, 3)
		for k := range errs {
			wg.Go(func() { errs[k] = store.NewAuth(db).DeleteAccount(ctx, uid, auth.DeleteErase, at) })
		}
		wg.Wait()
		deleted := 0
		for _, err := range errs {
			var unfinished *auth.UnfinishedDeletionError
			switch {
			case err == nil:
				deleted++
			case errors.As(err, &unfinished) || !errors.Is(err, forum.ErrNotFound):
				t.Errorf("a raced deletion: %v", err)
			}
		}
		if deleted != 1 || countWhere(t, db, "users", "id = ?", uid) != 0 || countWhere(t, db, "posts", "thread_id = ? AND status = ? AND author_id IS NULL", th.ID, forum.StatusDeleted) != 121 {
			t.Fatalf("%d deletions succeeded, or the account or its words were left", deleted)
		}
	})
}
