package web_test

import (
	"hearth/pkg/auth"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

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
