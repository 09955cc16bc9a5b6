package e2e

import (
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestScreenshotsPhoneAndDesktop: the screenshots saved on failure and on
// demand are two PNG files of the page, 390 and 1280 pixels wide. A phone
// screenshot wider than 390 pixels would also mean the page scrolls
// sideways on a phone.
func TestScreenshotsPhoneAndDesktop(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	dir := t.TempDir()
	screenshotDir = dir
	t.Cleanup(func() { screenshotDir = "" })
	b := NewBrowser(t, srv, BrowserOptions{})
	b.Go("/g/grief")
	b.saveScreenshots("check")

	for _, want := range []int{390, 1280} {
		files, err := filepath.Glob(filepath.Join(dir, "*-check-"+strconv.Itoa(want)+".png"))
		if err != nil || len(files) != 1 {
			t.Fatalf("screenshots at %dpx: %v (%v); the folder holds %v", want, files, err, listDir(dir))
		}
		f, err := os.Open(files[0])
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		_ = f.Close()
		if err != nil {
			t.Fatalf("%s is not a PNG: %v", files[0], err)
		}
		if cfg.Width != want || cfg.Height < 200 {
			t.Errorf("%s is %dx%d, want %d pixels wide and a page tall", filepath.Base(files[0]), cfg.Width, cfg.Height, want)
		}
	}
	// The browser is back at the width the journey chose afterwards.
	if w := eval[int](b, `window.innerWidth`); w != 1280 {
		t.Errorf("after the screenshots the window is %dpx wide, want 1280", w)
	}
	b.phone()
	b.saveScreenshots("phone")
	if w := eval[int](b, `window.innerWidth`); w != 390 {
		t.Errorf("after screenshots taken at phone width the window is %dpx wide, want 390", w)
	}
}

func listDir(dir string) []string {
	es, _ := os.ReadDir(dir)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
