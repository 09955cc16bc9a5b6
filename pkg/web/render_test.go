package web

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRendererParsesEveryPageAtStart: a broken page stops NewRenderer even
// though pages are only kept once they are first shown.
func TestRendererParsesEveryPageAtStart(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/base.html":       {Data: []byte(`{{define "layout"}}<main>{{template "content" .}}</main>{{end}}`)},
		"pages/ok.html":           {Data: []byte(`{{define "content"}}<p>{{.}}</p>{{end}}`)},
		"pages/admin/broken.html": {Data: []byte(`{{define "content"}}{{if .}}{{end}}`)},
	}
	if _, err := NewRenderer(fsys, template.FuncMap{}); err == nil || !strings.Contains(err.Error(), "pages/admin/broken.html") {
		t.Fatalf("NewRenderer with a broken page: %v, want an error naming it", err)
	}

	delete(fsys, "pages/admin/broken.html")
	fsys["pages/other.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}<h1>{{.}}</h1>{{end}}`)}
	r, err := NewRenderer(fsys, template.FuncMap{})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second time from the kept copy, through a pooled buffer
		var out strings.Builder
		if err := r.Render(&out, "ok", "<b>", nil); err != nil {
			t.Fatal(err)
		}
		if out.String() != "<main><p>&lt;b&gt;</p></main>" {
			t.Fatalf("ok rendered %q", out.String())
		}
		var buf bytes.Buffer // as Echo hands it in
		if err := r.Render(&buf, "other", "x", nil); err != nil {
			t.Fatal(err)
		}
		if buf.String() != "<main><h1>x</h1></main>" {
			t.Fatalf("other rendered %q", buf.String())
		}
	}
	if err := r.Render(&bytes.Buffer{}, "missing", nil, nil); err == nil {
		t.Fatal("rendering a page that does not exist must fail")
	}
}
