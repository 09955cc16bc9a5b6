package web_test

import (
	"html/template"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
)

// Assertions on pages and responses.

// pageHas fails the test for each want missing from body, showing the
// page's main content once.
func pageHas(t *testing.T, body string, wants ...string) {
	t.Helper()
	missing := false
	for _, w := range wants {
		if !strings.Contains(unisolated(body, w), w) {
			t.Errorf("page lacks %q", w)
			missing = true
		}
	}
	if missing {
		t.Logf("the page:\n%s", snippet(body))
	}
}

// isolation is the markup and characters that isolate members' names and
// titles (pkg/web/bidi.go).
var isolation = strings.NewReplacer("<bdi>", "", "</bdi>", "", "\u2068", "", "\u2069", "")

// unisolated is body without bidi isolation, so that a test of what a page
// says need not spell out where names and titles are isolated; when want
// spells it out itself, body is compared as it is (TestBidiIsolation).
func unisolated(body, want string) string {
	if strings.Contains(want, "<bdi>") || strings.ContainsAny(want, "\u2068\u2069") {
		return body
	}
	return isolation.Replace(body)
}

// pageLacks fails the test for each unwanted string body holds.
func pageLacks(t *testing.T, body string, unwanted ...string) {
	t.Helper()
	for _, s := range unwanted {
		if strings.Contains(unisolated(body, s), s) {
			t.Errorf("page must not contain %q", s)
		}
	}
}

// snippet is the main content of a page, for failure messages.
func snippet(body string) string {
	if i := strings.Index(body, `<main`); i >= 0 {
		body = body[i:]
	}
	if len(body) > 3000 {
		body = body[:3000]
	}
	return body
}

// wantStatus stops the test unless r has status code.
func wantStatus(t *testing.T, r *forumtest.Response, code int) {
	t.Helper()
	if r.StatusCode != code {
		t.Fatalf("status %d, want %d\n%s", r.StatusCode, code, snippet(r.Body))
	}
}

// wantRedirect stops the test unless r is a 303 to exactly loc.
func wantRedirect(t *testing.T, r *forumtest.Response, loc string) {
	t.Helper()
	if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != loc {
		t.Fatalf("got %d to %q, want 303 to %q\n%s", r.StatusCode, r.Header.Get("Location"), loc, snippet(r.Body))
	}
}

// idIn is the number the first group of pattern finds in s.
func idIn(t *testing.T, s, pattern string) int64 {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("%q does not match %s", s, pattern)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// idStr is an id as it appears in paths and pages.
func idStr(n int64) string { return strconv.FormatInt(n, 10) }

// noFragment drops the #fragment a browser would keep to itself.
func noFragment(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		return u[:i]
	}
	return u
}

// htmlEscape is how html/template writes s into a page.
func htmlEscape(s string) string { return template.HTMLEscapeString(s) }

// recoveryCodeRe matches a recovery code on a page.
var recoveryCodeRe = regexp.MustCompile(`\b[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}\b`)
