package web_test

import (
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestSuspendedAndBannedMembersSeeWhyAndMayLeave(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "bramble", goodPassword)
		uid := forumtest.UserID(t, db, "bramble")
		until := time.Now().UTC().Add(72 * time.Hour).Truncate(time.Second)
		db.W.Exec("UPDATE users SET status = 'suspended', status_until = ?, status_reason = ? WHERE id = ?", until, "Repeated personal attacks", uid)

		// Logging in still works, to read why.
		c = forumtest.NewClient(t, a.Web.Handler())
		wantRedirect(t, c.PostForm("/login", url.Values{"username": {"bramble"}, "password": {goodPassword}}), "/")
		for _, path := range []string{"/", "/g/grief", "/settings", "/settings/password", "/u/bramble", "/signup"} {
			r := c.Get(path)
			wantStatus(t, r, http.StatusForbidden)
			for _, want := range []string{"Your account is suspended", until.Format("2 January 2006 at 15:04 UTC"), "Repeated personal attacks", `href="/settings/export"`, `href="/settings/delete"`, `href="/crisis"`} {
				if !strings.Contains(r.Body, want) {
					t.Fatalf("%s: sanction page lacks %q:\n%s", path, want, r.Body)
				}
			}
		}
		wantStatus(t, c.PostForm("/settings/password", url.Values{"current_password": {goodPassword}, "password": {"a brand new password"}}), http.StatusForbidden)
		wantStatus(t, c.Get("/settings/export"), http.StatusOK)
		wantStatus(t, c.Get("/settings/delete"), http.StatusOK)
		wantStatus(t, c.Get("/crisis"), http.StatusOK)

		// Banned: the same, without an end date.
		db.W.Exec("UPDATE users SET status = 'banned', status_until = NULL, status_reason = ? WHERE id = ?", "Spam", uid)
		r := c.Get("/g/grief")
		wantStatus(t, r, http.StatusForbidden)
		if !strings.Contains(r.Body, "Your account is banned") || !strings.Contains(r.Body, "Spam") {
			t.Fatalf("ban page:\n%s", r.Body)
		}
		// An expired suspension is over.
		db.W.Exec("UPDATE users SET status = 'suspended', status_until = ?, status_reason = '' WHERE id = ?", time.Now().UTC().Add(-time.Hour), uid)
		wantStatus(t, c.Get("/"), http.StatusOK)
		db.W.Exec("UPDATE users SET status = 'banned', status_until = NULL WHERE id = ?", uid)
		wantRedirect(t, c.PostForm("/logout", nil), "/")
		wantStatus(t, c.Get("/"), http.StatusOK)
		// And a banned member may delete their account.
		c2 := forumtest.NewClient(t, a.Web.Handler())
		c2.PostForm("/login", url.Values{"username": {"bramble"}, "password": {goodPassword}})
		wantRedirect(t, c2.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"erase"}, "current_password": {goodPassword}}), "/goodbye")
		if countRows(t, db, "users", "id = ?", uid) != 0 {
			t.Fatal("banned member could not delete their account")
		}
	})
}
