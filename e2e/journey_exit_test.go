package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// phone makes the browser a 390 by 844 pixel touch screen (the width of a
// common phone) until the test ends or desktop is called; screenshots
// taken meanwhile put it back.
func (b *Browser) phone() {
	b.t.Helper()
	b.phoneView = true
	b.do("phone viewport", b.viewport())
}

// desktop makes the browser 1280 by 900 pixels again, as it starts.
func (b *Browser) desktop() {
	b.t.Helper()
	b.phoneView = false
	b.do("desktop viewport", b.viewport())
}

// inView reports whether the element sel is wholly inside the viewport and
// is what a tap on its middle would reach (nothing drawn over it).
func (b *Browser) inView(sel string) bool {
	b.t.Helper()
	return eval[bool](b, `(e => {
		if (!e) return false;
		const r = e.getBoundingClientRect();
		if (r.width < 1 || r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return !!hit && (hit === e || e.contains(hit));
	})(document.querySelector(`+jsString(sel)+`))`)
}

// longBody is an opening post several screens long on a phone.
func longBody() string {
	var sb strings.Builder
	for i := 0; i < 40; i++ {
		sb.WriteString("Some evenings the quiet in the house is the loudest thing. I keep the radio on and make tea I forget to drink, and I tell myself tomorrow will be softer.\n\n")
	}
	return sb.String()
}

// TestJourneyQuickExitInReach: half-way down a long thread on a phone,
// Quick exit is still on screen and on top, and a tap on it leaves, with
// and without JavaScript. From the top of any page it is the second Tab
// stop, straight after the skip link, and "Browsing safely" is beside it.
// The Escape shortcut is told in words only where it works (with the
// script).
func TestJourneyQuickExitInReach(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/browsing-safely")
	author, _ := Member(t, srv, "willow", false)
	path := author.StartThread("grief", "The quiet evenings "+newName("x"), longBody())
	author.SetValue("#body", "Thank you for reading this far.")
	author.Submit(`form.composer button.primary`, 200)

	modes(t, func(t *testing.T, noJS bool) {
		b := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
		b.phone()
		b.Go(path)
		if h := eval[float64](b, `document.documentElement.scrollHeight / window.innerHeight`); h < 4 {
			t.Fatalf("the thread is only %.1f screens long; the journey needs a long one", h)
		}
		eval[chromedp.Void](b, `window.scrollTo(0, document.documentElement.scrollHeight / 2)`)
		if y := eval[float64](b, `window.scrollY`); y < 1000 {
			t.Fatalf("the page did not scroll (scrollY %.0f)", y)
		}
		if !b.inView(`[data-quick-exit]`) {
			t.Fatalf("half-way down a long thread at 390px, Quick exit is not on screen: %s",
				eval[string](b, `JSON.stringify(document.querySelector("[data-quick-exit]").getBoundingClientRect())`))
		}
		if hint := b.visible(`[data-escape-hint]`); hint {
			t.Errorf("a phone has no Escape key, yet the Escape hint shows")
		}
		b.do("tap Quick exit", chromedpClick(`[data-quick-exit]`))
		b.WaitLocation("the neutral site", func(u string) bool { return u == exitURL })

		// At the desktop width, from the top: skip link, then Quick exit.
		d := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
		d.Go(path)
		d.Press(kb.Tab)
		d.Press(kb.Tab)
		if f := d.focused(); f.Text != "Quick exit" {
			t.Fatalf("the second Tab stop is %+v, want Quick exit", f)
		}
		if got := d.visible(`[data-escape-hint]`); got == noJS {
			t.Errorf("with JavaScript %v, the Escape hint visible = %v", !noJS, got)
		}
		d.Click(`a.safe-link[href="/browsing-safely"]`)
		if h := d.H1(); h != "Browsing safely" {
			t.Fatalf("Browsing safely led to a page titled %q", h)
		}
		d.Shot("browsing-safely")
	})
}
