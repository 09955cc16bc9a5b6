package web

import (
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template/parse"
	"unicode"

	"golang.org/x/net/html"

	"hearth/pkg/i18n"
)

// readAttrs are the attributes whose values people read or hear.
var readAttrs = []string{"aria-label", "title", "alt", "placeholder", "aria-placeholder", "aria-description"}

// templateFiles reads every template file of the repository.
func templateFiles(t *testing.T) map[string]string {
	t.Helper()
	fsys := os.DirFS("../../templates")
	out := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// parseTemplate parses one template file into its trees.
func parseTemplate(t *testing.T, name, src string) map[string]*parse.Tree {
	t.Helper()
	s := &Server{}
	c, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	funcs := map[string]any{}
	for _, b := range []string{"and", "or", "not", "len", "index", "slice", "print", "printf", "println", "html", "js", "urlquery", "eq", "ge", "gt", "le", "lt", "ne", "call"} {
		funcs[b] = fmt.Sprint
	}
	for k, v := range s.funcs(c.Printer("en")) {
		funcs[k] = v
	}
	funcs["parts"] = fmt.Sprint // NewRenderer adds it
	trees, err := parse.Parse(name, src, "{{", "}}", funcs)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return trees
}

// skeleton is a tree's HTML with every action replaced by a mark that
// holds no letters, both branches of every if kept, so that what is left
// in the text is what the file writes itself.
func skeleton(n parse.Node, b *strings.Builder) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			skeleton(c, b)
		}
	case *parse.TextNode:
		b.Write(n.Text)
	case *parse.IfNode:
		b.WriteString("\x01")
		skeleton(n.List, b)
		skeleton(n.ElseList, b)
	case *parse.RangeNode:
		b.WriteString("\x01")
		skeleton(n.List, b)
		skeleton(n.ElseList, b)
	case *parse.WithNode:
		b.WriteString("\x01")
		skeleton(n.List, b)
		skeleton(n.ElseList, b)
	default:
		b.WriteString("\x01")
	}
}

// attrList matches text that is a tag's attributes, not words.
var attrList = regexp.MustCompile(`^[^<>]*?[a-z-]+="[^"]*"`)

// hasLetters reports whether s holds a letter.
func hasLetters(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// literalText lists the words a template writes outside {{t}}: text
// between tags and the values of attributes people read.
func literalText(src string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(src))
	skip := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.TextToken:
			txt := strings.TrimSpace(string(z.Text()))
			if attrList.MatchString(txt) {
				// A template that writes a tag's attributes (field-attrs):
				// read them as a tag's.
				out = append(out, literalText("<x "+txt+">")...)
			} else if skip == "" && hasLetters(txt) {
				out = append(out, txt)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "script" || tok.Data == "style" {
				skip = tok.Data
			}
			button := tok.Data == "button"
			for _, a := range tok.Attr {
				if a.Key == "type" && (a.Val == "submit" || a.Val == "button" || a.Val == "reset") {
					button = true
				}
			}
			for _, a := range tok.Attr {
				if (slices.Contains(readAttrs, a.Key) || button && a.Key == "value") && hasLetters(a.Val) {
					out = append(out, a.Key+"="+strconv.Quote(a.Val))
				}
			}
		case html.EndTagToken:
			if tok := z.Token(); tok.Data == skip {
				skip = ""
			}
		}
	}
}

// wordyStrings lists the string constants of a tree's actions that read
// as words (small letters, and a capital or a space) and are neither a {{t}} or {{tm}} key nor a label
// or hint given to field, which the field partial translates.
func wordyStrings(n parse.Node) []string {
	var out []string
	walkPipes(n, func(cmd *parse.CommandNode) {
		fn := ""
		if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
			fn = id.Ident
		}
		for i, a := range cmd.Args {
			s, ok := a.(*parse.StringNode)
			if !ok || !strings.ContainsFunc(s.Text, unicode.IsLower) || !strings.ContainsFunc(s.Text, func(r rune) bool { return r == ' ' || unicode.IsUpper(r) }) {
				continue
			}
			if (fn == "t" || fn == "tm") && i == 1 || fn == "field" && fieldWords(cmd, i) {
				continue
			}
			out = append(out, s.Text)
		}
	})
	return out
}

