package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestRecoveryCodesDownload: the page that shows new recovery codes (after
// signup, and after making a fresh set) offers them as a text file through
// a POST carrying the codes, with a print stylesheet beside it. The file is
// an attachment nothing may store, and holds only codes that are still the
// member's own and unused: a replaced set, another member's codes, forged
// text and a visitor get nothing.
func TestRecoveryCodesDownload(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		r := c.PostForm("/signup", url.Values{"username": {"yarrow"}, "password": {goodPassword}, "age_confirmed": {"yes"}})
		wantStatus(t, r, http.StatusOK)
		codes := forumtest.RecoveryCodes(r.Body)
		if len(codes) != 10 {
			t.Fatalf("%d codes on the signup page", len(codes))
		}
		pageHas(t, r.Body, `<form class="actions-row" method="post" action="/settings/recovery-codes/download">`,
			`<input type="hidden" name="code" value="`+codes[0]+`">`, "Download as a text file", "use your browser&#39;s Print command",
			`class="no-print"`, `class="print-only"`)
		if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
			t.Fatalf("the codes page may be stored: Cache-Control %q", cc)
		}

		download := func(c *forumtest.Client, codes ...string) *forumtest.Response {
			return c.PostForm("/settings/recovery-codes/download", url.Values{"code": codes})
		}
		r = download(c, codes...)
		wantStatus(t, r, http.StatusOK)
		if ct, cd, cc := r.Header.Get("Content-Type"), r.Header.Get("Content-Disposition"), r.Header.Get("Cache-Control"); ct != "text/plain; charset=utf-8" ||
			cd != `attachment; filename="hearth-recovery-codes.txt"` || cc != "no-store" {
			t.Fatalf("download headers: Content-Type %q, Content-Disposition %q, Cache-Control %q", ct, cd, cc)
		}
		if !strings.HasPrefix(r.Body, "Hearth recovery codes for yarrow\n") || !strings.Contains(r.Body, "/recover\n") || strings.Contains(r.Body, "<") {
			t.Fatalf("file:\n%s", r.Body)
		}
		for i, code := range codes {
			if !strings.Contains(r.Body, code+"\n") {
				t.Fatalf("code %d missing from the file:\n%s", i+1, r.Body)
			}
		}

		// Only genuine, unused codes come back, once each and nothing else:
		// typed differently they are the same codes, in their usual form.
		r = download(c, strings.ToUpper(codes[1]), codes[1], "<script>alert(1)</script>", "2222-2222-2222")
		wantStatus(t, r, http.StatusOK)
		if got := forumtest.RecoveryCodes(r.Body); len(got) != 1 || got[0] != codes[1] || strings.Contains(r.Body, "script") || strings.Contains(r.Body, "2222") {
			t.Fatalf("a forged or repeated code came back:\n%s", r.Body)
		}

		// A spent code is no longer offered.
		v := forumtest.NewClient(t, a.Web.Handler())
		wantRedirect(t, v.PostForm("/recover", url.Values{"username": {"yarrow"}, "code": {codes[0]}, "password": {"a brand new password"}}), "/settings")
		r = download(v, codes...)
		wantStatus(t, r, http.StatusOK)
		if got := forumtest.RecoveryCodes(r.Body); len(got) != 9 || strings.Contains(r.Body, codes[0]) {
			t.Fatalf("after spending one code the file holds %d codes:\n%s", len(got), r.Body)
		}

		// After a fresh set, the old codes are refused with a way on.
		r = v.PostForm("/settings/recovery-codes", url.Values{"current_password": {"a brand new password"}})
		wantStatus(t, r, http.StatusOK)
		fresh := forumtest.RecoveryCodes(r.Body)
		pageHas(t, r.Body, `action="/settings/recovery-codes/download"`, `value="`+fresh[9]+`"`)
		wantRedirect(t, download(v, codes...), "/settings/recovery-codes")
		pageHas(t, v.Get("/settings/recovery-codes").Body, "can no longer be saved")
		if got := forumtest.RecoveryCodes(download(v, fresh...).Body); len(got) != 10 {
			t.Fatalf("the fresh set's file holds %d codes", len(got))
		}

		// Another member cannot have someone else's codes echoed back, and
		// a visitor is sent to log in.
		other := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, other, "sorrel", goodPassword)
		wantRedirect(t, download(other, fresh...), "/settings/recovery-codes")
		visitor := forumtest.NewClient(t, a.Web.Handler())
		if r := download(visitor, fresh...); r.StatusCode == http.StatusOK || strings.Contains(r.Body, fresh[0]) {
			t.Fatalf("a visitor got the codes: %d", r.StatusCode)
		}
		// There is no way to ask for them in a URL.
		if r := v.Get("/settings/recovery-codes/download?code=" + fresh[0]); r.StatusCode == http.StatusOK {
			t.Fatalf("GET download answered 200")
		}
	})
}
