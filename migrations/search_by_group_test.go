package migrations_test

import (
	"context"
	"testing"
	"time"

	"hearth/migrations"
	"hearth/pkg/forum"
	"hearth/pkg/store"
)

// TestSearchDocumentsGainTheirGroup: posts written before migration 47 are
// found by a search narrowed to their group afterwards, on PostgreSQL
// through the group written into their documents.
func TestSearchDocumentsGainTheirGroup(t *testing.T) {
	eachEmptyDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		rest := runUpTo(t, db, 47)
		author := insertMember(t, db, "ann")
		thread, post := threadAtStep16(t, db, author, "Lanterns", time.Now().UTC())
		rest()
		var group int64
		if err := db.R.Raw("SELECT group_id FROM threads WHERE id = ?", thread).Scan(&group).Error; err != nil {
			t.Fatal(err)
		}
		f := store.NewForum(db)
		for _, q := range []forum.SearchQuery{{Terms: []string{"words"}, GroupID: group, Limit: 20}, {Terms: []string{"lanterns"}, GroupID: group, Limit: 20}} {
			hits, err := f.Search(ctx, q)
			if err != nil || len(hits) != 1 || hits[0].PostID != post {
				t.Fatalf("%v in the post's group after the migration: %v, %+v, want post %d", q.Terms, err, hits, post)
			}
		}
		if db.Dialect == migrations.Postgres {
			var stray int
			if err := db.R.Raw("SELECT COUNT(*) FROM post_search WHERE NOT document @@ ?::tsquery", migrations.SearchGroupLexeme(group)).Scan(&stray).Error; err != nil || stray != 0 {
				t.Fatalf("%v; %d documents lack their group", err, stray)
			}
		}
	})
}
