package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestLoginLogoutAndTokenRenewal(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "birch", goodPassword)
		first := c.Cookie("hearth_session").Value

		// Log out: the session is destroyed, not just the cookie.
		r := c.PostForm("/logout", nil)
		wantRedirect(t, r, "/")
		if c.Cookie("hearth_session") != nil || loggedIn(t, c) {
			t.Fatal("still logged in after logout")
		}
		if countRows(t, db, "sessions", "token_hash = ?", auth.HashSessionToken(first)) != 0 {
			t.Fatal("logout left the session in the database")
		}
		c.SetCookie(&http.Cookie{Name: "hearth_session", Value: first})
		if loggedIn(t, c) {
			t.Fatal("a logged-out token still works")
		}

		// The login page keeps next, and logging in follows it.
		if r := c.Get("/login?next=/settings"); !strings.Contains(r.Body, `name="next" value="/settings"`) {
			t.Fatalf("next not kept:\n%s", r.Body)
		}
		// A browser still holding an old session token gets a new one,
		// and the old session ends.
		old, err := a.Auth.StartSession(context.Background(), forumtest.UserID(t, db, "birch"), "")
		if err != nil {
			t.Fatal(err)
		}
		c.SetCookie(&http.Cookie{Name: "hearth_session", Value: old})
		r = c.PostForm("/login", url.Values{"username": {"BIRCH"}, "password": {goodPassword}, "next": {"/settings"}})
		wantRedirect(t, r, "/settings")
		renewed := c.Cookie("hearth_session").Value
		if renewed == old || renewed == first {
			t.Fatal("login did not issue a new token")
		}
		if countRows(t, db, "sessions", "token_hash = ?", auth.HashSessionToken(old)) != 0 {
			t.Fatal("the old session survived the login")
		}
		if r := c.Get("/settings"); r.StatusCode != http.StatusOK {
			t.Fatalf("settings after login: %d", r.StatusCode)
		}
	})
}

func TestLoginNextOnlyGoesToLocalPaths(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "hazel", goodPassword)
		for next, want := range map[string]string{
			"/g/grief?after=x":         "/g/grief?after=x",
			"//evil.example/":          "/",
			"https://evil.example/":    "/",
			"/\\evil.example":          "/",
			"javascript:alert(1)":      "/",
			"settings":                 "/",
			"/%0d%0aSet-Cookie:x=y":    "/%0d%0aSet-Cookie:x=y",
			"":                         "/",
			"/ok\r\nLocation: /bad":    "/",
			"///evil.example/path":     "/",
			"/settings#anchor":         "/settings#anchor",
			"/u/ünïcode?q=1":           "/u/ünïcode?q=1",
			strings.Repeat("/a", 2000): "/",
		} {
			c := forumtest.NewClient(t, a.Web.Handler())
			r := c.PostForm("/login", url.Values{"username": {"hazel"}, "password": {goodPassword}, "next": {next}})
			if r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != want {
				t.Errorf("next %q: %d to %q, want %q", next, r.StatusCode, r.Header.Get("Location"), want)
			}
		}
	})
}

func TestLoginSameAnswerForUnknownNameAndWrongPassword(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "rowan_tree", goodPassword)
		var derivations atomic.Int32
		a.Auth.Hasher().ObserveInFlight(func(int32) { derivations.Add(1) })
		defer a.Auth.Hasher().ObserveInFlight(nil)

		answer := func(name, pw string) (string, int32) {
			derivations.Store(0)
			r := c.PostForm("/login", url.Values{"username": {name}, "password": {pw}})
			wantStatus(t, r, http.StatusUnprocessableEntity)
			i := strings.Index(r.Body, `<main`)
			return r.Body[i:], derivations.Load()
		}
		wrong, wrongWork := answer("rowan_tree", "not the password at all")
		unknown, unknownWork := answer("nobody_here", "not the password at all")
		if !strings.Contains(wrong, "That pseudonym and password don&#39;t match") {
			t.Fatalf("wrong password answer:\n%s", wrong)
		}
		if strings.ReplaceAll(wrong, "rowan_tree", "X") != strings.ReplaceAll(unknown, "nobody_here", "X") {
			t.Fatalf("answers differ:\n%s\n---\n%s", wrong, unknown)
		}
		// The same work: one argon2id derivation each, so the time taken
		// does not tell the two apart.
		if wrongWork != 1 || unknownWork != 1 {
			t.Fatalf("derivations: wrong password %d, unknown name %d; want 1 each", wrongWork, unknownWork)
		}
		// So does an account without a usable password (made by an import).
		forumtest.InsertUser(t, db, "imported_one", "member")
		if _, n := answer("imported_one", "not the password at all"); n != 1 {
			t.Fatalf("account without a password did %d derivations", n)
		}
		// A name that cannot be a pseudonym at all takes the same path.
		if _, n := answer("not a\x00name", "not the password at all"); n != 1 {
			t.Fatalf("invalid name did %d derivations", n)
		}
		// Empty fields are asked for without a lookup.
		r := c.PostForm("/login", url.Values{"username": {"  "}, "password": {""}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		if !strings.Contains(r.Body, "Please enter your pseudonym.") || !strings.Contains(r.Body, "Please enter your password.") {
			t.Fatalf("empty login:\n%s", r.Body)
		}
	})
}

