package store_test

import (
	"context"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestSetTagsOnlyOverTheTagsRead checks that a moderator's tag write
// changes a post's or thread's trigger warnings only while they are still
// the tags the moderator started from, and reports whether it did.
func TestSetTagsOnlyOverTheTagsRead(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		m := store.NewModeration(db)
		author := forumtest.InsertUser(t, db, "wren", "member")
		th := forumtest.InsertThread(t, db, "anxiety", author, "Tagged", []string{"self-harm"}, time.Now())
		post := *th.FirstPostID
		old, stale := forum.MakeTags([]string{"self-harm"}), forum.MakeTags([]string{"abuse"})
		want := forum.MakeTags([]string{"self-harm", "suicide"})
		tags := func(table string, id int64) forum.Tags {
			var s string
			if err := db.R.Table(table).Select("tags").Where("id = ?", id).Scan(&s).Error; err != nil {
				t.Fatal(err)
			}
			return forum.Tags(s)
		}
		for _, tc := range []struct {
			table string
			id    int64
			set   func(tx moderation.Tx, from, to forum.Tags) (bool, error)
		}{
			{"posts", post, func(tx moderation.Tx, from, to forum.Tags) (bool, error) {
				return tx.SetPostTags(post, from, to, time.Now().UTC())
			}},
			{"threads", th.ID, func(tx moderation.Tx, from, to forum.Tags) (bool, error) {
				return tx.SetThreadTags(th.ID, from, to, time.Now().UTC())
			}},
		} {
			if got := tags(tc.table, tc.id); got != old {
				t.Fatalf("%s: fixture tags %q", tc.table, got)
			}
			var ok bool
			if err := m.Atomic(ctx, func(tx moderation.Tx) (err error) { ok, err = tc.set(tx, stale, want); return err }); err != nil || ok {
				t.Fatalf("%s: write over tags that are not there: changed %v, err %v", tc.table, ok, err)
			}
			if got := tags(tc.table, tc.id); got != old {
				t.Fatalf("%s: tags %q after a refused write", tc.table, got)
			}
			if err := m.Atomic(ctx, func(tx moderation.Tx) (err error) { ok, err = tc.set(tx, old, want); return err }); err != nil || !ok {
				t.Fatalf("%s: write over the tags read: changed %v, err %v", tc.table, ok, err)
			}
			if got := tags(tc.table, tc.id); got != want {
				t.Fatalf("%s: tags %q, want %q", tc.table, got, want)
			}
		}
	})
}
