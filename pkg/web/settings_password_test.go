package web_test

import (
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestChangingPasswordEndsOtherSessions(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		h := a.Web.Handler()
		forumtest.SignUp(t, c, "aspen", goodPassword)
		other := loginWithUA(t, h, "aspen", iphoneUA)

		r := c.PostForm("/settings/password", url.Values{"current_password": {"wrong wrong wrong"}, "password": {"a brand new password"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if !strings.Contains(r.Body, "That isn&#39;t your current password") || !loggedIn(t, other) {
			t.Fatalf("wrong current password:\n%s", r.Body)
		}
		r = c.PostForm("/settings/password", url.Values{"current_password": {goodPassword}, "password": {"1234567890"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if !strings.Contains(r.Body, "most commonly used") {
			t.Fatalf("common new password:\n%s", r.Body)
		}
		// A copy of this browser's cookie (taken by someone else) ends
		// with the password too: the browser gets a new token.
		copied := forumtest.NewClient(t, h)
		old := c.Cookie("hearth_session")
		if old == nil {
			t.Fatal("no session cookie")
		}
		copied.SetCookie(old)
		if !loggedIn(t, copied) {
			t.Fatal("the copied cookie should work before the change")
		}
		wantRedirect(t, c.PostForm("/settings/password", url.Values{"current_password": {goodPassword}, "password": {"a brand new password"}}), "/settings")
		if !loggedIn(t, c) || loggedIn(t, other) || loggedIn(t, copied) {
			t.Fatal("password change must end every session and sign this browser in again with a new token")
		}
		if nw := c.Cookie("hearth_session"); nw == nil || nw.Value == old.Value {
			t.Fatal("the session token was not replaced")
		}
		if n := countRows(t, db, "sessions", "user_id = ?", forumtest.UserID(t, db, "aspen")); n != 1 {
			t.Fatalf("%d sessions after the change, want this browser's new one only", n)
		}
		wantStatus(t, forumtest.NewClient(t, h).PostForm("/login", url.Values{"username": {"aspen"}, "password": {goodPassword}}), http.StatusUnprocessableEntity)
		wantRedirect(t, forumtest.NewClient(t, h).PostForm("/login", url.Values{"username": {"aspen"}, "password": {"a brand new password"}}), "/")
	})
}
