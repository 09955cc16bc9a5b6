package web

import (
	"html/template"
	"regexp"
	"text/template/parse"
)

// lineBreakSpace is a run of spaces and tabs around at least one line
// break.
var lineBreakSpace = regexp.MustCompile(`[ \t]*\n[ \t\r\n]*`)

// collapseSpace shortens the templates' own text, not the values they
// print: every run of white space that holds a line break becomes one
// line break. The sources are indented for people to read; served as
// written, the indentation and the blank lines left by actions that
// print nothing were a sixth of a member's thread page (22 of 127 KB),
// copied, written and read on every request. A browser reads either as
// one space between elements, so a page looks the same. No template has
// literal text inside <pre> or <textarea>, where white space would be
// kept as written; it must run before t is first executed.
func collapseSpace(t *template.Template) {
	eachList(t, func(l *parse.ListNode) {
		for _, n := range l.Nodes {
			if text, ok := n.(*parse.TextNode); ok {
				text.Text = lineBreakSpace.ReplaceAll(text.Text, []byte("\n"))
			}
		}
	})
}
