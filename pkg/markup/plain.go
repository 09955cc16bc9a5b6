package markup

import (
	"html"
	"strings"
	"unicode/utf8"
)

// PlainText converts Markdown source to one line of plain text for
// notifications, excerpts and search: the words a reader would see, with
// formatting and links' URLs gone and whitespace collapsed. The result is
// text, not HTML; callers escape it when they print it (html/template does).
//
// Sources that Render refuses still get an excerpt: the source itself (its
// first MaxBytes) with whitespace collapsed, since a notification should not
// fail over formatting.
func (r *Renderer) PlainText(src string) string {
	out, err := r.Render(src)
	if err != nil {
		return collapse(clean(truncate(src, MaxBytes)))
	}
	// StrictPolicy removes every tag and leaves text escaped exactly once, so
	// one unescape yields what the reader saw. Block elements are separated
	// by newlines in goldmark's output, so words never run together.
	return collapse(html.UnescapeString(r.strict.Sanitize(string(out))))
}

// truncate cuts s to at most n bytes without splitting a UTF-8 sequence.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
