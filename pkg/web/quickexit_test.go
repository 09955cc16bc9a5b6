package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestQuickExitOnEveryPage checks the Quick exit control on the pages a
// person in a hurry may be on: it is a visible link styled as a button (so
// it works without JavaScript and from the keyboard), it leads to the
// configured neutral site, and it sends no referrer. The browser journey in
// e2e/ checks the history replacement and Escape twice in Chromium.
func TestQuickExitOnEveryPage(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		cfg := forumtest.Config(t)
		cfg.QuickExitURL = "https://neutral.example/weather?city=leeds&units=c"
		a, _ := forumtest.NewApp(t, db, cfg)
		member := forumtest.NewClient(t, a.Web.Handler())
		forumtest.LoginAs(t, a, member, forumtest.InsertUser(t, db, "linden", "member"))
		visitor := forumtest.NewClient(t, a.Web.Handler())

		control := regexp.MustCompile(`<a class="button quick-exit" href="([^"]+)" rel="([^"]+)" data-quick-exit[^>]*>Quick exit</a>`)
		// The skip link, then Quick exit: no link or button between them,
		// so Quick exit is the second Tab stop.
		early := regexp.MustCompile(`(?s)<a class="skip-link" href="#main">Skip to main content</a>(.*?)<a class="button quick-exit"`)
		pages := []struct {
			who    string
			c      *forumtest.Client
			path   string
			status int
		}{
			{"visitor", visitor, "/", http.StatusOK},
			{"visitor", visitor, "/g/grief", http.StatusOK},
			{"visitor", visitor, "/crisis", http.StatusOK},
			{"visitor", visitor, "/crisis?country=GB", http.StatusOK},
			{"visitor", visitor, "/no/such/page", http.StatusNotFound},
			{"visitor", visitor, "/g/no-such-group", http.StatusNotFound},
			{"member", member, "/", http.StatusOK},
			{"member", member, "/crisis", http.StatusOK},
			{"member", member, "/admin/helplines", http.StatusForbidden},
		}
		for _, p := range pages {
			r := p.c.Get(p.path)
			if r.StatusCode != p.status {
				t.Errorf("%s %s: status %d, want %d", p.who, p.path, r.StatusCode, p.status)
				continue
			}
			m := control.FindStringSubmatch(r.Body)
			if m == nil {
				t.Errorf("%s %s: no Quick exit control", p.who, p.path)
				continue
			}
			if m[1] != "https://neutral.example/weather?city=leeds&amp;units=c" {
				t.Errorf("%s %s: Quick exit leads to %q", p.who, p.path, m[1])
			}
			if !strings.Contains(" "+m[2]+" ", " noreferrer ") {
				t.Errorf("%s %s: Quick exit rel=%q lacks noreferrer", p.who, p.path, m[2])
			}
			if e := early.FindStringSubmatch(r.Body); e == nil || strings.Contains(e[1], "<a ") || strings.Contains(e[1], "<button") {
				t.Errorf("%s %s: Quick exit is not the first control after the skip link", p.who, p.path)
			}
			pageHas(t, r.Body, `<a class="safe-link" href="/browsing-safely"`, `<p class="exit-hint" hidden data-escape-hint>or press <kbd>Esc</kbd> twice</p>`)
			if !strings.Contains(r.Body, `<script src="/static/`) || !strings.Contains(r.Body, `/js/hearth.js" defer></script>`) {
				t.Errorf("%s %s: the quick-exit script is not loaded", p.who, p.path)
			}
		}

		// The script replaces the page in history (so Back does not return
		// to Hearth) and leaves on Escape pressed twice.
		js := visitor.Get(regexp.MustCompile(`<script src="(/static/[^"]+/js/hearth\.js)"`).FindStringSubmatch(visitor.Get("/").Body)[1])
		if js.StatusCode != http.StatusOK {
			t.Fatalf("hearth.js: status %d", js.StatusCode)
		}
		for _, want := range []string{"[data-quick-exit]", "location.replace(", `ev.key !== "Escape"`, "lastEscape", "preventDefault()", "[data-escape-hint]"} {
			if !strings.Contains(js.Body, want) {
				t.Errorf("hearth.js lacks %q", want)
			}
		}
	})
}

// TestBrowsingSafely: the page linked beside Quick exit explains private
// windows, clearing history and what Hearth leaves behind, to visitors and
// members alike, and stays open to a member on a whole-site break.
func TestBrowsingSafely(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, visitor := newApp(t, db)
		r := visitor.Get("/browsing-safely")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Browsing safely</h1>", "private window", "Clearing your history", "What Hearth leaves on your device",
			`aria-current="page">Browsing safely</a>`, `href="/crisis"`)

		member := forumtest.NewClient(t, a.Web.Handler())
		id := forumtest.InsertUser(t, db, "hazel", "member")
		forumtest.LoginAs(t, a, member, id)
		wantStatus(t, member.PostForm("/settings/breaks", formValues("scope", "site", "days", "1")), http.StatusSeeOther)
		wantStatus(t, member.Get("/g/grief"), http.StatusForbidden)
		r = member.Get("/browsing-safely")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Browsing safely</h1>")
	})
}
