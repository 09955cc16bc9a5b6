package forum

import (
	"strings"
)

// PlainExcerpt turns stored Markdown into the plain words a reader would
// see, cheaply and without rendering: link targets, emphasis marks, quote
// and list markers and rules go. It is for snippets and notifications
// only; callers escape the result.
//
// It reads the text once, a line at a time: a search page makes twenty of
// these, and four regular expressions over the whole text cost about
// 100 µs a post.
func PlainExcerpt(md string) string {
	var b strings.Builder
	b.Grow(len(md))
	for line := range strings.Lines(md) {
		line = strings.TrimRight(line, "\r\n")
		if isRule(line) {
			b.WriteByte(' ')
			continue
		}
		writePlain(&b, stripMarkers(line))
		b.WriteByte(' ')
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// isRule: the line is a thematic break or a heading underline, three or
// more of -, *, _ or = with only spaces between.
func isRule(line string) bool {
	marks := 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '-' || c == '*' || c == '_' || c == '=':
			marks++
		case !isSpace(c):
			return false
		}
	}
	return marks >= 3
}

// stripMarkers removes the heading, quote, list and numbered-list markers
// at the start of a line (after up to three spaces), as many as are
// nested there ("> - item").
func stripMarkers(line string) string {
	i := 0
	for i < 3 && i < len(line) && isSpace(line[i]) {
		i++
	}
	for {
		n := markerLen(line[i:])
		if n == 0 {
			return line[i:]
		}
		i += n
	}
}

// markerLen is the length of the marker at the start of s with the spaces
// after it, or 0.
func markerLen(s string) int {
	if s == "" {
		return 0
	}
	n := 0
	switch c := s[0]; {
	case c == '>':
		n = 1
		if n < len(s) && isSpace(s[n]) {
			n++
		}
		return n
	case c == '#':
		for n < len(s) && s[n] == '#' {
			n++
		}
		if n > 6 {
			return 0
		}
	case c == '-' || c == '*' || c == '+':
		n = 1
	case c >= '0' && c <= '9':
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n > 9 || n == len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	default:
		return 0
	}
	// A marker needs a space after it, or the end of its line.
	if n < len(s) && !isSpace(s[n]) {
		return 0
	}
	for n < len(s) && isSpace(s[n]) {
		n++
	}
	return n
}

// writePlain writes line without emphasis and code marks, table bars and
// backslashes, and with each link or image as its text.
func writePlain(b *strings.Builder, line string) {
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case '*', '_', '~', '`', '|', '\\':
		case '!', '[':
			start := i
			if c == '!' {
				start = i + 1
			}
			if text, end, ok := linkAt(line, start); ok {
				writePlain(b, text)
				i = end - 1
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
}

// linkAt reads "[text](target)" at s[i:], returning its text and the
// index after it.
func linkAt(s string, i int) (text string, end int, ok bool) {
	if i >= len(s) || s[i] != '[' {
		return "", 0, false
	}
	rb := strings.IndexByte(s[i+1:], ']')
	if rb < 0 {
		return "", 0, false
	}
	rb += i + 1
	if rb+1 >= len(s) || s[rb+1] != '(' {
		return "", 0, false
	}
	paren := strings.IndexByte(s[rb+2:], ')')
	if paren < 0 {
		return "", 0, false
	}
	return s[i+1 : rb], rb + 2 + paren + 1, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }
