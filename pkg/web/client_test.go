package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"hearth/pkg/app"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// Acting on Hearth through its whole HTTP stack: apps, clients, members
// who post, and forms.

// goodPassword passes the password rules; tests of other rules vary it.
const goodPassword = "kettle orbit lantern"

// newApp is a test app and a visitor's client for it.
func newApp(t *testing.T, db *store.DB) (*app.App, *forumtest.Client) {
	t.Helper()
	a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
	return a, forumtest.NewClient(t, a.Web.Handler())
}

// poster is a signed-in member with a client.
type poster struct {
	t  *testing.T
	a  *app.App
	db *store.DB
	c  *forumtest.Client
	id int64
}

// newPoster adds a member called name with role and signs them in.
func newPoster(t *testing.T, a *app.App, db *store.DB, name, role string) *poster {
	t.Helper()
	id := forumtest.InsertUser(t, db, name, role)
	c := forumtest.NewClient(t, a.Web.Handler())
	forumtest.LoginAs(t, a, c, id)
	return &poster{t: t, a: a, db: db, c: c, id: id}
}

// startThread posts a thread as p and returns its id.
func (p *poster) startThread(slug, title, body string, tags ...string) int64 {
	p.t.Helper()
	return startThread(p.t, p.c, slug, title, body, tags...)
}

// reply posts a reply as p to parent (0 for the opening post) and returns
// the new post's id and the redirect.
func (p *poster) reply(thread int64, parent int64, body string, tags ...string) (int64, string) {
	p.t.Helper()
	id, loc := replyTo(p.t, p.c, thread, parent, body, tags...)
	if id == 0 {
		p.t.Fatalf("reply: no post in the redirect %q", loc)
	}
	return id, loc
}

var freshIdemSeq int

// freshIdem is a new idempotency key, as each composer page carries.
func freshIdem() string {
	freshIdemSeq++
	return "test-idem-" + strconv.Itoa(freshIdemSeq) + "-abcdef"
}

// startThread posts a thread in group slug as c's member through the real
// route and returns its id.
func startThread(t *testing.T, c *forumtest.Client, slug, title, body string, tags ...string) int64 {
	t.Helper()
	r := c.PostForm("/g/"+slug+"/threads", url.Values{"title": {title}, "body": {body}, "trigger_warnings": tags, "idem": {freshIdem()}})
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("start thread: %d\n%s", r.StatusCode, snippet(r.Body))
	}
	return idIn(t, r.Header.Get("Location"), `^/t/(\d+)$`)
}

// replyTo posts a reply in thread as c's member, answering parent (0 for
// the opening post). It returns the new post's id, 0 when the post waits
// for a moderator (its redirect names no post), and the redirect.
func replyTo(t *testing.T, c *forumtest.Client, thread, parent int64, body string, tags ...string) (int64, string) {
	t.Helper()
	f := url.Values{"body": {body}, "trigger_warnings": tags, "idem": {freshIdem()}}
	if parent > 0 {
		f.Set("parent_id", idStr(parent))
	}
	r := c.PostForm("/t/"+idStr(thread)+"/replies", f)
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply: %d\n%s", r.StatusCode, snippet(r.Body))
	}
	loc := r.Header.Get("Location")
	_, frag, ok := strings.Cut(loc, "#p-")
	if !ok {
		return 0, loc
	}
	id, err := strconv.ParseInt(frag, 10, 64)
	if err != nil {
		t.Fatalf("reply redirected to %q", loc)
	}
	return id, loc
}

// formValues is a form from field names and values, in pairs.
func formValues(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

// loggedIn reports whether c's session shows a signed-in member on the home
// page (the account menu offers Log out).
func loggedIn(t *testing.T, c *forumtest.Client) bool {
	t.Helper()
	r := c.Get("/")
	return strings.Contains(r.Body, `action="/logout"`)
}

// postFrom submits form to path from the client address addr.
func postFrom(c *forumtest.Client, addr, path string, form url.Values) *forumtest.Response {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.RemoteAddr = addr
	return c.Do(req)
}

// crossOriginPost submits form to path as another site's page would.
func crossOriginPost(c *forumtest.Client, path string, form url.Values) *forumtest.Response {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	return c.Do(req)
}

// httptestServer serves h on a loopback port for tests that need a real
// connection; it returns the base URL.
func httptestServer(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// loginWithUA logs name in on a new client that sends userAgent.
func loginWithUA(t *testing.T, h http.Handler, name, userAgent string) *forumtest.Client {
	t.Helper()
	c := forumtest.NewClient(t, h)
	c.Header.Set("User-Agent", userAgent)
	wantRedirect(t, c.PostForm("/login", url.Values{"username": {name}, "password": {goodPassword}}), "/")
	return c
}
