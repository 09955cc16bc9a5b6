package web

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFoldedMessagesRenderAsCalled: a page whose constant {{t}} and {{tm}}
// calls were folded at parse time writes exactly what the calls write when
// executed, in text, in quoted attributes, in <title> and <textarea>,
// inside if, range, with and defined templates; calls with arguments or a
// non-constant key still run on every execution.
func TestFoldedMessagesRenderAsCalled(t *testing.T) {
	calls := 0
	tr := map[string]string{
		"Reply":          `Responder & "citar" <ya> 1+1 'sí'`,
		"Hello %s":       "Hola %s",
		"Read *gently*.": "Lee *con calma*.",
	}
	tfn := func(key string, args ...any) string {
		calls++
		s, ok := tr[key]
		if !ok {
			s = key
		}
		if len(args) > 0 {
			return strings.ReplaceAll(s, "%s", args[0].(string))
		}
		return s
	}
	tmfn := func(key string, args ...any) template.HTML {
		calls++
		return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(tfn(key)), "*con calma*", "<em>con calma</em>"))
	}
	funcs := template.FuncMap{"t": tfn, "tm": tmfn}
	layout := `{{define "layout"}}<title>{{t "Reply"}}</title>{{template "content" .}}{{template "part" .}}{{end}}` +
		`{{define "part"}}<footer aria-label="{{t "Reply"}}">{{tm "Read *gently*."}}</footer>{{end}}`
	page := `{{define "content"}}<p>{{t "Reply"}}</p><a href="/r" title="{{t "Reply"}}">{{t "Reply"}}</a>` +
		`{{if .}}<b>{{t "Reply"}}</b>{{else}}{{t "Reply"}}{{end}}{{range $i, $x := .}}<i>{{t "Reply"}}{{$x}}</i>{{end}}` +
		`{{with .}}<textarea>{{t "Reply"}}</textarea>{{end}}<q>{{t "Hello %s" "<Ana>"}}</q>{{with .}}<s>{{t (index . 0)}}</s>{{end}}{{end}}`
	fsys := fstest.MapFS{"layouts/base.html": {Data: []byte(layout)}, "pages/p.html": {Data: []byte(page)}}
	r, err := NewRenderer(fsys, funcs)
	if err != nil {
		t.Fatal(err)
	}
	want := func(data any) string {
		plain := template.Must(template.New("").Funcs(funcs).Parse(layout + page))
		var b strings.Builder
		if err := plain.ExecuteTemplate(&b, "layout", data); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if err := r.Render(&strings.Builder{}, "p", nil, nil); err != nil { // parses and folds
		t.Fatal(err)
	}
	for _, data := range [][]string{{"Reply", "x"}, nil} {
		w := want(data)
		calls = 0
		var got strings.Builder
		if err := r.Render(&got, "p", data, nil); err != nil {
			t.Fatal(err)
		}
		if got.String() != w {
			t.Fatalf("folded page:\n%s\nexecuted calls:\n%s", got.String(), w)
		}
		// Only {{t "Hello %s" "<Ana>"}} and {{t (index . 0)}} run.
		if wantCalls := map[bool]int{true: 2, false: 1}[data != nil]; calls != wantCalls {
			t.Fatalf("%d calls while rendering %v, want %d: constant calls were not folded", calls, data, wantCalls)
		}
	}
	if !strings.Contains(want(nil), "Responder &amp; &#34;citar&#34; &lt;ya&gt; 1&#43;1 &#39;sí&#39;") {
		t.Fatal("the translation with markup characters was not escaped as text")
	}
}

// TestFoldedAssetsRenderAsCalled: a constant {{asset}} folded at parse time
// writes what the call writes, in href and src; an address the escapers
// would change, and a name that is not constant, stay calls.
func TestFoldedAssetsRenderAsCalled(t *testing.T) {
	calls := 0
	afn := func(name string) (string, error) {
		calls++
		if name == "odd" {
			return "/static/1/odd file?x=1&y=\"2\"", nil
		}
		return "/static/0c3e91/" + name, nil
	}
	funcs := template.FuncMap{"asset": afn}
	layout := `{{define "layout"}}<link rel="stylesheet" href="{{asset "css/hearth.css"}}">{{template "content" .}}{{end}}`
	page := `{{define "content"}}<img src="{{asset "img/a-b_c.svg"}}" alt=""><a href="{{asset "odd"}}">x</a>{{with .}}<script src="{{asset .}}"></script>{{end}}{{end}}`
	fsys := fstest.MapFS{"layouts/base.html": {Data: []byte(layout)}, "pages/p.html": {Data: []byte(page)}}
	r, err := NewRenderer(fsys, funcs)
	if err != nil {
		t.Fatal(err)
	}
	plain := template.Must(template.New("").Funcs(funcs).Parse(layout + page))
	var want strings.Builder
	if err := plain.ExecuteTemplate(&want, "layout", "js/x.js"); err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	if err := r.Render(&got, "p", "js/x.js", nil); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("folded:\n%s\nwant:\n%s", got.String(), want.String())
	}
	calls = 0
	if err := r.Render(&strings.Builder{}, "p", "js/x.js", nil); err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Errorf("%d asset calls on a render, want 2 (the odd address and the one named by data)", calls)
	}
}
