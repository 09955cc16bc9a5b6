package safety

import (
	"regexp"
	"strings"
)

type span struct{ start, end int }

// textInfo is a normalised text with its sentence, clause and quotation
// structure, computed once per Assess call.
type textInfo struct {
	text      string
	sentences []span
	bounds    []span
	quotes    []span
	help      bool
	bereaved  bool
	// inText and inSentence are the indexed literals present in the text
	// and in each sentence; guards are the prefilters of the context
	// expressions, over the same index (see guardedRegexps).
	inText     bitset
	inSentence []bitset
	guards     map[*regexp.Regexp]idFilter
	// matched remembers what match found, because every match in a
	// sentence asks again whether the sentence is past or recent.
	matched map[matchKey]bool
}

type matchKey struct {
	re *regexp.Regexp
	s  string
}

func analyse(text string) *textInfo {
	t := &textInfo{text: text}
	start := 0
	for i := 0; i < len(text); i++ {
		ch := text[i]
		if ch != '.' && ch != '!' && ch != '?' {
			continue
		}
		if ch == '.' && i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) {
			continue
		}
		if i > start {
			t.sentences = append(t.sentences, span{start, i})
		}
		start = i + 1
	}
	if start < len(text) {
		t.sentences = append(t.sentences, span{start, len(text)})
	}
	t.bounds = clauseBounds(text)
	open := -1
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case quoteOpen:
			open = i
		case quoteClose:
			if open >= 0 {
				t.quotes = append(t.quotes, span{open, i})
				open = -1
			}
		}
	}
	return t
}

// matchText is re.MatchString(t.text), skipping the expression when the
// text lacks the literals every match of re needs.
func (t *textInfo) matchText(re *regexp.Regexp) bool {
	if f, ok := t.guards[re]; ok && !f.allows(t.inText) {
		return false
	}
	return re.MatchString(t.text)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// clauseWords are the words clauseBoundaryRe ends a clause at. None is a
// prefix of another and each must be a whole word, so at most one can match
// at a position and their order does not matter.
var clauseWords = []string{"but", "however", "though", "although", "yet", "and", "while", "whereas", "because", "cause"}

// clauseBounds returns clauseBoundaryRe.FindAllStringIndex(text, -1) as
// spans without running the expression, which took a tenth of Assess on an
// ordinary post. The alternatives start with different bytes (punctuation,
// a space, a letter), so the leftmost match is the first position where one
// of them matches; \b is Go's ASCII word boundary, and a byte of a
// multi-byte rune is never a word byte, just as the rune is not.
func clauseBounds(text string) []span {
	var out []span
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == quoteOpen || c == quoteClose:
			out = append(out, span{i, i + 1})
			i++
			continue
		case c == ' ' && strings.HasPrefix(text[i:], " - "):
			out = append(out, span{i, i + 3})
			i += 3
			continue
		}
		if i == 0 || !isWordByte(text[i-1]) {
			if w := clauseWordAt(text, i); w > 0 {
				out = append(out, span{i, i + w})
				i += w
				continue
			}
		}
		i++
	}
	return out
}

// clauseWordAt returns the length of the clause word that starts at i and
// ends at a word boundary, 0 if none does.
func clauseWordAt(text string, i int) int {
	// Most words start with none of the clause words' first letters, and
	// the byte test is much cheaper than ten prefix tests.
	switch text[i] {
	case 'b', 'h', 't', 'a', 'y', 'w', 'c':
	default:
		return 0
	}
	for _, w := range clauseWords {
		end := i + len(w)
		if strings.HasPrefix(text[i:], w) && (end == len(text) || !isWordByte(text[end])) {
			return len(w)
		}
	}
	return 0
}

// isWordByte is \w, the word class of \b: [0-9A-Za-z_].
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func (t *textInfo) sentenceAt(pos int) span {
	s, _ := t.sentenceIndex(pos)
	return s
}

// sentenceIndex returns the sentence holding pos and its index, or the
// whole text and -1 when pos is in none.
func (t *textInfo) sentenceIndex(pos int) (span, int) {
	for i, s := range t.sentences {
		if pos >= s.start && pos < s.end {
			return s, i
		}
	}
	return span{0, len(t.text)}, -1
}

// matchCtx is everything a pattern may look at around one match.
type matchCtx struct {
	t        *textInfo
	phrase   string
	sentence string
	clause   string
	left     string   // clause text before the match
	rest     string   // clause text after the match
	leftToks []string // words of left
	after    string   // all text after the match
	quoted   bool
	reporter string // sentence text before the opening quote
	// start and sentenceStart locate the match in t.text.
	start, sentenceStart int
	// sentenceLits are the indexed literals present in sentence.
	sentenceLits bitset
}

// match is re.MatchString(s). When s is part of the match's sentence (the
// clause, the words either side, the sentence itself) and the sentence
// lacks the literals every match of re needs, no part of it can match and
// the expression is not run: the context expressions are large
// alternations that cost microseconds each on text they do not match.
func (c *matchCtx) match(re *regexp.Regexp, s string) bool {
	if f, ok := c.t.guards[re]; ok && c.sentenceLits != nil && strings.Contains(c.sentence, s) && !f.allows(c.sentenceLits) {
		return false
	}
	k := matchKey{re, s}
	if m, ok := c.t.matched[k]; ok {
		return m
	}
	m := re.MatchString(s)
	if c.t.matched == nil {
		c.t.matched = make(map[matchKey]bool)
	}
	c.t.matched[k] = m
	return m
}

func (t *textInfo) context(start, end int) *matchCtx {
	s, si := t.sentenceIndex(start)
	cs, ce := s.start, s.end
	for _, b := range t.bounds {
		if b.end <= start && b.end > cs && b.start >= s.start {
			cs = b.end
		}
		if b.start >= end && b.start < ce {
			ce = b.start
		}
	}
	if ce < end {
		ce = end
	}
	c := &matchCtx{
		t:             t,
		phrase:        strings.TrimSpace(t.text[start:end]),
		sentence:      t.text[s.start:s.end],
		clause:        t.text[cs:ce],
		left:          t.text[cs:start],
		rest:          t.text[end:ce],
		after:         t.text[end:],
		start:         start,
		sentenceStart: s.start,
		sentenceLits:  t.inText,
	}
	if si >= 0 && si < len(t.inSentence) {
		c.sentenceLits = t.inSentence[si]
	}
	c.leftToks = tokens(c.left)
	for _, q := range t.quotes {
		if q.start < start && start < q.end {
			c.quoted = true
			qs := t.sentenceAt(q.start)
			c.reporter = t.text[qs.start:q.start]
			break
		}
	}
	return c
}
