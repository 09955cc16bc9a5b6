package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/app"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
)

// formTypes are the Content-Type headers a fuzzed form body is sent with.
var formTypes = []string{
	"application/x-www-form-urlencoded",
	"multipart/form-data; boundary=xYz",
	"multipart/form-data",
	"text/plain",
	"application/x-www-form-urlencoded; charset=utf-16",
}

// formSeeds are the fuzzer's first inputs: a content type (an index into
// formTypes) and a body.
var formSeeds = []struct {
	kind uint8
	body string
}{
	{0, "title=Hello&body=Some+**bold**+words&trigger_warnings=suicide"},
	{0, "body=%00%00&title=%ff%fe%fd"},
	{0, "body=a\x00b&body=second"},
	{0, "body=%zz&body=%&title=%E2%80%8B"},
	{0, "body=one;two=three&title=semicolons"},
	{0, "body=%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E"},
	{0, "body=%5Bx%5D(javascript%3Aalert(1))&trigger_warnings=%00&trigger_warnings=nope"},
	{0, "body=I+can%27t+do+this+anymore.+I%27m+going+to+kill+myself+tonight."},
	{0, "body=" + strings.Repeat("%C3%A9", 2000)},
	{0, "body=" + strings.Repeat("%3E", 200) + "a"},
	{0, "=&==&&body&body=%2B%20+"},
	{0, "body=\xff\xfe&title=zero%E2%80%8Bwidth"},
	{1, "--xYz\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhello <script>x</script>\r\n--xYz--\r\n"},
	{1, "--xYz\r\nContent-Disposition: form-data; name=\"body\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfile\r\n--xYz--\r\n"},
	{1, "--xYz\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nunterminated"},
	{2, "--\r\n\r\n"},
	{3, "body=plain+text+is+not+a+form"},
	{4, "body=\x00h\x00i"},
}

// FuzzFormDecoding posts arbitrary bodies, under several content types, to
// the composer's preview through the whole Echo stack (session, body limit,
// cross-origin check, form decoding, Markdown, crisis screening, template):
//
//	go test -run '^$' -fuzz '^FuzzFormDecoding$' ./pkg/web
//
// Invariants: the answer is always the preview fragment (200) or, over the
// body limit, 413, never an error page; no script survives; and a URL-encoded
// body is decoded exactly as net/url decodes it (first value of a repeated
// field, lenient after a malformed pair), so the fragment holds the preview
// of that draft. On PostgreSQL too when HEARTH_TEST_DATABASE_URL is set.
func FuzzFormDecoding(f *testing.F) {
	for _, s := range formSeeds {
		f.Add(s.kind, s.body)
	}

	type target struct {
		name   string
		a      *app.App
		cookie *http.Cookie
	}
	var targets []target
	add := func(name string, a *app.App) {
		c := forumtest.NewClient(f, a.Web.Handler())
		forumtest.LoginAs(f, a, c, forumtest.InsertUser(f, a.DB, "fuzzer", "member"))
		targets = append(targets, target{name, a, c.Cookie("hearth_session")})
	}
	sqlite, _ := forumtest.NewApp(f, forumtest.NewSQLite(f), forumtest.Config(f))
	add("sqlite", sqlite)
	if forumtest.PostgresURL() != "" {
		pg, _ := forumtest.NewApp(f, forumtest.NewPostgres(f), forumtest.Config(f))
		add("postgres", pg)
	}
	if targets[0].cookie == nil {
		f.Fatal("no session cookie after LoginAs")
	}

	f.Fuzz(func(t *testing.T, kind uint8, body string) {
		ctype := formTypes[int(kind)%len(formTypes)]
		for _, tg := range targets {
			c := forumtest.NewClient(t, tg.a.Web.Handler())
			c.SetCookie(tg.cookie)
			req := httptest.NewRequest(http.MethodPost, "/preview", strings.NewReader(body))
			req.Header.Set("Content-Type", ctype)
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			r := c.Do(req)
			if int64(len(body)) > tg.a.Config.MaxBodyBytes {
				if r.StatusCode != http.StatusRequestEntityTooLarge {
					t.Fatalf("%s: %d-byte body answered %d, want 413", tg.name, len(body), r.StatusCode)
				}
				continue
			}
			if r.StatusCode != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
				t.Fatalf("%s: %s %q answered %d %s:\n%.400s", tg.name, ctype, body, r.StatusCode, r.Header.Get("Content-Type"), r.Body)
			}
			if strings.Contains(strings.ToLower(r.Body), "<script") {
				t.Fatalf("%s: a script survived into the preview of %q:\n%.400s", tg.name, body, r.Body)
			}
			if ctype != formTypes[0] {
				continue
			}
			vals, _ := url.ParseQuery(body) // malformed pairs are skipped, as net/http does
			want, err := tg.a.Forum.Preview(forum.Draft{Title: vals.Get("title"), Body: vals.Get("body")})
			if err == nil && want.HTML != "" && !strings.Contains(r.Body, string(want.HTML)) {
				t.Fatalf("%s: the preview of %q is not the draft net/url decodes:\nwant %.300s\ngot  %.400s", tg.name, body, want.HTML, r.Body)
			}
		}
	})
}
