package forum

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Search limits.
const (
	SearchPerPage  = 20
	SearchMaxPages = 10
	maxSearchTerms = 8
	maxTermRunes   = 40
	maxQueryRunes  = 200
	snippetRunes   = 240
)

// SearchQuery is a full-text search as the store runs it.
type SearchQuery struct {
	// Terms are lower-case words; every one must match (after stemming).
	Terms   []string
	GroupID int64
	// HideTags leaves out posts and threads carrying these tags.
	HideTags []string
	Limit    int
	Offset   int
}

// SearchResults is a page of hits in the store's order (PostingStore.Search).
type SearchResults struct {
	Hits  []SearchHit
	Terms []string
	// More is true when another page exists.
	More bool
}

// SearchTerms splits what a member typed into search words: letters and
// digits, lower-cased, de-duplicated, at most eight. Operators and
// punctuation are ignored, so no input can break the query.
func SearchTerms(q string) []string {
	q = CleanText(q)
	if utf8.RuneCountInString(q) > maxQueryRunes {
		q = string([]rune(q)[:maxQueryRunes])
	}
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.In(r, unicode.Mn, unicode.Mc)
	})
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		if utf8.RuneCountInString(w) > maxTermRunes || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
		if len(out) == maxSearchTerms {
			break
		}
	}
	return out
}

// Search finds visible posts and thread titles matching q: titles that
// hold every word first, then the newest.
// page counts from 1.
func (s *Service) Search(ctx context.Context, q string, groupID int64, hide []string, page int) (SearchResults, error) {
	terms := SearchTerms(q)
	res := SearchResults{Terms: terms}
	if len(terms) == 0 {
		return res, nil
	}
	if page < 1 || page > SearchMaxPages {
		return res, fmt.Errorf("search page %d: %w", page, ErrNotFound)
	}
	hits, err := s.store.Search(ctx, SearchQuery{Terms: terms, GroupID: groupID, HideTags: hide, Limit: SearchPerPage, Offset: (page - 1) * SearchPerPage})
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	if len(hits) > SearchPerPage {
		hits = hits[:SearchPerPage]
		res.More = page < SearchMaxPages
	}
	res.Hits = hits
	return res, nil
}

// Snippet is about 240 characters of md's plain text around the first place
// a search term (or a word it stems from) occurs. It works on the text's
// bytes, counting runes only where it cuts, since a search page makes
// twenty of them.
func Snippet(md string, terms []string) string {
	text := PlainExcerpt(md)
	n := utf8.RuneCountInString(text)
	if n <= snippetRunes {
		return text
	}
	at := -1
	for _, t := range terms {
		stem := []rune(t)
		if len(stem) > 4 {
			stem = stem[:max(4, len(stem)-3)]
		}
		if i := indexFold(text, stem); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	// start and end count runes; from and to are their byte offsets.
	start, from := 0, 0
	if at > snippetRunes/3 {
		start = at - snippetRunes/3
		from = byteAt(text, start)
		for start < at {
			r, size := utf8.DecodeRuneInString(text[from:])
			if unicode.IsSpace(r) {
				break
			}
			start, from = start+1, from+size
		}
	}
	end := min(n, start+snippetRunes)
	to := from + byteAt(text[from:], end-start)
	for end < n && end > start+snippetRunes-20 {
		r, size := utf8.DecodeLastRuneInString(text[:to])
		if unicode.IsSpace(r) {
			break
		}
		end, to = end-1, to-size
	}
	out := strings.TrimSpace(text[from:to])
	if start > 0 {
		out = "…" + out
	}
	if end < n && !strings.HasSuffix(out, ".") && !strings.HasSuffix(out, "…") {
		out += "…"
	}
	return out
}

// indexFold is the rune index in s of the first place sub (lower case)
// begins a word, s read in lower case; -1 when there is none.
func indexFold(s string, sub []rune) int {
	if len(sub) == 0 {
		return -1
	}
	prev := rune(-1)
	for i, k := 0, 0; i < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if prev < 0 || !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
			if hasFoldPrefix(s[i:], sub) {
				return k
			}
		}
		prev = unicode.ToLower(r)
		i += size
	}
	return -1
}

// hasFoldPrefix: s, read in lower case, begins with sub.
func hasFoldPrefix(s string, sub []rune) bool {
	for _, want := range sub {
		r, size := utf8.DecodeRuneInString(s)
		if size == 0 || unicode.ToLower(r) != want {
			return false
		}
		s = s[size:]
	}
	return true
}

// byteAt is the byte offset of s's rune k (len(s) past its last).
func byteAt(s string, k int) int {
	for i := range s {
		if k == 0 {
			return i
		}
		k--
	}
	return len(s)
}
