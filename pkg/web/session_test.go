package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/auth"
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

func TestGarbageSessionCookieOnAccountPages(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "nettle", goodPassword)
		for _, v := range []string{"garbage", strings.Repeat("x", 3000), "%00%ff", "a.b.c", "\x7f"} {
			c := forumtest.NewClient(t, a.Web.Handler())
			c.SetCookie(&http.Cookie{Name: "hearth_session", Value: v})
			if r := c.Get("/settings"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
				t.Fatalf("garbage cookie on /settings: %d", r.StatusCode)
			}
			c.SetCookie(&http.Cookie{Name: "hearth_session", Value: v})
			wantStatus(t, c.Get("/signup"), http.StatusOK)
			c.SetCookie(&http.Cookie{Name: "hearth_session", Value: v})
			wantRedirect(t, c.PostForm("/logout", nil), "/")
			c.SetCookie(&http.Cookie{Name: "hearth_session", Value: v})
			wantRedirect(t, c.PostForm("/login", url.Values{"username": {"nettle"}, "password": {goodPassword}}), "/")
			if !loggedIn(t, c) {
				t.Fatal("login with a garbage cookie present did not sign in")
			}
		}
	})
}

func TestSessionsEndWhenIdleAndAtTheAbsoluteLimit(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		clock := time.Now().UTC()
		a.Auth.SetClock(func() time.Time { return clock })
		forumtest.SignUp(t, c, "dormouse", goodPassword)

		// Idle: a week without a request ends the session.
		clock = clock.Add(auth.IdleTimeout - time.Hour)
		if !loggedIn(t, c) {
			t.Fatal("session ended before the idle timeout")
		}
		clock = clock.Add(auth.IdleTimeout + time.Minute)
		if loggedIn(t, c) {
			t.Fatal("session outlived the idle timeout")
		}

		// Absolute: used every day, it still ends after 30 days.
		wantRedirect(t, c.PostForm("/login", url.Values{"username": {"dormouse"}, "password": {goodPassword}}), "/")
		for range int(auth.AbsoluteTimeout/(24*time.Hour)) - 1 {
			clock = clock.Add(24 * time.Hour)
			if !loggedIn(t, c) {
				t.Fatal("an active session ended before the absolute timeout")
			}
		}
		clock = clock.Add(25 * time.Hour)
		if loggedIn(t, c) {
			t.Fatal("session outlived the absolute timeout")
		}
	})
}
