package web

import (
	"html/template"
	"strings"
	"testing"
)

// TestCollapseSpaceKeepsValues: the templates' indentation and blank lines
// go, one line break stays where there was one, spaces within a line stay,
// and what a value prints (a post's code block) is written as it is.
func TestCollapseSpaceKeepsValues(t *testing.T) {
	tpl := template.Must(template.New("p").Parse("<ul>\n    <li>one</li>\n\n    {{if .Show}}<li>two</li>{{end}}\n  </ul>  <p>a  b</p>\n{{.Body}}"))
	collapseSpace(tpl)
	var b strings.Builder
	body := template.HTML("<pre><code>line one\n    indented\n\n  after a blank\n</code></pre>")
	if err := tpl.Execute(&b, map[string]any{"Show": false, "Body": body}); err != nil {
		t.Fatal(err)
	}
	want := "<ul>\n<li>one</li>\n\n</ul>  <p>a  b</p>\n" + string(body)
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
}
