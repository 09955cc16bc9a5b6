package web_test

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"hearth/pkg/app"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// goodPassword passes the password rules; tests of other rules vary it.
const goodPassword = "kettle orbit lantern"

// countRows counts rows of table matching where (a constant written in the
// test) with args.
func countRows(t *testing.T, db *store.DB, table, where string, args ...any) int64 {
	t.Helper()
	var n int64
	q := db.R.Table(table)
	if where != "" {
		q = q.Where(where, args...)
	}
	if err := q.Count(&n).Error; err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// loggedIn reports whether c's session shows a signed-in member on the home
// page (the account menu offers Log out).
func loggedIn(t *testing.T, c *forumtest.Client) bool {
	t.Helper()
	r := c.Get("/")
	return strings.Contains(r.Body, `action="/logout"`)
}

// newAccountApp is a test app and a client for it.
func newAccountApp(t *testing.T, db *store.DB) (*app.App, *forumtest.Client) {
	t.Helper()
	a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
	return a, forumtest.NewClient(t, a.Web.Handler())
}

// postFrom submits form to path from the client address addr.
func postFrom(c *forumtest.Client, addr, path string, form url.Values) *forumtest.Response {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.RemoteAddr = addr
	return c.Do(req)
}

// crossOriginPost submits form to path as another site's page would.
func crossOriginPost(c *forumtest.Client, path string, form url.Values) *forumtest.Response {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	return c.Do(req)
}

func wantStatus(t *testing.T, r *forumtest.Response, code int) {
	t.Helper()
	if r.StatusCode != code {
		t.Fatalf("status %d, want %d\n%s", r.StatusCode, code, r.Body)
	}
}

func wantRedirect(t *testing.T, r *forumtest.Response, loc string) {
	t.Helper()
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != loc {
		t.Fatalf("got %d to %q, want 303 to %q\n%s", r.StatusCode, r.Header.Get("Location"), loc, r.Body)
	}
}

// forumtestCodeRe matches a recovery code on a page.
var forumtestCodeRe = regexp.MustCompile(`\b[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}\b`)

// htmlEscape is how html/template writes s into a page.
func htmlEscape(s string) string { return template.HTMLEscapeString(s) }
