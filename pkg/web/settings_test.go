package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forumtest"
	"hearth/pkg/safety"
	"hearth/pkg/store"
)

const firefoxUA = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"
const iphoneUA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"

// loginWithUA logs name in on a new client that sends userAgent.
func loginWithUA(t *testing.T, h http.Handler, name, userAgent string) *forumtest.Client {
	t.Helper()
	c := forumtest.NewClient(t, h)
	c.Header.Set("User-Agent", userAgent)
	wantRedirect(t, c.PostForm("/login", url.Values{"username": {name}, "password": {goodPassword}}), "/")
	return c
}

func TestSettingsIndexLinksEverySection(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		wantRedirect(t, c.Get("/settings"), "/login?next=%2Fsettings")
		forumtest.SignUp(t, c, "poppy", goodPassword)
		r := c.Get("/settings")
		wantStatus(t, r, http.StatusOK)
		for _, href := range []string{"/settings/password", "/settings/recovery-codes", "/settings/sessions", "/settings/totp", "/settings/country", "/settings/export", "/settings/delete"} {
			if !strings.Contains(r.Body, `href="`+href+`"`) {
				t.Errorf("settings index lacks %s", href)
			}
			if href == "/settings/export" {
				continue
			}
			if p := c.Get(href); p.StatusCode != http.StatusOK || strings.Count(p.Body, "<h1") != 1 {
				t.Errorf("%s: %d, %d h1", href, p.StatusCode, strings.Count(p.Body, "<h1"))
			}
		}
		_ = a
	})
}

func TestSessionsListAndEnd(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		h := a.Web.Handler()
		forumtest.SignUp(t, forumtest.NewClient(t, h), "larch", goodPassword)
		laptop := loginWithUA(t, h, "larch", firefoxUA)
		phone := loginWithUA(t, h, "larch", iphoneUA)
		r := laptop.Get("/settings/sessions")
		wantStatus(t, r, http.StatusOK)
		today := time.Now().UTC().Format("2 January 2006")
		for _, want := range []string{"Firefox on Linux", "Safari on iPhone", "this device", today} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("sessions page lacks %q", want)
			}
		}
		if strings.Contains(r.Body, "192.0.2") {
			t.Error("sessions page shows an address")
		}
		// End the phone's session from the laptop.
		handles := regexp.MustCompile(`name="session" value="([0-9a-f]+)"`).FindAllStringSubmatch(r.Body, -1)
		phoneBlock := r.Body[strings.Index(r.Body, "Safari on iPhone"):]
		m := regexp.MustCompile(`name="session" value="([0-9a-f]+)"`).FindStringSubmatch(phoneBlock)
		if len(handles) != 3 || m == nil {
			t.Fatalf("want 3 sessions with handles:\n%s", r.Body)
		}
		wantRedirect(t, laptop.PostForm("/settings/sessions/end", url.Values{"session": {m[1]}}), "/settings/sessions")
		if loggedIn(t, phone) || !loggedIn(t, laptop) {
			t.Fatal("ending the phone's session did not log out just the phone")
		}
		// End every other device.
		wantRedirect(t, laptop.PostForm("/settings/sessions/end-others", nil), "/settings/sessions")
		if n := countRows(t, db, "sessions", ""); n != 1 {
			t.Fatalf("%d sessions left, want only this one", n)
		}
		// End this device: logged out.
		r = laptop.Get("/settings/sessions")
		m = regexp.MustCompile(`name="session" value="([0-9a-f]+)"`).FindStringSubmatch(r.Body)
		wantRedirect(t, laptop.PostForm("/settings/sessions/end", url.Values{"session": {m[1]}}), "/")
		if loggedIn(t, laptop) {
			t.Fatal("still logged in after ending this session")
		}
	})
}

