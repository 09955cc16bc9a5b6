package web_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"hearth/migrations"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// memberRows counts, per table, the rows that belong to the account uid:
// its credentials and every setting it made.
func memberRows(t *testing.T, db *store.DB, uid int64) map[string]int64 {
	t.Helper()
	return map[string]int64{
		"users":          countRows(t, db, "users", "id = ? AND totp_secret <> ''", uid),
		"sessions":       countRows(t, db, "sessions", "user_id = ?", uid),
		"recovery_codes": countRows(t, db, "recovery_codes", "user_id = ?", uid),
		"tag_prefs":      countRows(t, db, "tag_prefs", "user_id = ?", uid),
		"subscriptions":  countRows(t, db, "subscriptions", "user_id = ?", uid),
		"notifications":  countRows(t, db, "notifications", "user_id = ?", uid),
		"blocks":         countRows(t, db, "blocks", "blocker_id = ?", uid),
		"breaks":         countRows(t, db, "breaks", "user_id = ?", uid),
	}
}

// TestDeleteAccountRemovesSettingsInOneTransaction sets up a member with a
// two-factor secret and one row of every setting, then deletes the account:
// a deletion that fails at its last statement leaves everything as it was,
// and one that succeeds leaves nothing behind, on either dialect.
func TestDeleteAccountRemovesSettingsInOneTransaction(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "foxglove", goodPassword)
		uid := forumtest.UserID(t, db, "foxglove")
		other := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, other, "robin", goodPassword)
		th := startThread(t, c, "grief", "Holding on", "Some days are heavy.")
		replyTo(t, other, th, 0, "I hear you.")
		wantRedirect(t, c.PostForm("/settings/country", url.Values{"country": {"GB"}}), "/settings")
		wantRedirect(t, c.PostForm("/settings/totp/start", nil), "/settings/totp")
		db.W.Exec("INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'self-harm', 'hide', ?)", uid, time.Now().UTC())
		wantStatus(t, c.PostForm("/u/robin/block", nil), http.StatusSeeOther)
		wantStatus(t, c.PostForm("/settings/breaks", url.Values{"scope": {"posting"}, "days": {"7"}}), http.StatusSeeOther)
		for table, n := range memberRows(t, db, uid) {
			if n == 0 {
				t.Fatalf("the fixture made no %s row for the member", table)
			}
		}

		// The user row is deleted last: refusing that one statement must
		// undo every step before it.
		refuse := []string{`CREATE TRIGGER refuse_user_delete BEFORE DELETE ON users BEGIN SELECT RAISE(ABORT, 'refused by test'); END`}
		undo := []string{`DROP TRIGGER refuse_user_delete`}
		if db.Dialect == migrations.Postgres {
			refuse = []string{
				`CREATE FUNCTION refuse_user_delete() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`,
				`CREATE TRIGGER refuse_user_delete BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION refuse_user_delete()`,
			}
			undo = []string{`DROP TRIGGER refuse_user_delete ON users`, `DROP FUNCTION refuse_user_delete()`}
		}
		for _, q := range refuse {
			if err := db.W.Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}
		before := memberRows(t, db, uid)
		if r := c.PostForm("/settings/delete", url.Values{"mode": {"erase"}, "current_password": {goodPassword}}); r.StatusCode != http.StatusInternalServerError {
			t.Fatalf("deletion with the last statement refused: %d", r.StatusCode)
		}
		after := memberRows(t, db, uid)
		for table, n := range before {
			if after[table] != n {
				t.Errorf("a failed deletion changed %s: %d rows, then %d", table, n, after[table])
			}
		}
		if countRows(t, db, "posts", "body_md = ?", "Some days are heavy.") != 1 || !loggedIn(t, c) {
			t.Fatal("a failed deletion erased words or ended the session")
		}
		for _, q := range undo {
			if err := db.W.Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}

		wantRedirect(t, c.PostForm("/settings/delete", url.Values{"mode": {"anonymise"}, "current_password": {goodPassword}}), "/goodbye")
		if countRows(t, db, "users", "id = ?", uid) != 0 {
			t.Fatal("user row not deleted")
		}
		for table, n := range memberRows(t, db, uid) {
			if n != 0 {
				t.Errorf("%d %s rows of the deleted member remain", n, table)
			}
		}
		if !loggedIn(t, other) || countRows(t, db, "users", "username = ?", "robin") != 1 {
			t.Fatal("deleting one account touched another")
		}
	})
}