// fieldWords reports whether argument i of a field call is its label or
// the value of its "hint".
func fieldWords(cmd *parse.CommandNode, i int) bool {
	if i == 2 {
		return true
	}
	prev, ok := cmd.Args[i-1].(*parse.StringNode)
	return ok && i > 2 && i%2 == 0 && prev.Text == "hint"
}

// walkPipes calls fn for every command of every action in n.
func walkPipes(n parse.Node, fn func(*parse.CommandNode)) {
	var pipe func(p *parse.PipeNode)
	pipe = func(p *parse.PipeNode) {
		if p == nil {
			return
		}
		for _, c := range p.Cmds {
			fn(c)
			for _, a := range c.Args {
				if sub, ok := a.(*parse.PipeNode); ok {
					pipe(sub)
				}
			}
		}
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkPipes(c, fn)
		}
	case *parse.ActionNode:
		pipe(n.Pipe)
	case *parse.TemplateNode:
		pipe(n.Pipe)
	case *parse.IfNode:
		pipe(n.Pipe)
		walkPipes(n.List, fn)
		walkPipes(n.ElseList, fn)
	case *parse.RangeNode:
		pipe(n.Pipe)
		walkPipes(n.List, fn)
		walkPipes(n.ElseList, fn)
	case *parse.WithNode:
		pipe(n.Pipe)
		walkPipes(n.List, fn)
		walkPipes(n.ElseList, fn)
	}
}

// TestTemplatesHoldNoUntranslatedText fails on words a template writes
// itself instead of through {{t}}: text between tags, the attributes
// people read (aria-label, title, alt, placeholder, a button's value, the
// <title>), and wordy strings given to functions other than t and field.
func TestTemplatesHoldNoUntranslatedText(t *testing.T) {
	files := templateFiles(t)
	for name, src := range files {
		for tname, tree := range parseTemplate(t, name, src) {
			var b strings.Builder
			skeleton(tree.Root, &b)
			for _, txt := range literalText(b.String()) {
				t.Errorf("%s (%s): untranslated text %q: write it as {{t %q}}", name, tname, strings.ReplaceAll(txt, "\x01", "{{…}}"), strings.ReplaceAll(txt, "\x01", "%s"))
			}
			for _, s := range wordyStrings(tree.Root) {
				t.Errorf("%s (%s): untranslated string %q: write it as (t %q)", name, tname, s, s)
			}
		}
	}
}

// TestLiteralTextCheckCatchesWords keeps the check honest on the shapes
// it must catch and the ones it must let through.
func TestLiteralTextCheckCatchesWords(t *testing.T) {
	bad := []string{
		`<p>Hello</p>`,
		`<p>{{.Name}} replied</p>`,
		`<a href="/" title="Go home">{{t "Home"}}</a>`,
		`<img src="x.png" alt="A fire">`,
		`<input type="submit" value="Send">`,
		`<button aria-label="Close">×</button>`,
		`<title>Hearth</title>`,
		`{{if .X}}<p>{{t "Yes"}}</p>{{else}}<p>No</p>{{end}}`,
		`{{printf "%s says" .Name}}`,
	}
	for _, src := range bad {
		tree := parseTemplate(t, "bad", src)["bad"]
		var b strings.Builder
		skeleton(tree.Root, &b)
		if len(literalText(b.String()))+len(wordyStrings(tree.Root)) == 0 {
			t.Errorf("%s: passed, but it holds untranslated words", src)
		}
	}
	good := []string{
		`<p>{{t "Hello"}}</p>`,
		`<p>{{t "%s replied" .Name}} · {{.Count}}</p>`,
		`<a href="/" title="{{t "Go home"}}">{{t "Home"}}</a>`,
		`<input type="text" value="{{.Value}}" name="q">`,
		`{{template "field" (field "q" "Search for" "hint" "Words or a phrase" "type" "search")}}`,
		`<script>var a = "words";</script><p>&middot;</p>`,
	}
	for _, src := range good {
		tree := parseTemplate(t, "good", src)["good"]
		var b strings.Builder
		skeleton(tree.Root, &b)
		if got := append(literalText(b.String()), wordyStrings(tree.Root)...); len(got) > 0 {
			t.Errorf("%s: flagged %q, but every word is translated", src, got)
		}
	}
}
