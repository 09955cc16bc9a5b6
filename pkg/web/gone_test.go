package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"hearth/migrations"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// tablesHolding lists the tables with a text or tsvector column holding
// word, read through SQL: every column of every table in the schema.
func tablesHolding(t *testing.T, db *store.DB, word string) []string {
	t.Helper()
	type col struct{ Table, Column string }
	var cols []col
	q := `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
		WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'tsvector', 'jsonb', 'json')`
	if db.Dialect == migrations.SQLite {
		q = `SELECT m.name AS "table", c.name AS "column" FROM sqlite_master m JOIN pragma_table_info(m.name) c
			WHERE m.type = 'table' AND m.name NOT LIKE 'post_search_%' AND m.name NOT LIKE 'title_search_%' AND (c.type = 'TEXT' OR c.type = '')`
	}
	if err := db.R.Raw(q).Scan(&cols).Error; err != nil || len(cols) == 0 {
		t.Fatalf("columns: %d, %v", len(cols), err)
	}
	var found []string
	for _, c := range cols {
		var n int64
		// Names come from the database's own catalogue.
		if err := db.R.Raw(`SELECT count(*) FROM "`+c.Table+`" WHERE CAST("`+c.Column+`" AS TEXT) LIKE ?`, "%"+word+"%").Scan(&n).Error; err != nil {
			t.Fatalf("%s.%s: %v", c.Table, c.Column, err)
		}
		if n > 0 {
			found = append(found, c.Table+"."+c.Column)
		}
	}
	return found
}

// TestRedactedAndErasedWordsLeaveEveryTable: after a redaction and after
// an account deletion that erases its posts, no column of any table (the
// posts, their revisions, notifications, exports' sources, and on
// PostgreSQL the search index's tsvector, whose lexemes the words stem
// to) holds the words, read by SQL; the same transaction did it, since
// the search index is kept by triggers on the rows.
func TestRedactedAndErasedWordsLeaveEveryTable(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		author := newPoster(t, a, db, "aspen", "member")
		mod := newPoster(t, a, db, "heron", "admin")
		tid := author.startThread("grief", "A thread", "Opening words.")
		id, _ := author.reply(tid, 0, "My address is zanzibarquokka street.")
		wantStatus(t, author.c.PostForm("/p/"+idStr(id)+"/edit", url.Values{"body": {"My address is zanzibarquokka avenue."}, "version": {"1"}}), http.StatusSeeOther)
		if got := tablesHolding(t, db, "zanzibarquokka"); len(got) < 2 {
			t.Fatalf("fixture: the words are in %v, want the post and its revision at least", got)
		}
		wantStatus(t, mod.c.PostForm("/p/"+idStr(id)+"/redact", url.Values{"reason": {"Shares personal information"}, "confirm": {"yes"}}), http.StatusSeeOther)
		if got := tablesHolding(t, db, "zanzibarquokka"); len(got) > 0 {
			t.Fatalf("after redaction the words are still in %v", got)
		}

		leaver := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, leaver, "rowan", goodPassword)
		replyTo(t, leaver, tid, 0, "Meet me at the xylophonewombat cafe.")
		if got := tablesHolding(t, db, "xylophonewomb"); len(got) == 0 {
			t.Fatal("fixture: the words are nowhere")
		}
		wantRedirect(t, leaver.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"erase"}, "current_password": {goodPassword}}), "/goodbye")
		if got := tablesHolding(t, db, "xylophonewomb"); len(got) > 0 {
			t.Fatalf("after erasure the words are still in %v", got)
		}
	})
}
