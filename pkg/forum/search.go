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
// a search term (or a word it stems from) occurs.
func Snippet(md string, terms []string) string {
	text := PlainExcerpt(md)
	runes := []rune(text)
	if len(runes) <= snippetRunes {
		return text
	}
	lower := []rune(strings.ToLower(text))
	at := -1
	for _, t := range terms {
		stem := []rune(t)
		if len(stem) > 4 {
			stem = stem[:max(4, len(stem)-3)]
		}
		if i := indexRunes(lower, stem); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	start := 0
	if at > snippetRunes/3 {
		start = at - snippetRunes/3
		for start < at && !unicode.IsSpace(runes[start]) {
			start++
		}
	}
	end := min(len(runes), start+snippetRunes)
	for end < len(runes) && end > start+snippetRunes-20 && !unicode.IsSpace(runes[end-1]) {
		end--
	}
	out := strings.TrimSpace(string(runes[start:end]))
	if start > 0 {
		out = "…" + out
	}
	if end < len(runes) && !strings.HasSuffix(out, ".") && !strings.HasSuffix(out, "…") {
		out += "…"
	}
	return out
}

func indexRunes(s, sub []rune) int {
	if len(sub) == 0 {
		return -1
	}
outer:
	for i := 0; i+len(sub) <= len(s); i++ {
		if i > 0 && (unicode.IsLetter(s[i-1]) || unicode.IsDigit(s[i-1])) {
			continue
		}
		for j := range sub {
			if s[i+j] != sub[j] {
				continue outer
			}
		}
		return i
	}
	return -1
}
