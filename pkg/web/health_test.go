package web_test

import (
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"net/http"
	"strings"
	"testing"
)

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
