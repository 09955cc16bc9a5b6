package e2e

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/chromedp/chromedp"
)

// screenshotsFlag asks for screenshots on demand from the command line:
// go test ./e2e/ -run TestJourneyBrowse -screenshots
var screenshotsFlag = flag.Bool("screenshots", false, "write phone and desktop screenshots of every page the journeys open to e2e-screenshots/ (or set HEARTH_E2E_SCREENSHOTS=1)")

func shotsOnDemand() bool { return *screenshotsFlag || os.Getenv("HEARTH_E2E_SCREENSHOTS") == "1" }

// screenshotDir, when set, replaces e2e-screenshots/ at the repository root
// (the test of the screenshots themselves writes to a temporary directory).
var screenshotDir string

var nonFile = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// saveScreenshots writes the current page at phone (390px) and desktop
// (1280px) widths to e2e-screenshots/ at the repository root.
func (b *Browser) saveScreenshots(label string) {
	dir := screenshotDir
	if dir == "" {
		dir = filepath.Join(repoRoot(b.t), "e2e-screenshots")
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		b.t.Logf("screenshots: %v", err)
		return
	}
	name := nonFile.ReplaceAllString(fmt.Sprintf("%s-b%d-%s", b.t.Name(), b.seq, label), "_")
	for _, w := range []struct {
		width, height int64
		mobile        bool
	}{{390, 844, true}, {1280, 900, false}} {
		ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
		var opts []chromedp.EmulateViewportOption
		if w.mobile {
			opts = append(opts, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w.width, w.height, opts...)); err != nil {
			cancel()
			b.t.Logf("screenshot viewport: %v", err)
			return
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		cancel()
		if err != nil {
			b.t.Logf("screenshot: %v", err)
			return
		}
		file := filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, w.width))
		if err := os.WriteFile(file, png, 0o600); err != nil {
			b.t.Logf("screenshot: %v", err)
			return
		}
		b.t.Logf("screenshot: %s", file)
	}
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, b.viewport()); err != nil {
		b.t.Logf("screenshot: restoring the viewport: %v", err)
	}
}

// Shot saves phone and desktop screenshots of the current page when
// HEARTH_E2E_SCREENSHOTS=1, under a name of the journey's choosing.
func (b *Browser) Shot(label string) {
	if shotsOnDemand() {
		b.saveScreenshots(label)
	}
}

// viewport is the size the journey chose for the browser (phone, or the
// desktop size every browser starts at), which a screenshot puts back after
// taking its two widths: a journey at phone width stays at phone width.
func (b *Browser) viewport() chromedp.Action[chromedp.Void] {
	if b.phoneView {
		return chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)
	}
	return chromedp.EmulateViewport(1280, 900)
}
