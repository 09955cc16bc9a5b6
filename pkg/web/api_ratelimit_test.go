package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestAPIAndFeedsAreRateLimitedPerClient: with a small limit a client's
// requests to the API and the feeds share one allowance; past it the API
// answers 429 in JSON with Retry-After, the feeds 429 too, while another
// client and the ordinary pages are served.
func TestAPIAndFeedsAreRateLimitedPerClient(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		cfg := forumtest.Config(t)
		cfg.APIRateLimit = 3
		a, logs := forumtest.NewApp(t, db, cfg)
		spec := newAPISpec(t)
		c := forumtest.NewClient(t, a.Web.Handler())
		from := func(addr, path string) *forumtest.Response {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.RemoteAddr = addr
			return c.Do(req)
		}
		for _, path := range []string{"/api/v1/groups", "/feed.atom", "/api/v1/groups/grief/threads"} {
			if r := c.Get(path); r.StatusCode != http.StatusOK {
				t.Fatalf("%s within the limit: %d", path, r.StatusCode)
			}
		}
		r := spec.get(c, "/api/v1/groups/grief/threads")
		if r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") != "20" || apiErrorCode(t, r) != "rate_limited" {
			t.Fatalf("over the limit: %d, Retry-After %q\n%s", r.StatusCode, r.Header.Get("Retry-After"), r.Body)
		}
		if r := c.Get("/g/grief/feed.atom"); r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "" {
			t.Fatalf("feed over the limit: %d", r.StatusCode)
		}
		for range 5 {
			if r := c.Get("/g/grief"); r.StatusCode != http.StatusOK {
				t.Fatalf("a page is limited too: %d", r.StatusCode)
			}
		}
		if r := from("198.51.100.7:5000", "/api/v1/groups"); r.StatusCode != http.StatusOK {
			t.Fatalf("another client: %d", r.StatusCode)
		}
		// Another address in the same IPv6 /64 is the same client.
		for range 3 {
			from("[2001:db8::1]:443", "/feed.atom")
		}
		if r := from("[2001:db8::2]:443", "/feed.atom"); r.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("a neighbour in the same /64: %d", r.StatusCode)
		}
		if strings.Contains(logs.String(), "192.0.2.1") || strings.Contains(logs.String(), "2001:db8") {
			t.Error("the log holds a client address")
		}
	})
}
