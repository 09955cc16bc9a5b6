package store_test

import (
	"strings"
	"testing"

	"hearth/migrations"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestGroupFeedReadsTheNewestThreadsByIndex: a group's feed reads its
// newest threads through the index of each group's threads by id
// (migration 48), so its cost does not grow with the group: SQLite keeps
// no statistics and its plan is fixed, so the test reads it; PostgreSQL
// chooses by its statistics, so there the test checks the index is there.
func TestGroupFeedReadsTheNewestThreadsByIndex(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		if !db.R.Migrator().HasIndex("threads", "threads_group_new") {
			t.Fatal("no index threads_group_new")
		}
		if db.Dialect != migrations.SQLite {
			return
		}
		var plan []struct {
			ID, Parent, NotUsed int
			Detail              string
		}
		if err := db.R.Raw("EXPLAIN QUERY PLAN "+store.NewThreadsOfGroupSQL, "visible", "redacted", 1, 20).Scan(&plan).Error; err != nil {
			t.Fatal(err)
		}
		var details []string
		for _, p := range plan {
			details = append(details, p.Detail)
		}
		all := strings.Join(details, "\n")
		if !strings.Contains(all, "threads_group_new") || strings.Contains(all, "TEMP B-TREE") {
			t.Fatalf("a group's newest threads are not read through threads_group_new in id order:\n%s", all)
		}
	})
}
