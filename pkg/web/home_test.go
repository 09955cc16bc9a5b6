package web_test

import (
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"net/http"
	"strings"
	"testing"
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
