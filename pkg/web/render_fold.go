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
	foldCalls(t, func(fn, arg string) (string, bool) {
		switch fn {
		case "t":
			return escapeText(tfn(arg)), true
		case "tm":
			return string(tmfn(arg)), true
		}
		return "", false
	})
}

// foldCalls replaces every action of t's templates that calls one function
// with one constant string, {{fn "arg"}}, with the text fold returns for
// it, when fold says so.
func foldCalls(t *template.Template, fold func(fn, arg string) (string, bool)) {
	eachList(t, func(l *parse.ListNode) {
		for i, n := range l.Nodes {
			a, ok := n.(*parse.ActionNode)
			if !ok {
				continue
			}
			fn, arg, ok := constantCall(a)
			if !ok {
				continue
			}
			if text, ok := fold(fn, arg); ok {
				l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: a.Pos, Text: []byte(text)}
			}
		}
	})
}

// constantCall reads {{fn "arg"}}: one function called with one constant
// string, nothing declared.
func constantCall(n *parse.ActionNode) (fn, arg string, ok bool) {
	p := n.Pipe
	if len(p.Decl) != 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 2 {
		return "", "", false
	}
	id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode)
	if !ok {
		return "", "", false
	}
	s, ok := p.Cmds[0].Args[1].(*parse.StringNode)
	if !ok {
		return "", "", false
	}
	return id.Ident, s.Text, true
}

// eachList calls f with every list of nodes in t's templates: their roots
// and the bodies of every if, range and with, at any depth.
func eachList(t *template.Template, f func(*parse.ListNode)) {
	for _, tt := range t.Templates() {
		if tt.Tree != nil {
			walkLists(tt.Tree.Root, f)
		}
	}
}

func walkLists(l *parse.ListNode, f func(*parse.ListNode)) {
	if l == nil {
		return
	}
	f(l)
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.IfNode:
			walkLists(n.List, f)
			walkLists(n.ElseList, f)
		case *parse.RangeNode:
			walkLists(n.List, f)
			walkLists(n.ElseList, f)
		case *parse.WithNode:
			walkLists(n.List, f)
			walkLists(n.ElseList, f)
		case *parse.ListNode:
			walkLists(n, f)
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
	foldCalls(t, func(fn, arg string) (string, bool) {
		if fn != "asset" {
			return "", false
		}
		u, err := afn(arg)
		if err != nil || strings.TrimLeft(u, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-") != "" {
			return "", false
		}
		return u, true
	})
}
