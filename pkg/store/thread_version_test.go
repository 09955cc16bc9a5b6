package store_test

import (
	"context"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestThreadContentVersion checks the triggers of migration 18: a thread's
// content version moves with every change to its posts and their
// reactions, whatever path makes it, and only its own thread's does. The
// thread rows members share (cache.Threads) are exact
// only while this holds.
func TestThreadContentVersion(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC()
		author := forumtest.InsertUser(t, db, "Linden", "member")
		reader := forumtest.InsertUser(t, db, "Maple", "member")
		a := forumtest.InsertThread(t, db, "grief", author, "The thread that changes", nil, now)
		b := forumtest.InsertThread(t, db, "grief", author, "The thread that stays", nil, now)
		f := store.NewForum(db)
		version := func(id int64) uint64 {
			t.Helper()
			h, err := f.ThreadHead(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return h.ContentVersion
		}
		last, other := version(a.ID), version(b.ID)
		moved := func(what string) {
			t.Helper()
			v := version(a.ID)
			if v <= last {
				t.Fatalf("%s: thread version %d, was %d: it must grow", what, v, last)
			}
			if w := version(b.ID); w != other {
				t.Fatalf("%s: the other thread's version moved from %d to %d", what, other, w)
			}
			last = v
		}

		var opening forum.Post
		if err := db.R.Where("thread_id = ?", a.ID).Take(&opening).Error; err != nil {
			t.Fatal(err)
		}
		reply := forum.Post{ThreadID: a.ID, GroupID: a.GroupID, AuthorID: &reader, ParentID: &opening.ID,
			BodyMD: "A reply", BodyHTML: "<p>A reply</p>", Status: forum.StatusVisible, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := db.W.Create(&reply).Error; err != nil {
			t.Fatal(err)
		}
		moved("a reply")
		if err := db.W.Model(&reply).Update("status", forum.StatusRedacted).Error; err != nil {
			t.Fatal(err)
		}
		moved("a post's status")
		if err := db.W.Model(&reply).Update("status", forum.StatusVisible).Error; err != nil {
			t.Fatal(err)
		}
		moved("a post restored")

		if on, err := f.ToggleReaction(ctx, opening.ID, reader, forum.ReactHear, now); err != nil || !on {
			t.Fatalf("react: %v, %v", on, err)
		}
		moved("a reaction")
		if on, err := f.ToggleReaction(ctx, opening.ID, reader, forum.ReactHear, now); err != nil || on {
			t.Fatalf("take the reaction back: %v, %v", on, err)
		}
		moved("a reaction taken back")
		if _, err := f.ToggleReaction(ctx, opening.ID, reader, forum.ReactThinking, now); err != nil {
			t.Fatal(err)
		}
		moved("another reaction")

		// Deleting the reader's account anonymises their reply and removes
		// their reaction, in the thread's rows.
		if err := store.NewAuth(db).DeleteAccount(ctx, reader, auth.DeleteAnonymise, now); err != nil {
			t.Fatal(err)
		}
		moved("an account deleted")
		var reactions int64
		if err := db.R.Table("reactions").Where("post_id = ?", opening.ID).Count(&reactions).Error; err != nil || reactions != 0 {
			t.Fatalf("reactions left after the account was deleted: %d, %v", reactions, err)
		}

		if err := db.W.Delete(&forum.Post{}, reply.ID).Error; err != nil {
			t.Fatal(err)
		}
		moved("a post deleted")
	})
}
