package store_test

import (
	"context"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestGroupListLeavesOutGuidelinesAndArchived: the list the home page and
// choices use has the groups members can see, in display order, with their
// counters but not the guidelines; Groups (used to re-render guidelines)
// still has them. GroupChoices (a choice of group) has the same groups,
// in the same order, with their IDs, slugs and names.
func TestGroupListLeavesOutGuidelinesAndArchived(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := db.W.Exec("UPDATE groups SET guidelines = 'Be kind.', guidelines_html = '<p>Be kind.</p>', thread_count = 7").Error; err != nil {
			t.Fatal(err)
		}
		if err := db.W.Exec("UPDATE groups SET archived = ? WHERE slug = 'grief'", true).Error; err != nil {
			t.Fatal(err)
		}
		f := store.NewForum(db)
		all, err := f.Groups(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		list, err := f.GroupList(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 0 || len(list) != len(all) {
			t.Fatalf("GroupList %d groups, Groups %d", len(list), len(all))
		}
		for i, g := range list {
			if g.Slug == "grief" {
				t.Fatal("archived group listed")
			}
			if g.ID != all[i].ID || g.Slug != all[i].Slug || g.Name != all[i].Name || g.Description != all[i].Description || g.ThreadCount != 7 {
				t.Fatalf("group %d: %+v, want the fields of %+v", i, g, all[i])
			}
			if g.Guidelines != "" || g.GuidelinesHTML != "" {
				t.Fatalf("group %s carries its guidelines", g.Slug)
			}
			if all[i].Guidelines != "Be kind." {
				t.Fatalf("Groups lost the guidelines of %s", g.Slug)
			}
		}
		choices, err := f.GroupChoices(ctx)
		if err != nil || len(choices) != len(list) {
			t.Fatalf("GroupChoices: %v, %d groups, want the %d of GroupList", err, len(choices), len(list))
		}
		for i, g := range choices {
			if g.ID != list[i].ID || g.Slug != list[i].Slug || g.Name != list[i].Name {
				t.Fatalf("choice %d: %+v, want the ID, slug and name of %+v", i, g, list[i])
			}
		}
	})
}
