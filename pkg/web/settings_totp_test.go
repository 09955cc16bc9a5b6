package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"hearth/pkg/app"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// codeAt is the six-digit code of secret at t.
func codeAt(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	code, err := totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return code
}

func totpSecret(t *testing.T, db *store.DB, name string) string {
	t.Helper()
	var secret string
	db.R.Raw("SELECT totp_secret FROM users WHERE username = ?", name).Row().Scan(&secret)
	return secret
}

func TestTOTPEnrolLoginReplayAndDisable(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		clock := time.Date(2026, 11, 21, 12, 0, 5, 0, time.UTC)
		a.Auth.SetClock(func() time.Time { return clock })
		forumtest.SignUp(t, c, "kestrel", goodPassword)

		secret := startTOTPSetup(t, a, db, c)

		// A wrong code does not turn codes on; the right one does.
		wantStatus(t, c.PostForm("/settings/totp/confirm", url.Values{"code": {"000000"}}), http.StatusUnprocessableEntity)
		first := codeAt(t, secret, clock)
		wantRedirect(t, c.PostForm("/settings/totp/confirm", url.Values{"code": {first}}), "/settings/totp")
		var enabled bool
		db.R.Raw("SELECT totp_enabled FROM users WHERE username = ?", "kestrel").Row().Scan(&enabled)
		if !enabled {
			t.Fatal("codes not enabled")
		}

		// Logging in now takes a second step.
		v := forumtest.NewClient(t, a.Web.Handler())
		wantRedirect(t, v.PostForm("/login", url.Values{"username": {"kestrel"}, "password": {goodPassword}, "next": {"/settings"}}), "/login/code?next=%2Fsettings")
		if loggedIn(t, v) || v.Cookie("hearth_session") != nil {
			t.Fatal("password alone signed in a member with two-factor codes")
		}
		if r := v.Get("/login/code?next=%2Fsettings"); !strings.Contains(r.Body, `<label for="code">Code</label>`) {
			t.Fatalf("second step page:\n%s", r.Body)
		}
		// The code used for setup cannot be used again, even within its
		// validity.
		r := v.PostForm("/login/code", url.Values{"code": {first}, "next": {"/settings"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if !strings.Contains(r.Body, "already used") {
			t.Fatalf("replayed code:\n%s", r.Body)
		}
		clock = clock.Add(30 * time.Second)
		second := codeAt(t, secret, clock)
		wantRedirect(t, v.PostForm("/login/code", url.Values{"code": {second}, "next": {"/settings"}}), "/settings")
		if !loggedIn(t, v) {
			t.Fatal("not signed in after the second step")
		}
		// That code is spent too.
		w := forumtest.NewClient(t, a.Web.Handler())
		w.PostForm("/login", url.Values{"username": {"kestrel"}, "password": {goodPassword}})
		wantStatus(t, w.PostForm("/login/code", url.Values{"code": {second}}), http.StatusUnprocessableEntity)
		// A ticket outlives neither its five minutes nor a wrong pseudonym.
		clock = clock.Add(6 * time.Minute)
		wantRedirect(t, w.PostForm("/login/code", url.Values{"code": {codeAt(t, secret, clock)}}), "/login")
		if loggedIn(t, w) {
			t.Fatal("expired ticket signed in")
		}

		// Turning codes off needs the password and a fresh code.
		clock = clock.Add(30 * time.Second)
		r = c.PostForm("/settings/totp/disable", url.Values{"current_password": {"wrong password here"}, "code": {codeAt(t, secret, clock)}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		r = c.PostForm("/settings/totp/disable", url.Values{"current_password": {goodPassword}, "code": {"123456"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		db.R.Raw("SELECT totp_enabled FROM users WHERE username = ?", "kestrel").Row().Scan(&enabled)
		if !enabled {
			t.Fatal("a refused request turned codes off")
		}
		wantRedirect(t, c.PostForm("/settings/totp/disable", url.Values{"current_password": {goodPassword}, "code": {codeAt(t, secret, clock)}}), "/settings/totp")
		db.R.Raw("SELECT totp_enabled FROM users WHERE username = ?", "kestrel").Row().Scan(&enabled)
		if enabled || totpSecret(t, db, "kestrel") != "" {
			t.Fatal("codes still on after turning them off")
		}
		wantRedirect(t, forumtest.NewClient(t, a.Web.Handler()).PostForm("/login", url.Values{"username": {"kestrel"}, "password": {goodPassword}}), "/")
	})
}

// startTOTPSetup starts two-factor setup for kestrel on client c, checks
// the setup page and its QR code, and returns the new secret.
func startTOTPSetup(t *testing.T, a *app.App, db *store.DB, c *forumtest.Client) string {
	t.Helper()
	r := c.Get("/settings/totp")
	if !strings.Contains(r.Body, "Two-factor codes are off") || !strings.Contains(r.Body, `action="/settings/totp/start"`) {
		t.Fatalf("totp page before setup:\n%s", r.Body)
	}
	if r := c.Get("/settings/totp/qr.svg"); r.StatusCode != http.StatusNotFound {
		t.Fatalf("QR code without a setup: %d", r.StatusCode)
	}
	wantRedirect(t, c.PostForm("/settings/totp/start", nil), "/settings/totp")
	r = c.Get("/settings/totp")
	secret := totpSecret(t, db, "kestrel")
	if secret == "" || !strings.Contains(r.Body, `<img class="qr-code" src="/settings/totp/qr.svg"`) || strings.Contains(r.Body, "data:") || strings.Contains(r.Body, "<svg") {
		t.Fatalf("setup page must link the QR code as an image:\n%s", r.Body)
	}
	if !strings.Contains(strings.ReplaceAll(r.Body, " ", ""), secret) {
		t.Fatal("setup page does not show the key for typing in")
	}
	qr := c.Get("/settings/totp/qr.svg")
	if qr.StatusCode != http.StatusOK || qr.Header.Get("Content-Type") != "image/svg+xml" || !strings.Contains(qr.Body, "<svg") || strings.Contains(qr.Body, "<script") {
		t.Fatalf("QR code: %d %q", qr.StatusCode, qr.Header.Get("Content-Type"))
	}
	if qr.Header.Get("Cache-Control") != "no-store" {
		t.Error("QR code (a secret) may be cached")
	}
	if r := forumtest.NewClient(t, a.Web.Handler()).Get("/settings/totp/qr.svg"); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("visitor fetching a QR code: %d", r.StatusCode)
	}
	return secret
}

func TestStaffMustSetUpTOTPWhenRequired(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		cfg := forumtest.Config(t)
		cfg.StaffTOTP = "required"
		a, _ := forumtest.NewApp(t, db, cfg)
		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, c, "warden", goodPassword)
		db.W.Exec("UPDATE users SET role = 'admin' WHERE username = ?", "warden")
		wantRedirect(t, c.Get("/admin/people"), "/settings/totp")
		r := c.Follow(c.Get("/admin/people"))
		if !strings.Contains(r.Body, "As a member of staff you need two-factor codes") {
			t.Fatalf("staff TOTP page:\n%s", r.Body)
		}
		wantStatus(t, c.PostForm("/admin/people/1/role", url.Values{"role": {"member"}, "reason": {"x"}}), http.StatusForbidden)
		c.PostForm("/settings/totp/start", nil)
		wantRedirect(t, c.PostForm("/settings/totp/confirm", url.Values{"code": {codeAt(t, totpSecret(t, db, "warden"), time.Now())}}), "/settings/totp")
		wantStatus(t, c.Get("/admin/people"), http.StatusOK)
	})
}

// TestStaffWithoutTOTPActAsMembersEverywhere checks that, while staff
// two-factor codes are required and not set up, a moderator's password
// alone carries no staff powers on ordinary pages either: no held threads,
// no replies in locked threads. Setting codes up restores both.
func TestStaffWithoutTOTPActAsMembersEverywhere(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		cfg := forumtest.Config(t)
		cfg.StaffTOTP = "required"
		a, _ := forumtest.NewApp(t, db, cfg)
		author := newPoster(t, a, db, "author_au", "member")
		held := author.startThread("grief", "Waiting for review", "Words a moderator has not seen yet.")
		locked := author.startThread("grief", "Paused thread", "Words before the pause.")
		db.W.Exec("UPDATE threads SET status = 'held' WHERE id = ?", held)
		db.W.Exec("UPDATE threads SET locked = ?, lock_reason = ? WHERE id = ?", true, "A pause for everyone.", locked)

		c := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, c, "ward_keeper", goodPassword)
		db.W.Exec("UPDATE users SET role = 'moderator', moderator_site_wide = ? WHERE username = ?", true, "ward_keeper")
		replyTo := func(tid int64) *forumtest.Response {
			return c.PostForm("/t/"+idStr(tid)+"/replies", url.Values{"body": {"A note from the moderators."}, "idem": {freshIdem()}})
		}

		wantStatus(t, c.Get("/t/"+idStr(held)), http.StatusNotFound)
		wantStatus(t, replyTo(locked), http.StatusForbidden)
		if n := countRows(t, db, "posts", "body_md = ?", "A note from the moderators."); n != 0 {
			t.Fatalf("%d replies in the locked thread without two-factor codes", n)
		}
		wantRedirect(t, c.Get("/mod"), "/settings/totp")
		if home := c.Get("/"); !strings.Contains(home.Body, `href="/mod"`) {
			t.Fatal("the menu no longer offers the moderation pages that ask for codes")
		}
		if r := c.Get("/settings/totp"); !strings.Contains(r.Body, "As a member of staff you need two-factor codes") {
			t.Fatalf("staff TOTP page:\n%s", r.Body)
		}

		c.PostForm("/settings/totp/start", nil)
		wantRedirect(t, c.PostForm("/settings/totp/confirm", url.Values{"code": {codeAt(t, totpSecret(t, db, "ward_keeper"), time.Now())}}), "/settings/totp")
		if r := c.Get("/t/" + idStr(held)); r.StatusCode != http.StatusOK || !strings.Contains(r.Body, "Words a moderator has not seen yet.") {
			t.Fatalf("held thread with codes set up: %d", r.StatusCode)
		}
		if r := replyTo(locked); r.StatusCode != http.StatusSeeOther {
			t.Fatalf("locked thread reply with codes set up: %d\n%s", r.StatusCode, r.Body)
		}
		wantStatus(t, c.Get("/mod"), http.StatusOK)
	})
}
