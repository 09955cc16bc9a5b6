package web_test

import (
	"hearth/pkg/forumtest"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

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
