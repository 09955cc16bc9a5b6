package web

import (
	"html/template"
	"strings"
	"text/template/parse"
)

// foldMessages replaces every {{t "sentence"}} and {{tm "sentence"}} of
// t's templates, whose argument is a constant, with the text it writes in
// the language of tfn and tmfn. The result cannot change while the server
// runs (the catalogues are compiled in), and a page holds dozens of such
// calls: each is two reflective calls when executed (the function, then
// html/template's escaper, both variadic), most of a member page's
// template time outside its posts. It must run before t is first
// executed, when html/template escapes the trees.
//
// The text is escaped as html/template would escape a string in HTML text
// or in a quoted attribute value, the only places templates call t (no
// template has inline script or style, and no attribute is unquoted);
// tm's result is already sanitised HTML, and templates use it only in text.
func foldMessages(t *template.Template, tfn func(string, ...any) string, tmfn func(string, ...any) template.HTML) {
	if tfn == nil || tmfn == nil {
		return
	}
	fold := func(n *parse.ActionNode) (string, bool) {
		p := n.Pipe
		if len(p.Decl) != 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 2 {
			return "", false
		}
		id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode)
		if !ok {
			return "", false
		}
		s, ok := p.Cmds[0].Args[1].(*parse.StringNode)
		if !ok {
			return "", false
		}
		switch id.Ident {
		case "t":
			return escapeText(tfn(s.Text)), true
		case "tm":
			return string(tmfn(s.Text)), true
		}
		return "", false
	}
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			foldList(tt.Tree.Root, fold)
		}
	}
}

func foldList(l *parse.ListNode, fold func(*parse.ActionNode) (string, bool)) {
	if l == nil {
		return
	}
	for i, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if text, ok := fold(n); ok {
				l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(text)}
			}
		case *parse.IfNode:
			foldList(n.List, fold)
			foldList(n.ElseList, fold)
		case *parse.RangeNode:
			foldList(n.List, fold)
			foldList(n.ElseList, fold)
		case *parse.WithNode:
			foldList(n.List, fold)
			foldList(n.ElseList, fold)
		case *parse.ListNode:
			foldList(n, fold)
		}
	}
}

// textEscaper escapes as html/template's escaper for HTML text, RCDATA and
// quoted attribute values does, so a folded page is byte for byte the page
// the call would have written.
var textEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

func escapeText(s string) string { return textEscaper.Replace(s) }

// foldAssets replaces every {{asset "name"}} of t's templates with the
// file's address, which is fixed while the server runs: five calls on
// every page, each three reflective calls when executed (the function,
// then html/template's URL filter and escaper). Only an address made of
// letters, digits and "/._-" is folded, which those escapers write
// unchanged in the attributes templates use it in; any other stays a call.
func foldAssets(t *template.Template, afn func(string) (string, error)) {
	if afn == nil {
		return
	}
	fold := func(n *parse.ActionNode) (string, bool) {
		p := n.Pipe
		if len(p.Decl) != 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 2 {
			return "", false
		}
		id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode)
		if !ok || id.Ident != "asset" {
			return "", false
		}
		s, ok := p.Cmds[0].Args[1].(*parse.StringNode)
		if !ok {
			return "", false
		}
		u, err := afn(s.Text)
		if err != nil || strings.TrimLeft(u, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-") != "" {
			return "", false
		}
		return u, true
	}
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			foldList(tt.Tree.Root, fold)
		}
	}
}