func TestMemberCannotEndAnotherMembersSession(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		h := a.Web.Handler()
		victim := forumtest.NewClient(t, h)
		forumtest.SignUp(t, victim, "victim_vi", goodPassword)
		other := forumtest.NewClient(t, h)
		forumtest.SignUp(t, other, "nosy_ne", goodPassword)
		hash := auth.HashSessionToken(victim.Cookie("hearth_session").Value)
		for _, handle := range []string{auth.SessionHandle(hash), hash, "", "0", strings.Repeat("f", 20)} {
			r := other.PostForm("/settings/sessions/end", url.Values{"session": {handle}})
			wantStatus(t, r, http.StatusNotFound)
		}
		if !loggedIn(t, victim) || !loggedIn(t, other) {
			t.Fatal("a refused request ended a session")
		}
	})
}

func TestChangingPasswordEndsOtherSessions(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		h := a.Web.Handler()
		forumtest.SignUp(t, c, "aspen", goodPassword)
		other := loginWithUA(t, h, "aspen", iphoneUA)

		r := c.PostForm("/settings/password", url.Values{"current_password": {"wrong wrong wrong"}, "password": {"a brand new password"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if !strings.Contains(r.Body, "That isn&#39;t your current password") || !loggedIn(t, other) {
			t.Fatalf("wrong current password:\n%s", r.Body)
		}
		r = c.PostForm("/settings/password", url.Values{"current_password": {goodPassword}, "password": {"1234567890"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if !strings.Contains(r.Body, "most commonly used") {
			t.Fatalf("common new password:\n%s", r.Body)
		}
		wantRedirect(t, c.PostForm("/settings/password", url.Values{"current_password": {goodPassword}, "password": {"a brand new password"}}), "/settings")
		if !loggedIn(t, c) || loggedIn(t, other) {
			t.Fatal("password change must keep this session and end the others")
		}
		wantStatus(t, forumtest.NewClient(t, h).PostForm("/login", url.Values{"username": {"aspen"}, "password": {goodPassword}}), http.StatusUnprocessableEntity)
		wantRedirect(t, forumtest.NewClient(t, h).PostForm("/login", url.Values{"username": {"aspen"}, "password": {"a brand new password"}}), "/")
	})
}

func TestCountrySetting(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		_, c := newApp(t, db)
		forumtest.SignUp(t, c, "heather", goodPassword)
		r := c.Get("/settings/country")
		wantStatus(t, r, http.StatusOK)
		if !strings.Contains(r.Body, `<select id="country" name="country"`) || !strings.Contains(r.Body, `<label for="country">Country</label>`) {
			t.Fatalf("no labelled country select:\n%s", r.Body)
		}
		for _, ct := range safety.CountriesOf(safety.DefaultHelplines()) {
			if !strings.Contains(r.Body, `<option value="`+ct.Code+`">`+htmlEscape(ct.Name)+`</option>`) {
				t.Errorf("no option for %s %s", ct.Code, ct.Name)
			}
		}
		if !strings.Contains(r.Body, `<option value="ZZ">Other / not listed</option>`) {
			t.Error("no Other / not listed option")
		}
		country := func() string {
			var cc string
			db.R.Raw("SELECT country FROM users WHERE username = ?", "heather").Row().Scan(&cc)
			return cc
		}
		wantRedirect(t, c.PostForm("/settings/country", url.Values{"country": {"GB"}}), "/settings")
		if country() != "GB" {
			t.Fatalf("country %q", country())
		}
		if r := c.Get("/settings/country"); !strings.Contains(r.Body, `<option value="GB" selected>`) {
			t.Fatal("saved country not selected")
		}
		for _, bad := range []string{"XX", "gb", "GBR", "<script>", "G\x00"} {
			wantStatus(t, c.PostForm("/settings/country", url.Values{"country": {bad}}), http.StatusUnprocessableEntity)
		}
		if country() != "GB" {
			t.Fatal("a refused country changed the setting")
		}
		wantRedirect(t, c.PostForm("/settings/country", url.Values{"country": {"ZZ"}}), "/settings")
		if country() != "ZZ" {
			t.Fatalf("country %q", country())
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
