package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"hearth/migrations"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// replyTo reads the place of a reply to parentID in w's thread and writes w
// there, as the forum service does once the posting rules allow it.
func replyTo(t *testing.T, f *store.Forum, w forum.PostWrite, parentID int64) forum.Post {
	t.Helper()
	var out forum.Post
	err := f.Posting(context.Background(), func(tx forum.PostTx) error {
		_, g, parent, _, err := tx.ReplyPlace(w.ThreadID, parentID, w.AuthorID)
		if err != nil {
			return err
		}
		if parent == nil {
			return errors.New("no parent read")
		}
		w.GroupID = g.ID
		out, _, _, err = tx.InsertPost(w, forum.StatusVisible, parent)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReplyWritesEveryColumn: the reply path writes its post with fixed
// SQL; reading the post back through GORM must give every field it was
// given, on both dialects, with the thread, group, member and follow
// updated as the GORM code did.
func TestReplyWritesEveryColumn(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Microsecond)
		author := forumtest.InsertUser(t, db, "rowan", "member")
		other := forumtest.InsertUser(t, db, "sage", "member")
		th := forumtest.InsertThread(t, db, "grief", other, "A thread", nil, now)
		var opening forum.Post
		if err := db.R.Where("thread_id = ? AND parent_id IS NULL", th.ID).Take(&opening).Error; err != nil {
			t.Fatal(err)
		}
		var before forum.Group
		if err := db.R.Take(&before, th.GroupID).Error; err != nil {
			t.Fatal(err)
		}
		f := store.NewForum(db)
		w := forum.PostWrite{ThreadID: th.ID, AuthorID: author, BodyMD: "Some *words*.", BodyHTML: "<p>Some <em>words</em>.</p>",
			Tags: forum.MakeTags([]string{"abuse", "self-harm"}), IdemKey: "key-1", Screening: forum.Screening{Score: 0.25}, Now: now}
		want := replyTo(t, f, w, 0)
		var got forum.Post
		if err := db.R.Take(&got, want.ID).Error; err != nil {
			t.Fatal(err)
		}
		if got.ThreadID != th.ID || got.GroupID != th.GroupID || *got.AuthorID != author || *got.ParentID != opening.ID ||
			got.Depth != 1 || got.SortKey != forum.ChildKey(opening.SortKey, got.ID) || got.SortKey != want.SortKey ||
			got.BodyMD != w.BodyMD || got.BodyHTML != w.BodyHTML || string(got.Tags) != string(w.Tags) ||
			got.Status != forum.StatusVisible || got.Version != 1 || got.EditedAt != nil || *got.IdemKey != "key-1" ||
			got.CrisisScore != 0.25 || !got.CreatedAt.Equal(now) || !got.UpdatedAt.Equal(now) {
			t.Fatalf("read back %+v\nwrote %+v", got, want)
		}
		// A reply to that reply nests under it.
		w2 := w
		w2.IdemKey, w2.AuthorID = "key-2", other
		nested := replyTo(t, f, w2, got.ID)
		if nested.Depth != 2 || nested.SortKey != forum.ChildKey(got.SortKey, nested.ID) {
			t.Fatalf("nested reply %+v", nested)
		}
		var tt forum.Thread
		if err := db.R.Take(&tt, th.ID).Error; err != nil {
			t.Fatal(err)
		}
		g := forumtest.Group(t, db, before.Slug)
		if tt.ReplyCount != th.ReplyCount+2 || *tt.LastPostID != nested.ID || *tt.LastAuthorID != other ||
			!tt.LastPostAt.Equal(now) || g.PostCount != before.PostCount+2 || g.ThreadCount != before.ThreadCount {
			t.Fatalf("thread %+v, group %+v (before %+v)", tt, g, before)
		}
		var follows int64
		db.R.Raw("SELECT COUNT(*) FROM subscriptions WHERE user_id = ? AND thread_id = ? AND state = 'follow'", author, th.ID).Scan(&follows)
		if follows != 1 {
			t.Fatalf("author follows %d", follows)
		}
		// Folding the group's tallies into its row changes nothing a
		// reader sees, and leaves none behind.
		if err := db.FoldGroupTallies(ctx); err != nil {
			t.Fatal(err)
		}
		var row forum.Group
		var tallies int64
		db.R.Raw("SELECT COUNT(*) FROM group_tallies").Scan(&tallies)
		if err := db.R.Take(&row, th.GroupID).Error; err != nil {
			t.Fatal(err)
		}
		if folded := forumtest.Group(t, db, before.Slug); tallies != 0 || row.PostCount != g.PostCount || folded.PostCount != g.PostCount ||
			folded.ThreadCount != g.ThreadCount || !folded.LastActivityAt.Equal(*g.LastActivityAt) || !row.LastActivityAt.Equal(*g.LastActivityAt) {
			t.Fatalf("folded: row %+v, read %+v, %d tallies left; before the fold %+v", row, folded, tallies, g)
		}
	})
}

