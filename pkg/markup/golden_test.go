package markup

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.html from the current renderer")

// TestGolden renders every testdata/golden/NAME.md and compares the result
// with NAME.html. Run with -update to regenerate, then read the diff.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "golden", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) < 15 {
		t.Fatalf("found %d golden inputs, want at least 15", len(inputs))
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := testRenderer.Render(string(src))
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			assertSafe(t, string(src), string(got))
			want := strings.TrimSuffix(in, ".md") + ".html"
			if *update {
				if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			exp, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update ./pkg/markup to create it)", err)
			}
			if string(got) != string(exp) {
				t.Errorf("%s differs from %s\ngot:\n%s\nwant:\n%s", in, want, got, exp)
			}
		})
	}
}
