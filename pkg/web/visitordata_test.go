package web_test

import (
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestVisitorDataKeptUntilAWrite: a visitor's repeated search reads the
// tag vocabulary, the moderation hours and the list of groups once, and a
// write through this instance (a group renamed) shows on their next page;
// a member's page never reads them from the visitors' copy.
func TestVisitorDataKeptUntilAWrite(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		visitor := w.as(0)
		const path = "/search?q=lighthouse"
		pageHas(t, visitor.Get(path).Body, "lighthouse")
		counter := forumtest.CountQueries(db)
		pageHas(t, visitor.Get(path).Body, "lighthouse")
		kept := counter.Count()

		w.exec("UPDATE groups SET name = ? WHERE slug = ?", "Grief and Remembering", "grief")
		counter = forumtest.CountQueries(db)
		r := visitor.Get(path)
		pageHas(t, r.Body, ">Grief and Remembering</option>")
		if n := counter.Count(); n != kept+3 {
			t.Errorf("a visitor's search after a write made %d queries, want %d (the %d of a repeat, and the vocabulary, hours and groups read again)", n, kept+3, kept)
		}
		pageHas(t, visitor.Get(path).Body, ">Grief and Remembering</option>")

		// Written behind this instance's back, as by another instance: a
		// member's page reads the row, not the visitors' copy.
		raw, err := db.W.DB()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec("UPDATE groups SET name = 'Grief Circle' WHERE slug = 'grief'"); err != nil {
			t.Fatal(err)
		}
		if m := w.as(w.members[0]).Get(path).Body; !strings.Contains(m, ">Grief Circle</option>") {
			t.Errorf("a member's search shows the visitors' copy of the groups")
		}
	})
}
