package e2e

import (
	"strings"
	"testing"
)

// TestJourneyWelcome: signing up without ticking the minimum-age box is
// refused with the pseudonym kept; ticked, the recovery codes lead to the
// welcome page (what Hearth is and is not, trigger warnings, breaks,
// help), and from there to the groups; the site's own pages are linked
// from every page's footer. With and without JavaScript.
func TestJourneyWelcome(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/welcome")
	srv.NeedRoute(t, "/about")
	modes(t, func(t *testing.T, noJS bool) {
		b := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
		name := newName("aster")
		b.Go("/signup")
		b.Type("#username", name)
		b.Type("#password", password)
		b.Submit(`form[action="/signup"] button[type="submit"]`, 422)
		if got := eval[string](b, `document.querySelector("#username").value`); got != name {
			t.Fatalf("the refused form lost the pseudonym: %q", got)
		}
		if !strings.Contains(b.Text("#age_confirmed-error"), "16 or older") {
			t.Fatalf("no message next to the age box:\n%s", tail(b.Body(), 20))
		}
		b.Type("#password", password)
		b.Check("#age_confirmed")
		b.Submit(`form[action="/signup"] button[type="submit"]`, 200)
		b.Click(`a.button.primary[href="/welcome"]`)
		if h := b.H1(); h != "Welcome to Hearth, "+name {
			t.Fatalf("after the recovery codes the page says %q", h)
		}
		body := b.Body()
		for _, want := range []string{"not an emergency service", "Trigger warnings", "Taking a break", "Where help is"} {
			if !strings.Contains(body, want) {
				t.Errorf("the welcome page does not say %q", want)
			}
		}
		b.Shot("welcome")
		b.Click(`footer a[href="/guidelines"]`)
		if h := b.H1(); h != "Community guidelines" {
			t.Fatalf("the footer's guidelines link led to %q", h)
		}
		b.Go("/welcome")
		b.Click(`a.button.primary[href="/"]`)
		b.RequireSignedIn(name)
	})
}
