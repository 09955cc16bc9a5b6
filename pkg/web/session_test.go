package web_test

import (
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestSessionCookieResolvesMember(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		uid := forumtest.InsertUser(t, db, "juniper", "member")
		forumtest.LoginAs(t, a, c, uid)
		if r := c.Get("/"); !strings.Contains(r.Body, "juniper") {
			t.Fatalf("signed-in member not shown:\n%s", r.Body)
		}
	})
}

func TestGarbageSessionCookieIsAVisitor(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		c := forumtest.NewClient(t, a.Web.Handler())
		for _, v := range []string{"garbage", strings.Repeat("x", 4000), "%00%ff", "a.b.c"} {
			c.SetCookie(&http.Cookie{Name: "hearth_session", Value: v})
			r := c.Get("/")
			if r.StatusCode != http.StatusOK {
				t.Fatalf("cookie %q: status %d", v[:min(len(v), 10)], r.StatusCode)
			}
			if c.Cookie("hearth_session") != nil && len(v) <= 128 {
				t.Fatalf("stale cookie %q not cleared", v)
			}
		}
	})
}