// TestReplyPlaceReadsTheFacts: the facts the posting rules decide a reply
// on are read by hand too: every one of them, a parent only from the
// thread, whether the member answered has blocked the writer, and the
// first post of a repeated submission.
func TestReplyPlaceReadsTheFacts(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Microsecond)
		author := forumtest.InsertUser(t, db, "rowan", "member")
		other := forumtest.InsertUser(t, db, "sage", "member")
		th := forumtest.InsertThread(t, db, "grief", other, "A thread", nil, now)
		elsewhere := forumtest.InsertThread(t, db, "grief", other, "Another", nil, now)
		db.W.Exec("UPDATE threads SET locked = ?, lock_reason = ? WHERE id = ?", true, "Resting", th.ID)
		db.W.Exec("UPDATE groups SET premod = ?, premod_first_n = ?, archived = ? WHERE id = ?", forum.PremodNew, 2, true, th.GroupID)
		f := store.NewForum(db)
		reply := replyTo(t, f, forum.PostWrite{ThreadID: th.ID, AuthorID: author, BodyMD: "Hi.", BodyHTML: "<p>Hi.</p>", IdemKey: "key-1", Now: now}, 0)
		writer := author
		place := func(threadID, parentID int64) (placeRead, error) {
			var r placeRead
			err := f.Posting(ctx, func(tx forum.PostTx) error {
				var err error
				r.th, r.g, r.parent, r.blocked, err = tx.ReplyPlace(threadID, parentID, writer)
				return err
			})
			return r, err
		}
		r, err := place(th.ID, reply.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.th.ID != th.ID || r.th.GroupID != th.GroupID || *r.th.AuthorID != other || r.th.Status != forum.StatusVisible ||
			!r.th.Locked || r.th.LockReason != "Resting" || r.g.ID != th.GroupID || r.g.Slug != "grief" ||
			r.g.Premod != forum.PremodNew || r.g.PremodFirstN != 2 || !r.g.Archived {
			t.Errorf("place read %+v in %+v", r.th, r.g)
		}
		if p := r.parent; p == nil || p.ID != reply.ID || p.ThreadID != th.ID || p.SortKey != reply.SortKey ||
			p.Status != forum.StatusVisible || *p.AuthorID != author {
			t.Errorf("parent read %+v", r.parent)
		}
		if r, err := place(elsewhere.ID, reply.ID); err != nil || r.parent != nil {
			t.Errorf("a parent in another thread read as %+v (%v)", r.parent, err)
		}
		if _, err := place(th.ID+1000, 0); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("no such thread: %v", err)
		}
		checkPlaceReadsBlocks(t, db, place, func(w int64) { writer = w }, th.ID, reply.ID, author, other)
		if dup, found, err := f.PostByIdem(ctx, author, "key-1"); err != nil || !found || dup.ID != reply.ID {
			t.Errorf("repeated key: %+v %v %v", dup, found, err)
		}
		if _, found, err := f.PostByIdem(ctx, other, "key-1"); err != nil || found {
			t.Errorf("another member's key: %v %v", found, err)
		}
	})
}

