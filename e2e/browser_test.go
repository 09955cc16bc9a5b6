package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"hearth/pkg/forumtest"
)

// browserSeq numbers browsers across the run.
var browserSeq atomic.Int64

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// stepTimeout bounds every single browser action.
const stepTimeout = 20 * time.Second

// required reports whether missing tools fail the run (CI) instead of
// skipping it (a developer's plain `make test`).
func required() bool { return forumtest.Required() }

var (
	chromeOnce sync.Once
	chromePath string
)

// chromium finds the browser: HEARTH_CHROMIUM, then the usual names on PATH.
func chromium() string {
	chromeOnce.Do(func() {
		if p := os.Getenv("HEARTH_CHROMIUM"); p != "" {
			if _, err := os.Stat(p); err == nil {
				chromePath = p
			}
			return
		}
		for _, name := range []string{"chromium", "/usr/bin/chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				chromePath = p
				return
			}
		}
	})
	return chromePath
}

// needChromium skips (or, with HEARTH_E2E_REQUIRED=1, fails) without a browser.
func needChromium(t testing.TB) string {
	t.Helper()
	p := chromium()
	if p == "" {
		if required() {
			t.Fatal(errNoChromium.Error() + " (HEARTH_E2E_REQUIRED=1)")
		}
		// One clear line for the whole run; the other journeys skip quietly.
		if skipOnce.CompareAndSwap(false, true) {
			t.Skip(errNoChromium.Error())
		}
		t.SkipNow()
	}
	return p
}

// skipOnce makes the missing-Chromium message appear once per run.
var skipOnce atomic.Bool

// Browser is one headless Chromium with a fresh profile, looking at one
// Hearth server.
type Browser struct {
	t    *testing.T
	ctx  context.Context
	srv  *Server
	noJS bool
	// seq numbers the test's browsers, so their screenshots do not collide.
	seq int
	// audited and shot remember the page shapes already checked by axe
	// and already saved as screenshots.
	audited map[string]bool
	shot    map[string]bool
	// phoneView is set while the journey has the browser at phone size.
	phoneView bool
}

// BrowserOptions change how a browser starts.
type BrowserOptions struct {
	// NoJS turns JavaScript off in the page
	// (Emulation.setScriptExecutionDisabled), as for a member who has it off.
	NoJS bool
}

// NewBrowser starts Chromium for srv. It is closed when the test ends; if the
// test failed, the page it was on is saved as phone and desktop screenshots.
func NewBrowser(t *testing.T, srv *Server, o BrowserOptions) *Browser {
	t.Helper()
	path := needChromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		// The neutral quick-exit site is a local https test server with a
		// self-signed certificate.
		chromedp.IgnoreCertErrors,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	b := &Browser{t: t, ctx: ctx, srv: srv, noJS: o.NoJS, seq: int(browserSeq.Add(1)), audited: map[string]bool{}, shot: map[string]bool{}}
	t.Cleanup(func() {
		if t.Failed() {
			b.saveScreenshots("failure")
		}
		cancelCtx()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium (%s): %v", path, err)
	}
	if o.NoJS {
		b.setScripts(false)
	}
	return b
}

func (b *Browser) setScripts(on bool) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on}); err != nil {
		b.t.Fatalf("set script execution: %v", err)
	}
}

// do runs actions with the step timeout, failing the test on error.
func (b *Browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page (DevTools evaluation
// works with the page's scripts off too) and decodes the result.
func eval[T any](b *Browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluate %.80q: %v", expr, err)
	}
	return v
}

// URL is the absolute URL of path on the server.
func (b *Browser) URL(path string) string { return b.srv.URL + path }

// Go opens path, expects status 200, and checks the page with axe.
func (b *Browser) Go(path string) {
	b.t.Helper()
	b.GoStatus(path, 200)
}

// GoStatus opens path and expects the given status.
func (b *Browser) GoStatus(path string, want int64) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.Run(ctx, chromedp.NavigateResponse(b.URL(path)))
	if err != nil {
		b.t.Fatalf("open %s: %v%s", path, err, b.serverState())
	}
	b.checkResponse("open "+path, res, want)
}

// serverState explains a failed request when the server has gone away.
func (b *Browser) serverState() string {
	if b.srv != nil && b.srv.exited() {
		return " (the hearth server under test has stopped: something else signalled or killed it; see its log below)"
	}
	return ""
}

// GoExternal opens a URL that is not Hearth's (no status or axe check).
func (b *Browser) GoExternal(u string) {
	b.t.Helper()
	b.do("open "+u, chromedp.Navigate(u))
}

// Click clicks the first element matching the CSS selector and waits for
// the page it leads to, which must answer 200.
func (b *Browser) Click(sel string) {
	b.t.Helper()
	b.ClickStatus(sel, 200)
}

// ClickStatus clicks and expects the resulting page's status.
func (b *Browser) ClickStatus(sel string, want int64) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("click %s: %v%s", sel, err, b.serverState())
	}
	b.checkResponse("click "+sel, res, want)
}

// Submit presses the form's submit button sel (a click, like a member) and
// waits for the next page.
func (b *Browser) Submit(sel string, want int64) {
	b.t.Helper()
	b.ClickStatus(sel, want)
}

// Press types keys (for example "\t" or kb.Escape) into the focused element.
func (b *Browser) Press(keys string) {
	b.t.Helper()
	b.do("press keys", chromedp.KeyEvent(keys))
}

