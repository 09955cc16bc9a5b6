package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// modes runs a journey with JavaScript on and off.
func modes(t *testing.T, fn func(t *testing.T, noJS bool)) {
	t.Run("js", func(t *testing.T) { fn(t, false) })
	t.Run("nojs", func(t *testing.T) { fn(t, true) })
}

// TestAxeCoreCatchesProblems proves the accessibility check can fail: a page
// with an image without alt text and an unlabelled field must be reported.
func TestAxeCoreCatchesProblems(t *testing.T) {
	needChromium(t)
	src := axeScript(t)
	if src == "" {
		t.Skip(errNoAxe)
	}
	srv := &Server{URL: strings.TrimSuffix(exitURL, "/weather")}
	b := NewBrowser(t, srv, BrowserOptions{})
	b.GoExternal(srv.URL + "/inaccessible")
	ids := map[string]bool{}
	for _, v := range b.axe(src) {
		ids[v.ID] = true
	}
	for _, want := range []string{"image-alt", "label"} {
		if !ids[want] {
			t.Errorf("axe did not report %q on a page built to fail it; got %v", want, ids)
		}
	}
}

// TestJourneyBrowse: a visitor opens the home page, picks a group and sees
// its guidelines and threads, with and without JavaScript.
func TestJourneyBrowse(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	modes(t, func(t *testing.T, noJS bool) {
		b := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
		b.Go("/")
		if got := b.H1(); got != "Groups" {
			t.Fatalf("home h1 = %q, want Groups", got)
		}
		for _, slug := range []string{"grief", "anxiety", "ptsd"} {
			if !b.Has(`a[href="/g/` + slug + `"]`) {
				t.Errorf("home page has no link to group %s", slug)
			}
		}
		b.Shot("home")
		b.Click(`a[href="/g/grief"]`)
		if p := b.Path(); p != "/g/grief" {
			t.Fatalf("after clicking Grief & Loss the browser is at %q", p)
		}
		if got := b.H1(); !strings.Contains(got, "Grief") {
			t.Fatalf("group page h1 = %q", got)
		}
		if g := eval[string](b, `(document.querySelector(".guidelines") || {}).textContent || ""`); !strings.Contains(g, "Grief has no timetable") {
			t.Errorf("group page does not offer its guidelines:\n%s", tail(b.Body(), 20))
		}
		// Every page offers help and a way out.
		if !b.Has(`a[href="/crisis"]`) || !b.Has(`[data-quick-exit]`) {
			t.Errorf("group page lacks the Get help now link or the Quick exit control")
		}
		b.Shot("group")
	})
}

// TestJourneyCrisis: from a group page, "Get help now" leads to the crisis
// page with helplines, readable without an account and without JavaScript.
func TestJourneyCrisis(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/crisis")
	modes(t, func(t *testing.T, noJS bool) {
		b := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
		b.Go("/g/anxiety")
		b.Click(`a.help-now[href="/crisis"]`)
		if p := b.Path(); !strings.HasPrefix(p, "/crisis") {
			t.Fatalf("Get help now led to %q", p)
		}
		b.H1()
		if n := b.Count(".helpline"); n == 0 {
			t.Errorf("crisis page lists no helplines:\n%s", tail(b.Body(), 30))
		}
		b.Shot("crisis")
	})
}

// TestJourneyQuickExit: the Quick exit control leaves for the neutral site.
// With JavaScript the page is replaced in history (Back does not return to
// what the member was reading) and Escape twice does the same; without
// JavaScript it is a plain link that still leaves at once.
func TestJourneyQuickExit(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	isExit := func(u string) bool { return u == exitURL }

	t.Run("js/click", func(t *testing.T) {
		b := NewBrowser(t, srv, BrowserOptions{})
		b.GoExternal("about:blank")
		b.Go("/g/ptsd")
		b.do("click Quick exit", chromedpClick(`[data-quick-exit]`))
		b.WaitLocation("the neutral site", isExit)
		b.Back()
		if loc := b.Location(); strings.HasPrefix(loc, srv.URL) {
			t.Fatalf("Back after Quick exit returned to Hearth (%s); the page must be replaced in history", loc)
		}
	})
	t.Run("js/escape-twice", func(t *testing.T) {
		b := NewBrowser(t, srv, BrowserOptions{})
		b.Go("/g/ptsd")
		b.Press(kb.Escape)
		b.Press(kb.Escape)
		b.WaitLocation("the neutral site after Escape twice", isExit)
	})
	t.Run("js/escape-once-stays", func(t *testing.T) {
		b := NewBrowser(t, srv, BrowserOptions{})
		b.Go("/g/ptsd")
		b.Press(kb.Escape)
		if p := b.Path(); p != "/g/ptsd" {
			t.Fatalf("one Escape left the page for %q", p)
		}
	})
	t.Run("nojs/click", func(t *testing.T) {
		b := NewBrowser(t, srv, BrowserOptions{NoJS: true})
		b.Go("/g/ptsd")
		// With scripts off, Escape does nothing (this also proves the
		// browser really runs without JavaScript).
		b.Press(kb.Escape)
		b.Press(kb.Escape)
		if p := b.Path(); p != "/g/ptsd" {
			t.Fatalf("Escape twice left the page with JavaScript off (now %q)", p)
		}
		b.do("click Quick exit", chromedpClick(`[data-quick-exit]`))
		b.WaitLocation("the neutral site", isExit)
	})
}

