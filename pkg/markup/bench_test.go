package markup

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRender measures whole-pipeline cost on realistic posts:
//
//	go test -run '^$' -bench BenchmarkRender -benchmem ./pkg/markup
//
// Posts are rendered once, at write time, so this bounds posting cost, not
// page views.
func BenchmarkRender(b *testing.B) {
	for _, name := range []string{"short", "long"} {
		src, err := os.ReadFile(filepath.Join("testdata", "bench", name+".md"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := testRenderer.Render(string(src)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
