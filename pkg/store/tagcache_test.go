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

// TestTagVocabularyCache: the vocabulary is read once and kept (a change
// made behind the process's back, as by another instance, is not seen at
// once), while a tag created or renamed through this process is seen by
// both stores straight after the transaction.
func TestTagVocabularyCache(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f, m := store.NewForum(db), store.NewModeration(db)
		name := func(ts []forum.Tag, slug string) string {
			for _, tg := range ts {
				if tg.Slug == slug {
					return tg.Name
				}
			}
			return ""
		}
		before, err := f.Tags(ctx)
		if err != nil || len(before) == 0 {
			t.Fatalf("tags: %v %d", err, len(before))
		}
		slug := before[0].Slug
		if err := db.W.Exec("UPDATE tags SET name = 'Renamed elsewhere' WHERE slug = ?", slug).Error; err != nil {
			t.Fatal(err)
		}
		if got, _ := f.Tags(ctx); name(got, slug) != before[0].Name {
			t.Fatalf("cached vocabulary not used: %q", name(got, slug))
		}
		now := time.Now().UTC()
		if err := m.Atomic(ctx, func(tx moderation.Tx) error {
			return tx.CreateTag(&forum.Tag{Slug: "cache-test", Name: "Cache test", Position: 99, CreatedAt: now})
		}); err != nil {
			t.Fatal(err)
		}
		for _, get := range []func(context.Context) ([]forum.Tag, error){f.Tags, m.Tags} {
			got, err := get(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if name(got, "cache-test") != "Cache test" || name(got, slug) != "Renamed elsewhere" {
				t.Fatalf("vocabulary after a local write: %+v", got)
			}
		}
		if err := m.Atomic(ctx, func(tx moderation.Tx) error {
			_, err := tx.UpdateTag("cache-test", "Cache test, renamed", "")
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.Tags(ctx); name(got, "cache-test") != "Cache test, renamed" {
			t.Fatalf("rename not seen: %+v", got)
		}
	})
}