// TestJourneyKeyboard: keyboard-only use. The first Tab reaches a visible
// skip link; following it moves focus to the main content; every control
// in the header shows a visible focus indicator.
func TestJourneyKeyboard(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	modes(t, func(t *testing.T, noJS bool) {
		b := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
		b.Go("/g/grief")
		b.Press(kb.Tab)
		f := b.focused()
		if !strings.Contains(f.Text, "Skip to main content") {
			t.Fatalf("first Tab focused %+v, want the skip link", f)
		}
		b.requireVisibleFocus(f)
		b.Press(kb.Enter)
		if f := b.focused(); f.ID != "main" && !f.InMain {
			t.Fatalf("after the skip link, focus is on %+v, want the main content", f)
		}
		b.Press(kb.Tab)
		if f := b.focused(); !f.InMain {
			t.Errorf("Tab after skipping focused %+v, outside main", f)
		}

		// From the top, Tab through the header: each stop shows focus, and
		// Get help now and Quick exit are reachable.
		b.Go("/g/grief")
		seen := map[string]bool{}
		for i := 0; i < 12 && !(seen["Get help now"] && seen["Quick exit"]); i++ {
			b.Press(kb.Tab)
			f := b.focused()
			b.requireVisibleFocus(f)
			seen[f.Text] = true
		}
		for _, want := range []string{"Get help now", "Quick exit"} {
			if !seen[want] {
				t.Errorf("%q is not reachable by Tab from the top of the page (reached %v)", want, seen)
			}
		}
	})
}

// focusInfo describes document.activeElement.
type focusInfo struct {
	Tag          string  `json:"tag"`
	ID           string  `json:"id"`
	Text         string  `json:"text"`
	InMain       bool    `json:"inMain"`
	FocusVisible bool    `json:"focusVisible"`
	Outline      string  `json:"outline"`
	OutlineWidth float64 `json:"outlineWidth"`
	Top          float64 `json:"top"`
	Bottom       float64 `json:"bottom"`
	Width        float64 `json:"width"`
	Viewport     float64 `json:"viewport"`
}

func (b *Browser) focused() focusInfo {
	b.t.Helper()
	return eval[focusInfo](b, `(() => {
		const e = document.activeElement || document.body;
		const s = getComputedStyle(e);
		const r = e.getBoundingClientRect();
		const m = document.querySelector("main");
		return {tag: e.tagName.toLowerCase(), id: e.id || "", text: (e.innerText || e.value || e.getAttribute("aria-label") || "").trim().slice(0, 60),
			inMain: !!(m && m !== e && m.contains(e)), focusVisible: e.matches(":focus-visible"),
			outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
			top: r.top, bottom: r.bottom, width: r.width, viewport: window.innerHeight};
	})()`)
}

// requireVisibleFocus fails unless the focused element is on screen and
// draws a focus indicator.
func (b *Browser) requireVisibleFocus(f focusInfo) {
	b.t.Helper()
	if f.Tag == "body" {
		b.t.Fatalf("focus fell back to <body>")
	}
	if !f.FocusVisible || f.Outline == "none" || f.OutlineWidth < 2 {
		b.t.Errorf("focused %s %q shows no visible focus indicator (outline %s %.0fpx)", f.Tag, f.Text, f.Outline, f.OutlineWidth)
	}
	if f.Width <= 1 || f.Bottom <= 0 || f.Top >= f.Viewport {
		b.t.Errorf("focused %s %q is not on screen (top %.0f, bottom %.0f, width %.0f)", f.Tag, f.Text, f.Top, f.Bottom, f.Width)
	}
}
