package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestSecurityHeaders(t *testing.T) {
	db := forumtest.NewSQLite(t)
	cfg := forumtest.Config(t)
	cfg.BaseURL, _ = url.Parse("https://hearth.example.org")
	a, _ := forumtest.NewApp(t, db, cfg)
	c := forumtest.NewClient(t, a.Web.Handler())
	for _, path := range []string{"/", "/g/grief", "/g/missing"} {
		r := c.Get(path)
		want := map[string]string{
			"Content-Security-Policy":   "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
			"X-Content-Type-Options":    "nosniff",
			"Referrer-Policy":           "same-origin",
			"Cache-Control":             "no-store",
			"Strict-Transport-Security": "max-age=",
		}
		for h, v := range want {
			if !strings.Contains(r.Header.Get(h), v) {
				t.Errorf("%s: header %s = %q, want %q", path, h, r.Header.Get(h), v)
			}
		}
	}
	// No third-party request from any page: every src/href on the page is
	// local or a plain outbound link.
	r := c.Get("/")
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(r.Body, -1) {
		if strings.HasPrefix(m[1], "http") && !strings.Contains(m[0], "href") {
			t.Errorf("third-party resource %s", m[1])
		}
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	db := forumtest.NewSQLite(t)
	a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
	hits := 0
	a.Web.Echo().POST("/probe", func(c echo.Context) error { hits++; return c.NoContent(http.StatusNoContent) })
	c := forumtest.NewClient(t, a.Web.Handler())
	req, _ := http.NewRequest(http.MethodPost, "http://example.com/probe", strings.NewReader("x=1"))
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r := c.Do(req); r.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: %d", r.StatusCode)
	}
	req, _ = http.NewRequest(http.MethodPost, "http://example.com/probe", strings.NewReader("x=1"))
	req.Header.Set("Origin", "https://evil.example")
	if r := c.Do(req); r.StatusCode != http.StatusForbidden {
		t.Fatalf("foreign Origin POST: %d", r.StatusCode)
	}
	if hits != 0 {
		t.Fatal("refused request reached the handler")
	}
	// Scripts without browser headers are served like same-origin requests.
	req, _ = http.NewRequest(http.MethodPost, "http://example.com/probe", strings.NewReader("x=1"))
	if r := c.Do(req); r.StatusCode != http.StatusNoContent || hits != 1 {
		t.Fatalf("header-less POST: %d", r.StatusCode)
	}
}

func TestAccessLogHasNoAddress(t *testing.T) {
	db := forumtest.NewSQLite(t)
	a, logs := forumtest.NewApp(t, db, forumtest.Config(t))
	req, _ := http.NewRequest(http.MethodGet, "/g/grief?q=private+words", nil)
	req.RemoteAddr = "203.0.113.77:5555"
	req.Header.Set("X-Forwarded-For", "198.51.100.9")
	forumtest.NewClient(t, a.Web.Handler()).Do(req)
	out := logs.String()
	if !strings.Contains(out, "route=/g/:slug") {
		t.Fatalf("no access log line: %s", out)
	}
	for _, bad := range []string{"203.0.113.77", "198.51.100.9", "private"} {
		if strings.Contains(out, bad) {
			t.Fatalf("log contains %q: %s", bad, out)
		}
	}
}

func TestBodyLimit(t *testing.T) {
	db := forumtest.NewSQLite(t)
	cfg := forumtest.Config(t)
	cfg.MaxBodyBytes = 64 << 10
	a, _ := forumtest.NewApp(t, db, cfg)
	a.Web.Echo().POST("/probe", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })
	req, _ := http.NewRequest(http.MethodPost, "/probe", strings.NewReader(strings.Repeat("a", 65<<10)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r := forumtest.NewClient(t, a.Web.Handler()).Do(req)
	if r.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(r.Body, "too much to send") {
		t.Fatalf("oversized body: %d", r.StatusCode)
	}
}

func TestHeadIsServed(t *testing.T) {
	db := forumtest.NewSQLite(t)
	a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
	srv := httptestServer(t, a.Web.Handler())
	res, err := http.Head(srv + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("HEAD /healthz: %d", res.StatusCode)
	}
}

func TestCrossOriginAccountPostsAreRefused(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		r := crossOriginPost(c, "/signup", url.Values{"username": {"lured_in"}, "password": {goodPassword}})
		wantStatus(t, r, http.StatusForbidden)
		if countRows(t, db, "users", "") != 0 {
			t.Fatal("cross-origin signup created an account")
		}
		forumtest.SignUp(t, c, "tansy", goodPassword)
		uid := forumtest.UserID(t, db, "tansy")
		var hash string
		db.R.Raw("SELECT password_hash FROM users WHERE id = ?", uid).Row().Scan(&hash)
		for path, form := range map[string]url.Values{
			"/settings/delete":              {"confirm": {"yes"}, "mode": {"erase"}, "current_password": {goodPassword}},
			"/settings/password":            {"current_password": {goodPassword}, "password": {"attacker chosen password"}},
			"/settings/recovery-codes":      {"current_password": {goodPassword}},
			"/settings/sessions/end-others": nil,
			"/settings/country":             {"country": {"US"}},
			"/settings/totp/start":          nil,
			"/logout":                       nil,
			"/login":                        {"username": {"tansy"}, "password": {goodPassword}},
			"/recover":                      {"username": {"tansy"}, "code": {"2222-3333-4444"}, "password": {"attacker chosen password"}},
			"/admin/people/1/role":          {"role": {"moderator"}, "scope": {"site"}, "reason": {"x"}},
		} {
			if r := crossOriginPost(c, path, form); r.StatusCode != http.StatusForbidden {
				t.Errorf("cross-origin POST %s: %d", path, r.StatusCode)
			}
		}
		var after, country string
		var totp string
		db.R.Raw("SELECT password_hash, country, totp_secret FROM users WHERE id = ?", uid).Row().Scan(&after, &country, &totp)
		if after != hash || country != "" || totp != "" || countRows(t, db, "recovery_codes", "user_id = ?", uid) != 10 || !loggedIn(t, c) {
			t.Fatal("a refused cross-origin request changed something")
		}
		_ = a
	})
}
