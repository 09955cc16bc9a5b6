package markup

import (
	"html/template"
	"strings"
	"testing"
)

// TestExecuteKeepsTemplateEscaping: a fragment carries html/template's
// contextual escaping, embeds unescaped a second time in another
// template, and a failing execution is an error, not half a fragment.
func TestExecuteKeepsTemplateEscaping(t *testing.T) {
	tpl := template.Must(template.New("").Parse(`{{define "f"}}<a href="/u/{{.Name}}" title="{{.Name}}">{{.Name}}</a>{{end}}{{define "bad"}}{{.Missing.Field}}{{end}}`))
	h, err := Execute(tpl, "f", struct{ Name string }{`<b>"x"&</b>`})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(h), "<b>") || !strings.Contains(string(h), "&lt;b&gt;") || !strings.Contains(string(h), "%3cb%3e") {
		t.Fatalf("member text not escaped for each context: %s", h)
	}
	page := template.Must(template.New("p").Parse(`<li>{{.}}</li>`))
	var b strings.Builder
	if err := page.Execute(&b, h); err != nil {
		t.Fatal(err)
	}
	if b.String() != "<li>"+string(h)+"</li>" {
		t.Errorf("the fragment was escaped again inside the page: %s", b.String())
	}
	if h, err := Execute(tpl, "bad", struct{ Name string }{"n"}); err == nil || h != "" {
		t.Errorf("a failing template gave %q, %v", h, err)
	}
}
