package e2e

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"hearth/pkg/auth"
)

// password is every journey member's password.
const password = "quiet evening walks 42"

var nameSeq atomic.Int64

// newName returns a fresh valid pseudonym. Numbers that would make it a
// reserved name (one holding an emergency number, such as "fern_111")
// are passed over, so which journeys ran before never decides a signup.
// For a prefix no number can save, the last name tried is returned
// and its signup then fails with Hearth's own message.
func newName(prefix string) string {
	name := ""
	for range 20 {
		name = fmt.Sprintf("%s_%d", prefix, nameSeq.Add(1))
		if _, _, err := auth.NormalizePseudonym(name); err == nil {
			break
		}
	}
	return name
}

// SignUp creates an account through the signup form and returns the
// recovery codes shown once. The browser is then signed in.
func (b *Browser) SignUp(name string) []string {
	b.t.Helper()
	b.Go("/signup")
	b.Type("#username", name)
	b.Type("#password", password)
	b.Check("#age_confirmed")
	b.Submit(`form[action="/signup"] button[type="submit"]`, 200)
	if h := b.H1(); !strings.Contains(h, "recovery codes") {
		b.t.Fatalf("after signing up, the page says %q:\n%s", h, tail(b.Body(), 20))
	}
	codes := eval[[]string](b, `[...document.querySelectorAll("ol.recovery-codes code")].map(c => c.textContent.trim())`)
	if len(codes) == 0 {
		b.t.Fatalf("the welcome page shows no recovery codes")
	}
	return codes
}

// LogIn signs in through the login form.
func (b *Browser) LogIn(name, pw string) {
	b.t.Helper()
	b.Go("/login")
	b.Type("#username", name)
	b.Type("#password", pw)
	b.Submit(`form[action="/login"] button[type="submit"]`, 200)
	b.RequireSignedIn(name)
}

// LogOut presses the Log out button in the header.
func (b *Browser) LogOut() {
	b.t.Helper()
	b.Submit(`form[action="/logout"] button`, 200)
	if b.Has(`form[action="/logout"]`) {
		b.t.Fatal("still signed in after Log out")
	}
}

// RequireSignedIn fails unless the header shows name's profile link.
func (b *Browser) RequireSignedIn(name string) {
	b.t.Helper()
	if !b.Has(`.site-nav a[href="/u/`+name+`"]`) || !b.Has(`form[action="/logout"]`) {
		b.t.Fatalf("not signed in as %s on %s:\n%s", name, b.Path(), tail(b.Body(), 15))
	}
}

// Member signs a new member up in a new browser and returns both.
func Member(t *testing.T, srv *Server, prefix string, noJS bool) (*Browser, string) {
	t.Helper()
	b := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
	name := newName(prefix)
	b.SignUp(name)
	b.Click(`a.button.primary[href="/welcome"]`)
	b.Click(`a.button.primary[href="/"]`)
	b.RequireSignedIn(name)
	return b, name
}

// Admin creates an administrator with `hearth create-admin` and signs it in
// in a new browser (HEARTH_STAFF_TOTP=optional: no second factor).
func Admin(t *testing.T, srv *Server, noJS bool) (*Browser, string) {
	t.Helper()
	name := newName("keeper")
	srv.Hearth(t, password+"\n", "create-admin", name)
	b := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
	b.LogIn(name, password)
	return b, name
}

// StartThread starts a thread in group through the composer and returns
// the thread's path (/t/ID).
func (b *Browser) StartThread(group, title, body string, tags ...string) string {
	b.t.Helper()
	b.Go("/g/" + group)
	b.Click(`a[href="/g/` + group + `/new"]`)
	b.Type("#title", title)
	b.SetValue("#body", body)
	for _, tag := range tags {
		b.Check("#tw-" + tag)
	}
	b.Submit(`form.composer button.primary`, 200)
	p := b.Path()
	if !strings.HasPrefix(p, "/t/") {
		b.t.Fatalf("starting a thread led to %q:\n%s", p, tail(b.Body(), 20))
	}
	if got := b.Text("h1"); got != title {
		b.t.Fatalf("thread page h1 = %q, want %q", got, title)
	}
	return strings.SplitN(p, "#", 2)[0]
}

// postIDs returns the ids of the posts on the page, in order.
func (b *Browser) postIDs() []string {
	b.t.Helper()
	return eval[[]string](b, `[...document.querySelectorAll("ol.posts > li.post")].map(li => li.id.replace(/^p-/, ""))`)
}
