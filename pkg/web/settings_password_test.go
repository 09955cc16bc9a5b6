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
		wantRedirect(t, c.PostForm("/settings/password", url.Values{"current_password": {goodPassword}, "password": {"a brand new password"}}), "/settings")
		if !loggedIn(t, c) || loggedIn(t, other) {
			t.Fatal("password change must keep this session and end the others")
		}
		wantStatus(t, forumtest.NewClient(t, h).PostForm("/login", url.Values{"username": {"aspen"}, "password": {goodPassword}}), http.StatusUnprocessableEntity)
		wantRedirect(t, forumtest.NewClient(t, h).PostForm("/login", url.Values{"username": {"aspen"}, "password": {"a brand new password"}}), "/")
	})
}
