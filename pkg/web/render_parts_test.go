package web

import (
	"bytes"
	"html/template"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"hearth/pkg/markup"
)

// TestPartsTakeTheMarksPlace: a thread page's posts, rendered apart, are
// written where the template says {{parts}}, in order, the same through a
// buffer and through the response (whose length is announced), and the
// mark itself is never sent, even when a title spells its prefix.
func TestPartsTakeTheMarksPlace(t *testing.T) {
	s := templatesServer(t)
	v := ThreadPageView{
		Base:   Base{Title: "hearth-parts-", User: &ViewUser{ID: 1, Name: "reader"}, Path: "/t/1"},
		Thread: ThreadInfo{ID: 1, Title: "hearth-parts- and more", GroupSlug: "grief", GroupName: "Grief"},
		Back:   "/t/1", SignedIn: true,
	}
	for i := range 3 {
		h, err := markup.Execute(template.Must(template.New("p").Parse(`<li class="post" id="p-{{.}}"><pre>  kept
  as written</pre></li>`)), "p", i)
		if err != nil {
			t.Fatal(err)
		}
		v.PostHTML = append(v.PostHTML, h)
	}
	var buf bytes.Buffer
	if err := s.render.Render(&buf, string(pageThread), v, nil); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if strings.Contains(page, s.render.mark) || strings.Count(page, "hearth-parts-") != 2 {
		t.Errorf("the mark was sent, or a title lost its words:\n%s", page)
	}
	a, b, c := strings.Index(page, `id="p-0"`), strings.Index(page, `id="p-1"`), strings.Index(page, `id="p-2"`)
	ol := strings.Index(page, `<ol class="posts">`)
	if ol < 0 || !(ol < a && a < b && b < c) || !strings.Contains(page, "<pre>  kept\n  as written</pre>") {
		t.Errorf("posts not in order inside the list:\n%s", page)
	}
	rec := httptest.NewRecorder()
	ec := echo.New().NewContext(httptest.NewRequest(http.MethodGet, "/t/1", nil), rec)
	if err := (renderContext{Context: ec, r: s.render}).Render(http.StatusOK, string(pageThread), v); err != nil {
		t.Fatal(err)
	}
	if rec.Body.String() != page {
		t.Errorf("the response differs from the buffer's page")
	}
	if got := rec.Header().Get(echo.HeaderContentLength); got != strconv.Itoa(len(page)) {
		t.Errorf("Content-Length %s for a page of %d bytes", got, len(page))
	}
}
