package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestRecoverWithACodeSetsPasswordAndEndsSessions(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		codes := forumtest.SignUp(t, c, "fern", goodPassword)
		elsewhere := forumtest.NewClient(t, a.Web.Handler())
		wantRedirect(t, elsewhere.PostForm("/login", url.Values{"username": {"fern"}, "password": {goodPassword}}), "/")

		visitor := forumtest.NewClient(t, a.Web.Handler())
		if r := visitor.Get("/recover"); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, `<label for="code">Recovery code</label>`) {
			t.Fatalf("recover page: %d\n%s", r.StatusCode, r.Body)
		}
		// Typed the way people copy from paper: capitals and spaces.
		typed := strings.ToUpper(strings.ReplaceAll(codes[3], "-", " "))
		r := visitor.PostForm("/recover", url.Values{"username": {"Fern"}, "code": {typed}, "password": {"a brand new password"}})
		wantRedirect(t, r, "/settings")
		if f := visitor.Follow(r); !strings.Contains(f.Body, "You have 9 recovery codes left") {
			t.Fatalf("after recovery:\n%s", f.Body)
		}
		if !loggedIn(t, visitor) {
			t.Fatal("not signed in after recovery")
		}
		if loggedIn(t, c) || loggedIn(t, elsewhere) {
			t.Fatal("recovery left other sessions signed in")
		}
		// The old password is gone, the new one works.
		wantStatus(t, forumtest.NewClient(t, a.Web.Handler()).PostForm("/login", url.Values{"username": {"fern"}, "password": {goodPassword}}), http.StatusUnprocessableEntity)
		wantRedirect(t, forumtest.NewClient(t, a.Web.Handler()).PostForm("/login", url.Values{"username": {"fern"}, "password": {"a brand new password"}}), "/")
		// The code is spent.
		r = forumtest.NewClient(t, a.Web.Handler()).PostForm("/recover", url.Values{"username": {"fern"}, "code": {codes[3]}, "password": {"yet another new password"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if !strings.Contains(r.Body, "don&#39;t match, or the code was already used") {
			t.Fatalf("reused code:\n%s", r.Body)
		}
		if countRows(t, db, "recovery_codes", "used_at IS NOT NULL") != 1 {
			t.Fatal("exactly one code should be spent")
		}
	})
}

func TestRecoverRefusals(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		codes := forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "clover", goodPassword)
		var before string
		db.R.Raw("SELECT password_hash FROM users WHERE username = ?", "clover").Row().Scan(&before)

		wrongCode := c.PostForm("/recover", url.Values{"username": {"clover"}, "code": {"2222-3333-4444"}, "password": {"a brand new password"}})
		unknownName := c.PostForm("/recover", url.Values{"username": {"nobody_at_all"}, "code": {codes[0]}, "password": {"a brand new password"}})
		wantStatus(t, wrongCode, http.StatusUnprocessableEntity)
		wantStatus(t, unknownName, http.StatusUnprocessableEntity)
		for _, r := range []*forumtest.Response{wrongCode, unknownName} {
			if !strings.Contains(r.Body, "That pseudonym and recovery code don&#39;t match") {
				t.Fatalf("refusal:\n%s", r.Body)
			}
		}
		r := c.PostForm("/recover", url.Values{"username": {" "}, "code": {""}, "password": {"short"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		for _, want := range []string{"Please enter your pseudonym.", "Please enter one of your recovery codes.", "at least 10 characters"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("empty recovery lacks %q", want)
			}
		}
		// The new password is checked like any other: a valid code with a
		// weak password changes nothing and spends nothing.
		r = c.PostForm("/recover", url.Values{"username": {"clover"}, "code": {codes[0]}, "password": {"1234567890"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		var after string
		db.R.Raw("SELECT password_hash FROM users WHERE username = ?", "clover").Row().Scan(&after)
		if after != before || countRows(t, db, "recovery_codes", "used_at IS NOT NULL") != 0 {
			t.Fatal("a refused recovery changed something")
		}
	})
}