func TestLoginRehashesOldParameters(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := newApp(t, db)
		forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "old_oak", goodPassword)
		weak, err := auth.NewHasher(auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}, 1)
		if err != nil {
			t.Fatal(err)
		}
		old, err := weak.Hash(context.Background(), goodPassword)
		if err != nil {
			t.Fatal(err)
		}
		db.W.Exec("UPDATE users SET password_hash = ? WHERE username = ?", old, "old_oak")
		c := forumtest.NewClient(t, a.Web.Handler())
		wantRedirect(t, c.PostForm("/login", url.Values{"username": {"old_oak"}, "password": {goodPassword}}), "/")
		var now string
		db.R.Raw("SELECT password_hash FROM users WHERE username = ?", "old_oak").Row().Scan(&now)
		if now == old || a.Auth.Hasher().NeedsRehash(now) {
			t.Fatalf("hash not upgraded at login: %s", now)
		}
		wantRedirect(t, forumtest.NewClient(t, a.Web.Handler()).PostForm("/login", url.Values{"username": {"old_oak"}, "password": {goodPassword}}), "/")
	})
}

func TestLoginThrottlePerAccount(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "willow", goodPassword)
		clock := time.Now()
		a.Auth.SetClock(func() time.Time { return clock })
		// Failures from several addresses all count against the account.
		for i := range auth.AccountFailureLimit {
			r := postFrom(c, "203.0.113."+string(rune('1'+i%5))+":4000", "/login", url.Values{"username": {"Willow"}, "password": {"wrong password number"}})
			wantStatus(t, r, http.StatusUnprocessableEntity)
			clock = clock.Add(10 * time.Second)
		}
		// Now even the right password waits.
		r := postFrom(c, "198.51.100.7:4000", "/login", url.Values{"username": {"willow"}, "password": {goodPassword}})
		wantStatus(t, r, http.StatusTooManyRequests)
		if !strings.Contains(r.Body, "Too many attempts. Please try again in 14 minutes.") {
			t.Fatalf("throttle page:\n%s", r.Body)
		}
		if r.Header.Get("Retry-After") == "" {
			t.Error("no Retry-After header")
		}
		// Recovery is throttled by the same counter.
		r = c.PostForm("/recover", url.Values{"username": {"willow"}, "code": {"aaaa-bbbb-cccc"}, "password": {"a brand new password"}})
		wantStatus(t, r, http.StatusTooManyRequests)
		// Nothing about the name or the address is stored.
		var keys []string
		db.R.Table("login_failures").Pluck("throttle_key", &keys)
		for _, k := range keys {
			if strings.Contains(strings.ToLower(k), "willow") || strings.Contains(k, "203.0.113") || strings.Contains(k, "198.51") {
				t.Fatalf("throttle key reveals its source: %s", k)
			}
		}
		// Once the oldest failure leaves the window, logging in works.
		clock = clock.Add(auth.ThrottleWindow)
		wantRedirect(t, c.PostForm("/login", url.Values{"username": {"willow"}, "password": {goodPassword}}), "/")
	})
}

func TestLoginThrottlePerClient(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "linden", goodPassword)
		const addr = "192.0.2.44:5000"
		// One client trying many names (each below its own account limit).
		for i := range auth.ClientFailureLimit {
			r := postFrom(c, addr, "/login", url.Values{"username": {"sprayed_" + string(rune('a'+i%26)) + string(rune('a'+i/26))}, "password": {"wrong password number"}})
			wantStatus(t, r, http.StatusUnprocessableEntity)
		}
		r := postFrom(c, addr, "/login", url.Values{"username": {"linden"}, "password": {goodPassword}})
		wantStatus(t, r, http.StatusTooManyRequests)
		if !strings.Contains(r.Body, "Too many attempts. Please try again in 15 minutes.") {
			t.Fatalf("throttle page:\n%s", r.Body)
		}
		// Another client is not affected, nor is the account.
		wantRedirect(t, postFrom(c, "192.0.2.45:5000", "/login", url.Values{"username": {"linden"}, "password": {goodPassword}}), "/")
	})
}

