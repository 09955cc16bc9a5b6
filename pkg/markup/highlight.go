package markup

import (
	"html"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHighlightTerms bounds the work per snippet: matching costs the length of
// the text times the total length of the terms.
const maxHighlightTerms = 16

// Highlight HTML-escapes text and wraps every case-insensitive, whole-word
// occurrence of any of terms in <mark>...</mark>, for search result snippets.
// A term matches where it is not part of a longer word: "sad" marks "Sad," but
// not "sadness". Where terms overlap the longest wins. Terms are only ever
// compared with the text, never copied into the output, so a term such as
// "<script>" or "&" cannot inject markup: what is marked is the escaped text.
// Empty terms are ignored, and only the first 16 terms are used.
func Highlight(text string, terms []string) template.HTML {
	text = clean(text)
	var ts [][]rune
	for _, t := range terms {
		if len(ts) == maxHighlightTerms {
			break
		}
		if t = strings.TrimSpace(clean(t)); t != "" {
			ts = append(ts, []rune(t))
		}
	}
	var b strings.Builder
	plain := 0 // start of the text not yet written
	prev := rune(-1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if end := longestMatch(text, i, prev, ts); end > i {
			b.WriteString(html.EscapeString(text[plain:i]))
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(text[i:end]))
			b.WriteString("</mark>")
			prev, _ = utf8.DecodeLastRuneInString(text[i:end])
			i, plain = end, end
			continue
		}
		prev = r
		i += size
	}
	b.WriteString(html.EscapeString(text[plain:]))
	// Every byte written is either escaped text or a literal <mark> tag.
	return template.HTML(b.String()) // #nosec G203 -- built from html.EscapeString pieces and <mark> tags only
}

// longestMatch returns the end of the longest term that matches text at
// byte offset i as a whole word (prev is the rune before i, or -1), or i
// when none does.
func longestMatch(text string, i int, prev rune, terms [][]rune) int {
	best := i
	for _, t := range terms {
		end, ok := matchFold(text, i, t)
		if !ok || end <= best {
			continue
		}
		// A word boundary is needed only where the term itself has a word
		// character at its edge, so terms like "&" or "<script>" still match.
		if isWord(t[0]) && isWord(prev) {
			continue
		}
		if next, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && isWord(t[len(t)-1]) && isWord(next) {
			continue
		}
		best = end
	}
	return best
}

// matchFold reports whether term matches text at byte offset i under Unicode
// simple case folding, and where the match ends. Simple folding maps one rune
// to one rune, so the match has as many runes as the term.
func matchFold(text string, i int, term []rune) (int, bool) {
	for _, want := range term {
		if i >= len(text) {
			return i, false
		}
		got, size := utf8.DecodeRuneInString(text[i:])
		if !foldEqual(got, want) {
			return i, false
		}
		i += size
	}
	return i, true
}

func foldEqual(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// isWord reports whether r is part of a word for whole-word matching.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