// PressNav presses keys that make the page navigate, and waits for the load.
func (b *Browser) PressNav(keys string, want int64) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(keys))
	if err != nil {
		b.t.Fatalf("press keys: %v", err)
	}
	b.checkResponse("press keys", res, want)
}

// Type fills the field sel with text (replacing what is there) by typing.
func (b *Browser) Type(sel, text string) {
	b.t.Helper()
	eval[chromedp.Void](b, fmt.Sprintf(`document.querySelector(%q).value = ""`, sel))
	b.do("type into "+sel, chromedp.SendKeys(chromedp.CSS(sel), text))
}

// SetValue sets a field's value directly (for long texts).
func (b *Browser) SetValue(sel, text string) {
	b.t.Helper()
	b.do("set "+sel, chromedp.SetValue(chromedp.CSS(sel), text))
}

// Check ticks the checkbox sel if it is not ticked.
func (b *Browser) Check(sel string) {
	b.t.Helper()
	if !eval[bool](b, fmt.Sprintf(`document.querySelector(%q).checked`, sel)) {
		b.do("tick "+sel, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	}
}

// Text returns the visible text of the first element matching sel.
func (b *Browser) Text(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeReady))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// Count returns how many elements match sel.
func (b *Browser) Count(sel string) int {
	b.t.Helper()
	return eval[int](b, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel))
}

// Has reports whether an element matches sel.
func (b *Browser) Has(sel string) bool { b.t.Helper(); return b.Count(sel) > 0 }

// Location is the page's current URL.
func (b *Browser) Location() string {
	b.t.Helper()
	return eval[string](b, `document.location.href`)
}

// Path is the current URL's path and fragment relative to the server.
func (b *Browser) Path() string {
	b.t.Helper()
	return strings.TrimPrefix(b.Location(), b.srv.URL)
}

// WaitLocation polls until the URL satisfies ok (for navigations made by
// scripts, such as quick exit).
func (b *Browser) WaitLocation(what string, ok func(string) bool) string {
	b.t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.location.href`))
		cancel()
		if err == nil && ok(loc) {
			return loc
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("waited for %s; location is %q (%v)", what, loc, err)
		}
		<-time.After(50 * time.Millisecond)
	}
}

// Back goes back one history entry and waits for it to load.
func (b *Browser) Back() {
	b.t.Helper()
	b.do("go back", chromedp.NavigateBack())
}

// Body returns the text of the page's main landmark.
func (b *Browser) Body() string {
	b.t.Helper()
	return eval[string](b, `(document.querySelector("main") || document.body).innerText`)
}

// H1 returns the text of the page's (only) h1, failing if there is not
// exactly one.
func (b *Browser) H1() string {
	b.t.Helper()
	if n := b.Count("h1"); n != 1 {
		b.t.Fatalf("%s has %d h1 elements, want 1", b.Path(), n)
	}
	return b.Text("h1")
}

func (b *Browser) checkResponse(what string, res *network.Response, want int64) {
	b.t.Helper()
	if res == nil {
		b.t.Fatalf("%s: no response", what)
	}
	if res.Status != want {
		b.t.Fatalf("%s: %s answered %d, want %d\n%s", what, res.URL, res.Status, want, tail(b.Body(), 20))
	}
	if strings.HasPrefix(res.URL, b.srv.URL) {
		label := pageLabel(res.URL, b.srv.URL)
		b.Audit()
		if shotsOnDemand() && !b.shot[label] {
			b.shot[label] = true
			b.saveScreenshots(label)
		}
	}
}

var digits = regexp.MustCompile(`[0-9]+`)

// pageLabel names a page for screenshots and audit bookkeeping: its path
// with ids replaced, so /t/17 and /t/18 are one shape.
func pageLabel(u, base string) string {
	p := strings.TrimPrefix(u, base)
	if pu, err := url.Parse(p); err == nil {
		p = pu.Path
	}
	p = digits.ReplaceAllString(p, "N")
	p = strings.Trim(strings.ReplaceAll(p, "/", "_"), "_")
	if p == "" {
		p = "home"
	}
	return p
}

// chromedpClick clicks without waiting for a navigation (for clicks that
// scripts turn into navigations of their own).
func chromedpClick(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)
}

// open reports whether the <details> element sel is open.
func (b *Browser) open(sel string) bool {
	b.t.Helper()
	return eval[bool](b, fmt.Sprintf(`!!(document.querySelector(%q) || {}).open`, sel))
}

// visible reports whether the first element matching sel is rendered
// (not inside a closed <details>, not display:none).
func (b *Browser) visible(sel string) bool {
	b.t.Helper()
	return eval[bool](b, fmt.Sprintf(`(e => !!e && e.checkVisibility())(document.querySelector(%q))`, sel))
}

// attr returns an attribute of the first element matching sel.
func (b *Browser) attr(sel, name string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`(e => e ? (e.getAttribute(%q) || "") : "")(document.querySelector(%q))`, name, sel))
}

// tabTo presses Tab until the element matching sel has focus, failing after
// max presses: it proves the control is reachable by keyboard alone.
func (b *Browser) tabTo(sel string, max int) {
	b.t.Helper()
	for i := 0; i < max; i++ {
		b.Press(kb.Tab)
		if eval[bool](b, fmt.Sprintf(`!!document.activeElement && document.activeElement.matches(%q)`, sel)) {
			return
		}
	}
	b.t.Fatalf("%s is not reachable with %d presses of Tab (focus is on %+v)", sel, max, b.focused())
}
