package e2e

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
)

// httpAgent is a scripted client (no browser): cookies kept by hand, no
// redirects followed, no Origin or Sec-Fetch-Site headers (served like
// same-origin requests, as the public contract says).
type httpAgent struct {
	t      *testing.T
	cookie string
}

func (a *httpAgent) do(method, u string, form url.Values) (*http.Response, string) {
	a.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		a.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if a.cookie != "" {
		req.Header.Set("Cookie", a.cookie)
	}
	c := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		a.t.Fatalf("%s %s: %v", method, u, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	for _, ck := range res.Cookies() {
		if ck.Name == "hearth_session" && ck.Value != "" {
			a.cookie = ck.Name + "=" + ck.Value
		}
	}
	return res, string(b)
}

// TestTwoInstancesShareOneDatabase starts two hearth servers on one
// PostgreSQL schema with one secret: a session made on the first works on
// the second, a thread started on the second is read on the first, so are
// a reply and a reaction made on the second after the first served the
// thread (whose posts and reactions it keeps in memory), a break
// taken on the second keeps the first closed at once, and failed logins are
// throttled across both.
func TestTwoInstancesShareOneDatabase(t *testing.T) {
	forumtest.NeedPostgres(t, "two instances share one PostgreSQL")
	dbURL := forumtest.PostgresSchemaURL(t)
	secret := filepath.Join(t.TempDir(), "secret.key")
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	if err := os.WriteFile(secret, []byte(hex.EncodeToString(key)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	first := StartServer(t, ServerOptions{DatabaseURL: dbURL, SecretFile: secret})
	second := StartServer(t, ServerOptions{DatabaseURL: dbURL, SecretFile: secret})
	first.NeedRoute(t, "/signup")

	// Sign up and so log in on the first instance.
	name := newName("tandem")
	a := &httpAgent{t: t}
	res, body := a.do("POST", first.URL+"/signup", url.Values{"username": {name}, "password": {password}, "age_confirmed": {"yes"}})
	if res.StatusCode != http.StatusOK || a.cookie == "" {
		t.Fatalf("signup on the first instance: %d, cookie %q\n%s", res.StatusCode, a.cookie, tail(body, 10))
	}

	// The second instance knows the session.
	_, body = a.do("GET", second.URL+"/settings", nil)
	if !strings.Contains(body, `href="/u/`+name+`"`) {
		t.Fatalf("the session made on the first instance is not signed in on the second:\n%s", tail(body, 20))
	}

	// Start a thread on the second, read it on the first.
	title := "Posted through the second instance " + name
	res, body = a.do("POST", second.URL+"/g/anxiety/threads", url.Values{
		"title": {title}, "body": {"Written on one server, read on the other."}, "idem": {"two-instances-" + name},
	})
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/t/") {
		t.Fatalf("start a thread on the second instance: %d %q\n%s", res.StatusCode, loc, tail(body, 20))
	}
	visitor := &httpAgent{t: t}
	res, body = visitor.do("GET", first.URL+strings.SplitN(loc, "#", 2)[0], nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, title) || !strings.Contains(body, "read on the other") {
		t.Fatalf("the first instance does not show the thread posted on the second: %d\n%s", res.StatusCode, tail(body, 20))
	}

	checkInstancesShareThreadCache(t, a, first, second, loc)

	// A member's settings are kept in memory between their pages, but a
	// change made through the other instance shows on the very next page:
	// a break taken on the second keeps the first closed at once.
	if res, body = a.do("GET", first.URL+"/", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("home on the first instance: %d\n%s", res.StatusCode, tail(body, 10))
	}
	if res, body = a.do("POST", second.URL+"/settings/breaks", url.Values{"scope": {"site"}, "days": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("take a break on the second instance: %d\n%s", res.StatusCode, tail(body, 10))
	}
	if res, body = a.do("GET", first.URL+"/", nil); res.StatusCode != http.StatusForbidden || !strings.Contains(body, "taking a break from Hearth") {
		t.Fatalf("a break taken on the second instance is not kept on the first: %d\n%s", res.StatusCode, tail(body, 10))
	}

	checkInstancesShareLoginThrottle(t, name, first, second)
}

// checkInstancesShareThreadCache: members reading a thread share its posts
// and reactions in memory, checked against the thread's content version,
// so a reply and a reaction made through the second instance show on the
// first's very next page. a is the thread's author; loc its address.
func checkInstancesShareThreadCache(t *testing.T, a *httpAgent, first, second *Server, loc string) {
	t.Helper()
	thread := first.URL + strings.SplitN(loc, "#", 2)[0]
	res, body := a.do("GET", thread, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("the thread as its author on the first instance: %d\n%s", res.StatusCode, tail(body, 10))
	}
	opening := regexp.MustCompile(`id="p-(\d+)"`).FindStringSubmatch(body)
	if opening == nil {
		t.Fatalf("no post on the thread page:\n%s", tail(body, 20))
	}
	friend := newName("friend")
	b := &httpAgent{t: t}
	if res, body = b.do("POST", second.URL+"/signup", url.Values{"username": {friend}, "password": {password}, "age_confirmed": {"yes"}}); res.StatusCode != http.StatusOK || b.cookie == "" {
		t.Fatalf("signup on the second instance: %d\n%s", res.StatusCode, tail(body, 10))
	}
	replyText := "A reply written on the second server " + friend
	if res, body = b.do("POST", second.URL+strings.SplitN(loc, "#", 2)[0]+"/replies", url.Values{"body": {replyText}, "idem": {"reply-" + friend}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply on the second instance: %d\n%s", res.StatusCode, tail(body, 10))
	}
	if res, body = a.do("GET", thread, nil); !strings.Contains(body, replyText) {
		t.Fatalf("the first instance does not show the reply made on the second: %d\n%s", res.StatusCode, tail(body, 30))
	}
	if res, body = b.do("POST", second.URL+"/p/"+opening[1]+"/react", url.Values{"kind": {"thinking"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("react on the second instance: %d\n%s", res.StatusCode, tail(body, 10))
	}
	if res, body = a.do("GET", thread, nil); !strings.Contains(body, "Thinking of you</strong>: <bdi>"+friend+"</bdi>") {
		t.Fatalf("the first instance does not show the reaction made on the second: %d\n%s", res.StatusCode, tail(body, 30))
	}
}

// checkInstancesShareLoginThrottle: failed logins count across both
// instances: ten wrong passwords, five on each, then even the right
// password is refused on either.
func checkInstancesShareLoginThrottle(t *testing.T, name string, first, second *Server) {
	t.Helper()
	for i := 0; i < 10; i++ {
		srv := first
		if i%2 == 1 {
			srv = second
		}
		res, _ := (&httpAgent{t: t}).do("POST", srv.URL+"/login", url.Values{"username": {name}, "password": {fmt.Sprintf("wrong password %d", i)}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("wrong password %d answered %d, want 422 (throttled too early?)", i+1, res.StatusCode)
		}
	}
	for _, srv := range []*Server{second, first} {
		res, _ := (&httpAgent{t: t}).do("POST", srv.URL+"/login", url.Values{"username": {name}, "password": {password}, "age_confirmed": {"yes"}})
		if res.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("after ten failures spread over both instances, %s answered %d, want 429", srv.URL, res.StatusCode)
		}
	}
}
