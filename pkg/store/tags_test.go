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

// TestTagVocabularyIsNeverStale: the vocabulary is read from the database
// each time, so a change made behind the store's back (as by another
// instance) and one made through moderation are both seen at once, by both
// stores, in display order.
func TestTagVocabularyIsNeverStale(t *testing.T) {
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
		now := time.Now().UTC()
		if err := m.Atomic(ctx, func(tx moderation.Tx) error {
			return tx.CreateTag(&forum.Tag{Slug: "vocab-test", Name: "Vocabulary test", Position: 99, CreatedAt: now})
		}); err != nil {
			t.Fatal(err)
		}
		for _, get := range []func(context.Context) ([]forum.Tag, error){f.Tags, m.Tags} {
			got, err := get(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if name(got, "vocab-test") != "Vocabulary test" || name(got, slug) != "Renamed elsewhere" {
				t.Fatalf("vocabulary after two changes: %+v", got)
			}
			if got[len(got)-1].Slug != "vocab-test" {
				t.Errorf("the tag at position 99 is not last: %+v", got)
			}
		}
	})
}