// placeRead is what ReplyPlace returns.
type placeRead struct {
	th      forum.Thread
	g       forum.Group
	parent  *forum.Post
	blocked bool
}

// checkPlaceReadsBlocks: the place of a reply says whether the member it
// answers has blocked the writer: the thread's author for a reply to the
// thread, the parent's for a reply to a reply. other started the thread
// and author wrote reply in it; setWriter names whom place reads for.
func checkPlaceReadsBlocks(t *testing.T, db *store.DB, place func(threadID, parentID int64) (placeRead, error),
	setWriter func(int64), threadID, reply, author, other int64) {
	t.Helper()
	block := func(blocker, blocked int64) {
		t.Helper()
		if err := db.W.Exec("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)", blocker, blocked, time.Now().UTC()).Error; err != nil {
			t.Fatal(err)
		}
	}
	setWriter(author)
	if r, err := place(threadID, 0); err != nil || r.blocked {
		t.Errorf("nobody blocked: read blocked=%v (%v)", r.blocked, err)
	}
	block(other, author)
	if r, err := place(threadID, 0); err != nil || !r.blocked || r.parent == nil {
		t.Errorf("the thread's author blocked the writer: read blocked=%v, parent %+v (%v)", r.blocked, r.parent, err)
	}
	if r, err := place(threadID, reply); err != nil || r.blocked {
		t.Errorf("answering the writer's own reply: read blocked=%v (%v)", r.blocked, err)
	}
	setWriter(other)
	if r, err := place(threadID, reply); err != nil || r.blocked {
		t.Errorf("answering a member who blocked nobody: read blocked=%v (%v)", r.blocked, err)
	}
	block(author, other)
	if r, err := place(threadID, reply); err != nil || !r.blocked {
		t.Errorf("answering a reply whose author blocked the writer: read blocked=%v (%v)", r.blocked, err)
	}
}

// TestReplyReadsItsPageWithItsWrites: on PostgreSQL a reply that asks for
// the keys before it reads them in its batch, the same keys KeysBefore
// reads after the commit; a repeated idempotency key is ErrConflict. On
// SQLite the keys are left to KeysBefore.
func TestReplyReadsItsPageWithItsWrites(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Microsecond)
		author := forumtest.InsertUser(t, db, "rowan", "member")
		th := forumtest.InsertThread(t, db, "grief", author, "A thread", nil, now)
		f := store.NewForum(db)
		for i := range 3 {
			replyTo(t, f, forum.PostWrite{ThreadID: th.ID, AuthorID: author, BodyMD: "Words.", IdemKey: fmt.Sprint("k", i), Now: now}, 0)
		}
		write := func(key string) (forum.Post, forum.PageKeys, bool, error) {
			var p forum.Post
			var keys forum.PageKeys
			var read bool
			err := f.Posting(ctx, func(tx forum.PostTx) error {
				_, g, parent, _, err := tx.ReplyPlace(th.ID, 0, author)
				if err != nil {
					return err
				}
				w := forum.PostWrite{ThreadID: th.ID, GroupID: g.ID, AuthorID: author, BodyMD: "More words.", IdemKey: key, Now: now, ReadPage: true}
				p, keys, read, err = tx.InsertPost(w, forum.StatusVisible, parent)
				return err
			})
			return p, keys, read, err
		}
		p, keys, read, err := write("last")
		if err != nil {
			t.Fatal(err)
		}
		after, err := f.PageKeys(ctx, th.ID, p.SortKey)
		if err != nil {
			t.Fatal(err)
		}
		if wantRead := db.Dialect == migrations.Postgres; read != wantRead || (read && keys != after) || after.SecondBefore == "" || after.FirstPageLast != "" {
			t.Errorf("read %v keys %q with the writes, %q after; want read %v", read, keys, after, wantRead)
		}
		if _, _, _, err := write("last"); !errors.Is(err, forum.ErrConflict) {
			t.Errorf("a repeated key: %v, want ErrConflict", err)
		}
	})
}
