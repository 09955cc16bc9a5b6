package web

import (
	"bytes"
	"html/template"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/labstack/echo/v4"
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

// TestPooledRenderSendsWholePages: pages rendered through the pooled
// buffers come out whole and unmixed when many requests share the pool,
// and a template that fails sends nothing of itself.
func TestPooledRenderSendsWholePages(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/base.html": {Data: []byte(`{{define "layout"}}<main>{{template "content" .}}</main>{{end}}`)},
		"pages/echo.html":   {Data: []byte(`{{define "content"}}{{.}}{{end}}`)},
		"pages/fails.html":  {Data: []byte(`{{define "content"}}<p>start</p>{{.Missing}}{{end}}`)},
	}
	r, err := NewRenderer(fsys, template.FuncMap{})
	if err != nil {
		t.Fatal(err)
	}
	e := echo.New()
	e.Renderer = r
	e.Use(r.pooledRender)
	e.GET("/p/:n", func(c echo.Context) error {
		return c.Render(http.StatusOK, "echo", strings.Repeat(c.Param("n"), 20000))
	})
	e.GET("/fails", func(c echo.Context) error {
		if err := c.Render(http.StatusOK, "fails", 1); err != nil {
			return c.String(http.StatusInternalServerError, "failed")
		}
		return nil
	})
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			n := strconv.Itoa(i % 7)
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/p/"+n, nil))
			if want := "<main>" + strings.Repeat(n, 20000) + "</main>"; rec.Body.String() != want {
				t.Errorf("page %s came out as %d bytes starting %.40q", n, rec.Body.Len(), rec.Body.String())
			}
		})
	}
	wg.Wait()
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/fails", nil))
	if rec.Code != http.StatusInternalServerError || rec.Body.String() != "failed" {
		t.Errorf("a failing template answered %d %q, want only the handler's error", rec.Code, rec.Body.String())
	}
}
