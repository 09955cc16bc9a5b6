package web_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestHomeListsSeededGroups(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		r := c.Get("/")
		if r.StatusCode != http.StatusOK {
			t.Fatalf("status %d", r.StatusCode)
		}
		for _, want := range []string{`href="/g/grief"`, "Grief &amp; Loss", `href="/g/anxiety"`, `href="/g/ptsd"`, "PTSD &amp; Trauma", `href="/g/depression"`, "<h1>Groups</h1>", `href="/crisis"`, "Get help now", "Quick exit", `class="skip-link" href="#main"`} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("home page lacks %q", want)
			}
		}
		if n := strings.Count(r.Body, "<h1"); n != 1 {
			t.Errorf("home page has %d h1 elements", n)
		}
	})
}

func TestGroupPageEmptyStateAndThreads(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		r := c.Get("/g/anxiety")
		if r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "No one has started a thread here yet") || !strings.Contains(r.Body, "Group guidelines") {
			t.Fatalf("empty group page: %d\n%s", r.StatusCode, r.Body)
		}
		uid := forumtest.InsertUser(t, db, "willow", "member")
		now := time.Now()
		forumtest.InsertThread(t, db, "anxiety", uid, "Older thread", nil, now.Add(-2*time.Hour))
		forumtest.InsertThread(t, db, "anxiety", uid, "Newer thread", []string{"self-harm"}, now.Add(-time.Hour))
		r = c.Get("/g/anxiety")
		older, newer := strings.Index(r.Body, "Older thread"), strings.Index(r.Body, "Newer thread")
		if older < 0 || newer < 0 || newer > older {
			t.Fatalf("threads not listed newest first:\n%s", r.Body)
		}
		if !strings.Contains(r.Body, "Self-harm") || strings.Contains(r.Body, "Opening post of") {
			t.Fatalf("tagged thread must show its tag and no excerpt")
		}
	})
}

func TestGroupPagination(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		uid := forumtest.InsertUser(t, db, "rowan", "member")
		start := time.Now().Add(-100 * time.Hour)
		for i := range 35 {
			forumtest.InsertThread(t, db, "grief", uid, fmt.Sprintf("Thread number %02d", i), nil, start.Add(time.Duration(i)*time.Minute))
		}
		seen := map[string]bool{}
		next := regexp.MustCompile(`<a rel="next" href="([^"]+)"`)
		title := regexp.MustCompile(`Thread number \d\d`)
		path := "/g/grief"
		for pages := 0; path != ""; pages++ {
			if pages > 3 {
				t.Fatal("pagination does not end")
			}
			r := c.Get(path)
			for _, m := range title.FindAllString(r.Body, -1) {
				if seen[m] {
					t.Fatalf("%s shown twice", m)
				}
				seen[m] = true
			}
			path = ""
			if m := next.FindStringSubmatch(r.Body); m != nil {
				path = strings.ReplaceAll(m[1], "&amp;", "&")
			}
		}
		if len(seen) != 35 {
			t.Fatalf("saw %d of 35 threads", len(seen))
		}
		if r := c.Get("/g/grief?after=garbage"); r.StatusCode != http.StatusNotFound {
			t.Fatalf("bad cursor gave %d", r.StatusCode)
		}
	})
}

func TestUnknownGroupIsStyled404(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		r := forumtest.NewClient(t, a.Web.Handler()).Get("/g/no-such-group")
		if r.StatusCode != http.StatusNotFound || !strings.Contains(r.Body, "We couldn&#39;t find that page") || !strings.Contains(r.Body, "Get help now") {
			t.Fatalf("404 page: %d\n%s", r.StatusCode, r.Body)
		}
	})
}

func TestPanicBecomes500WithRequestID(t *testing.T) {
	db := forumtest.NewSQLite(t)
	a, logs := forumtest.NewApp(t, db, forumtest.Config(t))
	a.Web.Echo().GET("/boom", func(echo.Context) error { panic("secret internal detail") })
	r := forumtest.NewClient(t, a.Web.Handler()).Get("/boom")
	if r.StatusCode != http.StatusInternalServerError {
		t.Fatalf("status %d", r.StatusCode)
	}
	id := r.Header.Get("X-Request-Id")
	if id == "" || !strings.Contains(r.Body, id) {
		t.Fatalf("500 page does not show request id %q", id)
	}
	if strings.Contains(r.Body, "secret internal detail") || strings.Contains(r.Body, "goroutine") {
		t.Fatal("500 page leaks internals")
	}
	if !strings.Contains(logs.String(), "secret internal detail") || !strings.Contains(logs.String(), id) {
		t.Fatal("panic not logged with its request id")
	}
}

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

func TestStaticAssetsAreVersionedAndCached(t *testing.T) {
	db := forumtest.NewSQLite(t)
	a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
	c := forumtest.NewClient(t, a.Web.Handler())
	home := c.Get("/")
	m := regexp.MustCompile(`href="(/static/[0-9a-f]+/css/hearth.css)"`).FindStringSubmatch(home.Body)
	if m == nil {
		t.Fatal("no versioned stylesheet link")
	}
	r := c.Get(m[1])
	if r.StatusCode != http.StatusOK || !strings.Contains(r.Header.Get("Cache-Control"), "immutable") || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("stylesheet: %d %v", r.StatusCode, r.Header)
	}
	if r := c.Get("/static/0000000000/css/hearth.css"); strings.Contains(r.Header.Get("Cache-Control"), "immutable") {
		t.Fatal("stale version must not be cached for a year")
	}
	if r := c.Get("/static/x/nope.css"); r.StatusCode != http.StatusNotFound {
		t.Fatalf("missing static file: %d", r.StatusCode)
	}
}

func TestHealthReadyAndMetrics(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		if r := c.Get("/healthz"); r.StatusCode != 200 {
			t.Fatalf("healthz %d", r.StatusCode)
		}
		if r := c.Get("/readyz"); r.StatusCode != 200 {
			t.Fatalf("readyz %d", r.StatusCode)
		}
		c.Get("/g/grief")
		r := c.Get("/metrics")
		for _, want := range []string{`hearth_http_requests_total{method="GET",route="/g/:slug",status="200"} 1`, "hearth_http_request_duration_seconds_bucket", "go_sql_open_connections", "hearth_build_info"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("metrics lack %q", want)
			}
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if r := c.Get("/readyz"); r.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("readyz with closed database: %d", r.StatusCode)
		}
		if r := c.Get("/healthz"); r.StatusCode != 200 {
			t.Fatalf("healthz must not depend on the database: %d", r.StatusCode)
		}
	})
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

// TestShutdownLetsInFlightRequestFinish starts the real server, begins a slow
// request, asks the server to stop, and checks the request still completes.
func TestShutdownLetsInFlightRequestFinish(t *testing.T) {
	db := forumtest.NewSQLite(t)
	a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
	started := make(chan struct{})
	a.Web.Echo().GET("/slow", func(c echo.Context) error {
		close(started)
		time.Sleep(300 * time.Millisecond)
		return c.String(http.StatusOK, "finished")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- a.Web.Serve(ctx, ln) }()

	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		got <- result{string(b), err}
	}()
	<-started
	stop()
	r := <-got
	if r.err != nil || r.body != "finished" {
		t.Fatalf("in-flight request: %q, %v", r.body, r.err)
	}
	if err := <-served; err != nil {
		t.Fatalf("serve returned %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Fatal("server still accepting after shutdown")
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
