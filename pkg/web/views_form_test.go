package web

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"text/template/parse"
)

// execPartial runs one of the form partials on v.
func execPartial(t *testing.T, name string, v any) string {
	t.Helper()
	_, home, err := templatesServer(t).render.template(string(pageHome), "en")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := home.ExecuteTemplate(&b, name, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b.String()
}

// The field partial wires the hint and the error to the control, and
// writes each kind of control with its attributes.
func TestFieldPartial(t *testing.T) {
	errs := FormErrors{Fields: map[string]string{"username": "Too short <b>"}}
	f, err := field("username", "Pseudonym", "value", `x"y`, "errors", errs, "hint", "Not your real name.", "maxlength", 64,
		"autocomplete", "username", "nospell", true, "required", true)
	if err != nil {
		t.Fatal(err)
	}
	out := execPartial(t, "field", f)
	for _, want := range []string{
		`<label for="username">Pseudonym</label>`,
		`<p class="hint" id="username-hint">Not your real name.</p>`,
		`<p class="field-error" id="username-error">Too short &lt;b&gt;</p>`,
		`<input type="text" id="username" name="username" value="x&#34;y" maxlength="64" autocomplete="username" autocapitalize="none" spellcheck="false" required aria-describedby="username-hint username-error" aria-invalid="true">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("field lacks %s\n%s", want, out)
		}
	}

	f, _ = field("note", "Note", "type", "textarea", "rows", 4, "class", "short", "value", "kept <words>")
	out = execPartial(t, "field", f)
	if !strings.Contains(out, `<textarea id="note" name="note" class="short" rows="4">kept &lt;words&gt;</textarea>`) ||
		strings.Contains(out, "aria-") || strings.Contains(out, "field-error") {
		t.Errorf("plain textarea:\n%s", out)
	}

	f, _ = field("break-days", "For how long", "name", "days", "type", "select", "errors", map[string]string{"days": "Choose one."},
		"options", []Option{{Value: "", Label: "None"}, {Value: "7", Label: "1 week", Selected: true}})
	out = execPartial(t, "field", f)
	for _, want := range []string{`<select id="break-days" name="days" aria-describedby="break-days-error" aria-invalid="true">`,
		`<option value="">None</option>`, `<option value="7" selected>1 week</option>`, `id="break-days-error">Choose one.</p>`} {
		if !strings.Contains(out, want) {
			t.Errorf("select lacks %s\n%s", want, out)
		}
	}
}

// The field function refuses what the partial could not write, so a
// mistyped template fails instead of losing its wiring.
func TestFieldSettings(t *testing.T) {
	for _, kv := range [][]any{
		{"hint"},
		{"hnit", "x"},
		{"maxlength", true},
		{"required", "yes"},
		{"errors", []string{"x"}},
		{"options", []string{"a"}},
		{3, "x"},
	} {
		if _, err := field("id", "Label", kv...); err == nil {
			t.Errorf("field accepted %v", kv)
		}
	}
	f, err := field("new-slug", "Address", "errors", map[string]string{"slug": "Taken."}, "name", "slug", "min", "1", "max", 9)
	if err != nil || f.Error != "Taken." || f.Min != "1" || f.Max != "9" || f.Describedby() != "new-slug-error" {
		t.Fatalf("%+v %v", f, err)
	}
	if f, _ := field("q", "Search", "error", "Own.", "errors", map[string]string{"q": "Map."}); f.Error != "Own." {
		t.Errorf("an explicit error gave way to the map: %q", f.Error)
	}
}

// The error summary links each problem to its field, sits at the level
// asked for, and shows a note alone; nothing at all when there is nothing
// to say.
func TestErrorSummaryPartial(t *testing.T) {
	errs := FormErrors{Fields: map[string]string{"password": "Longer, please.", "username": "Taken."}, Order: []string{"username", "password"}}
	out := execPartial(t, "error-summary", errs.Summary())
	if !strings.Contains(out, `<h2 id="error-summary-title">Please change the following</h2>`) ||
		!strings.Contains(out, `<li><a href="#username">Taken.</a></li><li><a href="#password">Longer, please.</a></li>`) ||
		!strings.Contains(out, `role="alert" aria-labelledby="error-summary-title"`) {
		t.Errorf("summary:\n%s", out)
	}
	if out := execPartial(t, "error-summary", errs.Summary().AtLevel(4)); !strings.Contains(out, `<h4 id="error-summary-title">`) {
		t.Errorf("level 4:\n%s", out)
	}
	if out := execPartial(t, "error-summary", errs.Summary().WithNote("Those details don't match.")); !strings.Contains(out, "<p>Those details don&#39;t match.</p>") || strings.Contains(out, "<h2") {
		t.Errorf("note:\n%s", out)
	}
	if out := execPartial(t, "error-summary", ErrorList{"Unlinked."}.Summary()); !strings.Contains(out, "<li>Unlinked.</li>") {
		t.Errorf("list:\n%s", out)
	}
	for _, empty := range []ErrorSummary{FormErrors{}.Summary(), ErrorList(nil).Summary(), FormErrors{}.Summary().WithNote("")} {
		if out := execPartial(t, "error-summary", empty); strings.TrimSpace(out) != "" {
			t.Errorf("empty summary wrote %q", out)
		}
	}
}

// TestTemplatesCallFieldRightly reads every template and checks each call
// of the field function: an id and a label, then settings it knows in
// pairs. Templates are executed only where a test reaches them; this sees
// every call.
func TestTemplatesCallFieldRightly(t *testing.T) {
	fsys := os.DirFS("../../templates")
	calls := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		tr := parse.New(p)
		tr.Mode = parse.SkipFuncCheck
		trees := map[string]*parse.Tree{}
		if _, err := tr.Parse(string(src), "", "", trees); err != nil {
			return err
		}
		for _, tree := range trees {
			walkNodes(tree.Root, func(cmd *parse.CommandNode) {
				if id, ok := cmd.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "field" {
					return
				}
				calls++
				if len(cmd.Args) < 3 || (len(cmd.Args)-3)%2 != 0 {
					t.Errorf("%s: %s: want an id, a label and settings in pairs", p, cmd)
					return
				}
				for i := 3; i < len(cmd.Args); i += 2 {
					key, ok := cmd.Args[i].(*parse.StringNode)
					if !ok {
						t.Errorf("%s: %s: setting %s is not a quoted name", p, cmd, cmd.Args[i])
					} else if _, ok := fieldKeys[key.Text]; !ok || key.Text == "" {
						t.Errorf("%s: %s: unknown setting %q", p, cmd, key.Text)
					}
				}
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 40 {
		t.Fatalf("found %d calls of field; the walk is missing some", calls)
	}
}

// walkNodes calls fn on every command under n, however deeply nested in
// actions, branches, template calls and parenthesised pipelines.
func walkNodes(n parse.Node, fn func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkNodes(c, fn)
		}
	case *parse.ActionNode:
		walkNodes(n.Pipe, fn)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.TemplateNode:
		walkNodes(n.Pipe, fn)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkNodes(c, fn)
		}
	case *parse.CommandNode:
		fn(n)
		for _, a := range n.Args {
			walkNodes(a, fn)
		}
	case *parse.ChainNode:
		walkNodes(n.Node, fn)
	}
}

func walkBranch(b *parse.BranchNode, fn func(*parse.CommandNode)) {
	walkNodes(b.Pipe, fn)
	walkNodes(b.List, fn)
	walkNodes(b.ElseList, fn)
}
