package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// printMedia emulates printing (on) or the screen (off).
func (b *Browser) printMedia(on bool) {
	b.t.Helper()
	p := emulation.SetEmulatedMediaParams{}
	if on {
		p.Media = "print"
	}
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, p); err != nil {
		b.t.Fatalf("emulate print media: %v", err)
	}
}

// TestJourneyRecoveryCodesPrint: the page that shows new recovery codes
// offers a download form and, with JavaScript, a Print button; printed, it
// shows the codes and the member's name without the site's header, quick
// exit bar, footer or buttons. With and without JavaScript, axe-core clean.
func TestJourneyRecoveryCodesPrint(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/signup")
	modes(t, func(t *testing.T, noJS bool) {
		b := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
		name := newName("tansy")
		b.SignUp(name)
		b.Audit()
		if !b.visible(`form[action="/settings/recovery-codes/download"] button[type="submit"]`) {
			t.Fatalf("no download button on the codes page")
		}
		if got := b.visible(`button[data-print]`); got == noJS {
			t.Fatalf("Print button shown: %v, with JavaScript off: %v", got, noJS)
		}
		shown := func(sel string) bool {
			return eval[bool](b, `(() => { const e = document.querySelector(`+jsString(sel)+`); return !!e && getComputedStyle(e).display !== "none"; })()`)
		}
		if shown(".print-only") {
			t.Fatalf("the printed heading shows on screen")
		}
		b.printMedia(true)
		for _, sel := range []string{".site-header", ".exit-bar", ".site-footer", ".no-print"} {
			if shown(sel) {
				t.Errorf("%s is printed with the codes", sel)
			}
		}
		if !shown("ol.recovery-codes") || !shown(".print-only") {
			t.Errorf("the codes or the member's name are not printed")
		}
		if got := b.Text(".print-only"); !strings.Contains(got, name) {
			t.Errorf("the printed page does not name the member: %q", got)
		}
		b.printMedia(false)
	})
}