func TestLoginThrottleIsSharedByInstances(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		one, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		two, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		forumtest.SignUp(t, forumtest.NewClient(t, one.Web.Handler()), "maple", goodPassword)
		c1, c2 := forumtest.NewClient(t, one.Web.Handler()), forumtest.NewClient(t, two.Web.Handler())
		for i := range auth.AccountFailureLimit {
			c := c1
			if i%2 == 1 {
				c = c2
			}
			wantStatus(t, c.PostForm("/login", url.Values{"username": {"maple"}, "password": {"wrong password number"}}), http.StatusUnprocessableEntity)
		}
		wantStatus(t, c2.PostForm("/login", url.Values{"username": {"maple"}, "password": {goodPassword}}), http.StatusTooManyRequests)
		wantStatus(t, c1.PostForm("/login", url.Values{"username": {"maple"}, "password": {goodPassword}}), http.StatusTooManyRequests)
	})
}

func TestSessionCookieIsHostOnlySecureOverHTTPS(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		cfg := forumtest.Config(t)
		cfg.BaseURL, _ = url.Parse("https://hearth.example.org")
		a, _ := forumtest.NewApp(t, db, cfg)
		c := forumtest.NewClient(t, a.Web.Handler())
		req := httptest.NewRequest(http.MethodPost, "https://hearth.example.org/signup", strings.NewReader(url.Values{"username": {"heron"}, "password": {goodPassword}, "age_confirmed": {"yes"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		r := c.Do(req)
		wantStatus(t, r, http.StatusOK)
		var found bool
		for _, ck := range r.Cookies() {
			if ck.Name == "__Host-hearth_session" {
				found = true
				if !ck.Secure || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Domain != "" {
					t.Fatalf("session cookie %+v", ck)
				}
			}
			if ck.Name == "hearth_session" {
				t.Fatal("unprefixed session cookie over HTTPS")
			}
		}
		if !found {
			t.Fatal("no __Host- session cookie")
		}
	})
}

// TestLoginWithA64KiBPasswordIsAnOrdinaryFailure sends a 64 KiB password
// for a real account and for a name that does not exist: both get the one
// calm answer, do the same hashing work, and count as failed attempts.
func TestLoginWithA64KiBPasswordIsAnOrdinaryFailure(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, forumtest.NewClient(t, a.Web.Handler()), "ivy_leaf", goodPassword)
		var derivations atomic.Int32
		a.Auth.Hasher().ObserveInFlight(func(int32) { derivations.Add(1) })
		defer a.Auth.Hasher().ObserveInFlight(nil)
		huge := strings.Repeat("p", 64<<10)
		work := map[string]int32{}
		for _, name := range []string{"ivy_leaf", "nobody_here"} {
			derivations.Store(0)
			r := c.PostForm("/login", url.Values{"username": {name}, "password": {huge}})
			wantStatus(t, r, http.StatusUnprocessableEntity)
			if !strings.Contains(r.Body, "That pseudonym and password don&#39;t match") || strings.Contains(r.Body, huge[:300]) {
				t.Fatalf("%s: answer to a 64 KiB password:\n%.2000s", name, r.Body)
			}
			work[name] = derivations.Load()
		}
		if work["ivy_leaf"] != work["nobody_here"] {
			t.Fatalf("derivations differ: real account %d, unknown name %d", work["ivy_leaf"], work["nobody_here"])
		}
		if n := countRows(t, db, "login_failures", "throttle_key LIKE ?", "account:%"); n != 2 {
			t.Fatalf("%d account failures recorded, want the two attempts counted", n)
		}
		wantRedirect(t, c.PostForm("/login", url.Values{"username": {"ivy_leaf"}, "password": {goodPassword}}), "/")
	})
}

