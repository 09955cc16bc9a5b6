package store_test

import (
	"context"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestNoticeVersionGrowsWithEveryChange checks the triggers of migration
// 20 on both dialects: every change a member's unread count depends on
// moves their notice version, and only the versions of the members it can
// concern; writes that cannot change a count leave it alone.
func TestNoticeVersionGrowsWithEveryChange(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		uid := forumtest.InsertUser(t, db, "rowan", "member")
		other := forumtest.InsertUser(t, db, "sage", "member")
		author := forumtest.InsertUser(t, db, "moss", "member")
		th := forumtest.InsertThread(t, db, "grief", author, "A thread", nil, now)
		quiet := forumtest.InsertThread(t, db, "grief", author, "Another thread", nil, now)
		version := func(id int64) int64 {
			t.Helper()
			v, err := db.NoticeVersion(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		exec := func(sql string, args ...any) func() error {
			return func() error { return db.W.Exec(sql, args...).Error }
		}
		f, b := store.NewForum(db), store.NewBlocks(db)
		var opening int64
		if err := db.R.Raw("SELECT first_post_id FROM threads WHERE id = ?", th.ID).Row().Scan(&opening); err != nil {
			t.Fatal(err)
		}
		notify := exec(`INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
			VALUES (?, 'reply', ?, ?, ?, '', ?)`, uid, author, opening, th.ID, now)
		steps := []struct {
			name string
			do   func() error
		}{
			{"receive a notification", notify},
			{"follow a thread", func() error { return f.SetSubscription(ctx, uid, quiet.ID, forum.SubFollow, now) }},
			{"mute it", func() error { return f.SetSubscription(ctx, uid, quiet.ID, forum.SubMute, now) }},
			{"hide a tag", func() error { return f.SetTagPrefs(ctx, uid, forum.Prefs{"abuse": forum.ModeHide}, now) }},
			{"block", func() error { return b.AddBlock(ctx, forum.Block{BlockerID: uid, BlockedID: other, CreatedAt: now}) }},
			{"unblock", func() error { return b.RemoveBlock(ctx, uid, other) }},
			{"a moderator holds the post", exec("UPDATE posts SET status = 'held' WHERE id = ?", opening)},
			{"and shows it again", exec("UPDATE posts SET status = 'visible' WHERE id = ?", opening)},
			{"its tags change", exec("UPDATE posts SET tags = ',abuse,' WHERE id = ?", opening)},
			{"its author's account is deleted", exec("UPDATE posts SET author_id = NULL WHERE id = ?", opening)},
			{"the thread is removed", exec("UPDATE threads SET status = 'removed' WHERE id = ?", th.ID)},
			{"the thread is tagged", exec("UPDATE threads SET tags = ',abuse,' WHERE id = ?", th.ID)},
			{"read it", func() error { return f.MarkRead(ctx, uid, 0, 0, now) }},
			{"it is deleted", exec("DELETE FROM notifications WHERE user_id = ?", uid)},
		}
		for _, s := range steps {
			before, others := version(uid), version(other)
			if err := s.do(); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			if after := version(uid); after <= before {
				t.Errorf("%s: notice version %d -> %d, want it to grow", s.name, before, after)
			}
			if version(other) != others {
				t.Errorf("%s: the notice version of a member it cannot concern moved", s.name)
			}
		}

		// With nothing unread in the thread, changes to its posts concern
		// nobody; nor do edits that cannot show or hide a notification.
		if err := notify(); err != nil {
			t.Fatal(err)
		}
		before := version(uid)
		for _, s := range []func() error{
			exec("UPDATE posts SET updated_at = ?, body_md = 'edited' WHERE id = ?", now.Add(time.Minute), opening),
			exec("UPDATE threads SET title = 'Renamed', reply_count = reply_count + 1 WHERE id = ?", th.ID),
			exec("UPDATE posts SET status = 'held' WHERE thread_id = ?", quiet.ID),
		} {
			if err := s(); err != nil {
				t.Fatal(err)
			}
		}
		if version(uid) != before {
			t.Error("an edit, a renamed thread or a change in a thread without their notices moved the notice version")
		}
	})
}

// TestUnreadCountSaysWhenAReplyAloneCouldChangeIt: a followed-thread
// notice whose posts the member cannot see makes the count not Stable,
// and the next visible reply does count without any row of theirs being
// written; otherwise the count is Stable.
func TestUnreadCountSaysWhenAReplyAloneCouldChangeIt(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		uid := forumtest.InsertUser(t, db, "rowan", "member")
		author := forumtest.InsertUser(t, db, "moss", "member")
		th := forumtest.InsertThread(t, db, "grief", author, "A thread", nil, now)
		f := store.NewForum(db)
		if err := f.SetSubscription(ctx, uid, th.ID, forum.SubFollow, now); err != nil {
			t.Fatal(err)
		}
		count := func() forum.Unread {
			t.Helper()
			u, err := f.UnreadCount(ctx, uid)
			if err != nil {
				t.Fatal(err)
			}
			return u
		}
		if u := count(); u.Count != 0 || !u.Stable {
			t.Fatalf("nothing unread: %+v, want a stable 0", u)
		}
		g := forumtest.Group(t, db, "grief")
		post := func(tags forum.Tags) int64 {
			t.Helper()
			p := forum.Post{ThreadID: th.ID, GroupID: g.ID, AuthorID: &author, BodyMD: "a reply", BodyHTML: "<p>a reply</p>",
				Tags: tags, Status: forum.StatusVisible, Version: 1, CreatedAt: now, UpdatedAt: now}
			if err := db.W.Create(&p).Error; err != nil {
				t.Fatal(err)
			}
			return p.ID
		}
		// A reply tagged with a tag the member hides starts their notice.
		if err := f.SetTagPrefs(ctx, uid, forum.Prefs{"abuse": forum.ModeHide}, now); err != nil {
			t.Fatal(err)
		}
		hidden := post(forum.MakeTags([]string{"abuse"}))
		if err := db.W.Exec(`INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
			VALUES (?, ?, ?, ?, ?, '', ?)`, uid, forum.NoteThreadReply, author, hidden, th.ID, now).Error; err != nil {
			t.Fatal(err)
		}
		if u := count(); u.Count != 0 || u.Stable {
			t.Fatalf("a notice with nothing to see: %+v, want an unstable 0", u)
		}
		post(forum.MakeTags(nil))
		if u := count(); u.Count != 1 || !u.Stable {
			t.Fatalf("after a reply they can see: %+v, want a stable 1", u)
		}
	})
}

// TestVocabularyChangeMovesEverySettingsVersion: creating, renaming and
// deleting a tag moves every member's settings version (migration 20), so
// a vocabulary kept with their settings is never stale.
func TestVocabularyChangeMovesEverySettingsVersion(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ids := []int64{forumtest.InsertUser(t, db, "rowan", "member"), forumtest.InsertUser(t, db, "sage", "moderator")}
		version := func(id int64) int64 {
			t.Helper()
			var v int64
			if err := db.R.Raw("SELECT settings_version FROM users WHERE id = ?", id).Row().Scan(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		for _, sql := range []string{
			"INSERT INTO tags (slug, name, description, position, created_at) VALUES ('test-tag', 'Test', '', 99, CURRENT_TIMESTAMP)",
			"UPDATE tags SET name = 'Renamed' WHERE slug = 'test-tag'",
			"DELETE FROM tags WHERE slug = 'test-tag'",
		} {
			before := []int64{version(ids[0]), version(ids[1])}
			if err := db.W.Exec(sql).Error; err != nil {
				t.Fatal(err)
			}
			for i, id := range ids {
				if version(id) <= before[i] {
					t.Errorf("%s: member %d's settings version did not grow", sql, id)
				}
			}
		}
	})
}
