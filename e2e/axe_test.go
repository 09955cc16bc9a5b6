package e2e

import (
	"context"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// errNoAxe is the one line printed when the accessibility check cannot run.
const errNoAxe = "e2e: axe-core not found; run `npm install --no-save --prefix . axe-core@4` at the repository root or set HEARTH_AXE_JS to check accessibility"

var (
	axeOnce sync.Once
	axeSrc  string
	axeFile string
)

// axeScript returns axe.min.js, or "" when it is not installed.
func axeScript(t testing.TB) string {
	t.Helper()
	axeOnce.Do(func() {
		axeFile = os.Getenv("HEARTH_AXE_JS")
		if axeFile == "" {
			axeFile = filepath.Join(repoRoot(t), "node_modules", "axe-core", "axe.min.js")
		}
		b, err := os.ReadFile(axeFile)
		if err == nil {
			axeSrc = string(b)
		}
	})
	if axeSrc == "" && required() {
		t.Fatalf("%s (looked for %s; HEARTH_E2E_REQUIRED=1)", errNoAxe, axeFile)
	}
	return axeSrc
}

// axeViolation is a serious or critical axe finding.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// axeRun runs axe on the document and returns its violations.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations
	.map(v => ({id: v.id, impact: v.impact, help: v.help,
		nodes: v.nodes.slice(0, 6).map(n => ({target: n.target.join(" "), summary: n.failureSummary || ""}))})))`

// pageShape lists the kinds of element on the page (tag name and classes,
// each once, sorted). Two visits to one URL pattern with the same list are
// the same page to axe; a new banner, notice or state (a lock banner, a
// redacted post, a hidden warning, a flash message) makes a new shape.
const pageShape = `[...new Set([...document.querySelectorAll("body *")]
	.map(e => [e.localName, ...[...e.classList].sort()].join(".")))].sort().join(" ")`

// Audit runs axe-core on the current page, in the light and the dark
// theme, and fails the test (without stopping it) on any serious or
// critical violation, saving phone and desktop screenshots of the page.
// Each page shape (URL pattern and pageShape) is audited once per browser.
// Every audited page also has its disclosures checked for an arrow
// (requireDisclosureMarkers), with or without axe-core.
func (b *Browser) Audit() {
	b.t.Helper()
	label := pageLabel(b.Location(), b.srv.URL)
	h := fnv.New64a()
	_, _ = h.Write([]byte(eval[string](b, pageShape)))
	key := fmt.Sprintf("%s#%x", label, h.Sum64())
	if b.audited[key] {
		return
	}
	b.audited[key] = true
	b.requireDisclosureMarkers(b.Path())
	if src := axeScript(b.t); src != "" {
		b.auditAs(src, b.Path(), label)
	}
}

// AuditNow audits the page in its current state (for example after
// opening a <details>), under label, once per browser.
func (b *Browser) AuditNow(label string) {
	b.t.Helper()
	if b.audited[label] {
		return
	}
	b.audited[label] = true
	b.requireDisclosureMarkers(b.Path() + " (" + label + ")")
	if src := axeScript(b.t); src != "" {
		b.auditAs(src, b.Path()+" ("+label+")", label)
	}
}

// auditAs runs axe and reports its findings as being on where; label
// names the screenshots saved on failure.
func (b *Browser) auditAs(src, where, label string) {
	b.t.Helper()
	if vs := b.axe(src); len(vs) > 0 {
		b.t.Errorf("axe: %s has %d serious or critical accessibility problem(s):\n%s", where, len(vs), formatViolations(vs))
		b.saveScreenshots("axe-" + label)
		return
	}
	b.t.Logf("axe: %s: no serious or critical problems (light and dark themes)", where)
}

// axe injects axe-core and returns the serious and critical violations in
// both colour schemes, each prefixed with the scheme.
func (b *Browser) axe(src string) []axeViolation {
	b.t.Helper()
	if b.noJS {
		// axe-core needs timers and promises; the page was loaded (and its
		// own scripts skipped) with JavaScript off, so turning it on for the
		// audit runs none of Hearth's scripts.
		b.setScripts(true)
		defer b.setScripts(false)
	}
	if !eval[bool](b, `typeof window.axe === "object"`) {
		ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src))
		cancel()
		if err != nil {
			b.t.Fatalf("inject axe-core: %v", err)
		}
	}
	var out, minor []axeViolation
	for _, scheme := range []string{"light", "dark"} {
		b.colorScheme(scheme)
		for _, v := range eval[[]axeViolation](b, axeRun) {
			serious := v.Impact == "serious" || v.Impact == "critical"
			v.Impact = scheme + " theme, " + v.Impact
			if serious {
				out = append(out, v)
			} else {
				minor = append(minor, v)
			}
		}
	}
	if len(minor) > 0 && os.Getenv("HEARTH_AXE_ALL") == "1" {
		b.t.Logf("axe: %s has %d moderate or minor finding(s) (not failures):\n%s", b.Path(), len(minor), formatViolations(minor))
	}
	b.colorScheme("")
	return out
}

// colorScheme emulates prefers-color-scheme ("" resets it).
func (b *Browser) colorScheme(scheme string) {
	b.t.Helper()
	p := emulation.SetEmulatedMediaParams{}
	if scheme != "" {
		p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
	}
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, p); err != nil {
		b.t.Fatalf("emulate %s colour scheme: %v", scheme, err)
	}
}

func formatViolations(vs []axeViolation) string {
	var sb strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&sb, "  - [%s] %s: %s\n", v.Impact, v.ID, v.Help)
		for _, n := range v.Nodes {
			fmt.Fprintf(&sb, "      at %s\n", n.Target)
			for _, line := range strings.Split(strings.TrimSpace(n.Summary), "\n") {
				if line = strings.TrimSpace(line); line != "" {
					fmt.Fprintf(&sb, "        %s\n", line)
				}
			}
		}
	}
	return sb.String()
}