// TestConcurrentLoginsStayWithinMemoryBound sends 50 logins at the same
// moment through the whole stack and checks that the password hasher's
// concurrency limit holds: never more derivations in flight than the limit,
// and heap growth within what that many argon2id derivations need. Without
// the limit, 50 derivations of 7 MiB would need about 350 MiB and the
// in-flight peak would pass the limit, so both checks would fail.
func TestConcurrentLoginsStayWithinMemoryBound(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		const logins = 50
		a, _ := newApp(t, db)
		h := a.Web.Handler()
		forumtest.SignUp(t, forumtest.NewClient(t, h), "steady_oak", goodPassword)

		hasher := a.Auth.Hasher()
		limit := hasher.MaxConcurrent()
		perHash := uint64(hasher.Params().Memory) * 1024
		// Finished derivations stay on the heap as garbage until the
		// collector runs. The collector is made eager for the measurement
		// (GOGC=25: it runs once the heap has grown by a quarter of what
		// was live), so garbage adds at most a quarter of the starting
		// heap; twice the in-flight derivations covers a collector lagging
		// on a busy machine, and the fixed slack is for the requests and
		// sessions themselves.
		defer debug.SetGCPercent(debug.SetGCPercent(25))
		runtime.GC()
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(sample)
		base := sample[0].Value.Uint64()
		bound := 3*uint64(limit)*perHash + base/4 + 64<<20
		if logins*perHash <= bound {
			t.Fatalf("bound %d MiB would not catch an unbounded hasher (%d MiB)", bound>>20, logins*perHash>>20)
		}
		var peak atomic.Int32
		hasher.ObserveInFlight(func(n int32) {
			for {
				old := peak.Load()
				if n <= old || peak.CompareAndSwap(old, n) {
					return
				}
			}
		})
		defer hasher.ObserveInFlight(nil)

		peakHeap, stopSampling := sampleHeapGrowth(base)
		ok := concurrentLogins(h, logins, url.Values{"username": {"steady_oak"}, "password": {goodPassword}})
		stopSampling()

		t.Logf("limit %d: peak in flight %d, peak heap growth %d MiB over %d MiB (bound %d MiB)", limit, peak.Load(), peakHeap.Load()>>20, base>>20, bound>>20)
		if ok != logins {
			t.Fatalf("%d of %d logins succeeded", ok, logins)
		}
		if int(peak.Load()) > limit {
			t.Errorf("%d derivations ran at once; the limit is %d", peak.Load(), limit)
		}
		if int(peak.Load()) < limit {
			t.Errorf("only %d derivations ever ran at once: the load never reached the limit of %d", peak.Load(), limit)
		}
		if peakHeap.Load() > bound {
			t.Errorf("heap grew by %d MiB during %d logins; bound is %d MiB", peakHeap.Load()>>20, logins, bound>>20)
		}
		if n := countRows(t, db, "sessions", ""); n != logins+1 {
			t.Errorf("%d sessions, want %d", n, logins+1)
		}
	})
}

// sampleHeapGrowth samples the heap's growth over base until stop is
// called, and keeps its peak.
func sampleHeapGrowth(base uint64) (peak *atomic.Uint64, stop func()) {
	peak = new(atomic.Uint64)
	done, sampled := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(sampled)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > base && v-base > peak.Load() {
				peak.Store(v - base)
			}
			select {
			case <-done:
				return
			case <-time.After(200 * time.Microsecond):
			}
		}
	}()
	return peak, func() { close(done); <-sampled }
}

// concurrentLogins sends n logins with form to h all at once and returns
// how many succeeded.
func concurrentLogins(h http.Handler, n int, form url.Values) int {
	body := form.Encode()
	start := make(chan struct{})
	var wg sync.WaitGroup
	var ok atomic.Int32
	for range n {
		wg.Go(func() {
			req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			rec := httptest.NewRecorder()
			<-start
			h.ServeHTTP(rec, req)
			if rec.Code == http.StatusSeeOther {
				ok.Add(1)
			}
		})
	}
	close(start)
	wg.Wait()
	return int(ok.Load())
}

func TestTOTPSecondStepIsThrottled(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		clock := time.Date(2026, 11, 21, 12, 0, 5, 0, time.UTC)
		a.Auth.SetClock(func() time.Time { return clock })
		forumtest.SignUp(t, c, "merlin", goodPassword)
		c.PostForm("/settings/totp/start", nil)
		secret := totpSecret(t, db, "merlin")
		wantRedirect(t, c.PostForm("/settings/totp/confirm", url.Values{"code": {codeAt(t, secret, clock)}}), "/settings/totp")
		v := forumtest.NewClient(t, a.Web.Handler())
		wantRedirect(t, v.PostForm("/login", url.Values{"username": {"merlin"}, "password": {goodPassword}}), "/login/code")
		last := 0
		for i := range 12 {
			r := v.PostForm("/login/code", url.Values{"code": {"00000" + string(rune('0'+i%10))}})
			last = r.StatusCode
			if last == http.StatusTooManyRequests {
				break
			}
		}
		if last != http.StatusTooManyRequests {
			t.Fatal("guessing second-step codes is not throttled")
		}
	})
}
