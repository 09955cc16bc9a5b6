package web_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestMetricsMethodLabelBounded sends requests with made-up methods: each
// counts under method="other", so they cannot grow /metrics.
func TestMetricsMethodLabelBounded(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		before := len(c.Get("/metrics").Body)
		for i := range 200 {
			c.Do(httptest.NewRequest(fmt.Sprintf("MADEUP%04d", i), "/", nil))
		}
		c.Do(httptest.NewRequest("DELETE", "/", nil))
		body := c.Get("/metrics").Body
		if strings.Contains(body, "MADEUP") {
			t.Fatal("a made-up method became a metric label")
		}
		if !strings.Contains(body, `method="other"`) || !strings.Contains(body, `method="DELETE"`) {
			t.Fatal(`metrics lack method="other" or method="DELETE"`)
		}
		// Two series (the counter and the histogram) for "other", whatever
		// the number of methods sent: far less than 200 series' worth.
		if grown := len(body) - before; grown > 20_000 {
			t.Fatalf("metrics grew by %d bytes for 200 made-up methods", grown)
		}
	})
}
