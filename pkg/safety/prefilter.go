package safety

import (
	"regexp/syntax"
	"sort"
	"strings"
)

// maxPrefilterLiterals bounds one alternative set checked with
// strings.Contains; beyond it the check costs more than it saves. It also
// bounds the spellings exact and product expand a part into.
const maxPrefilterLiterals = 96

// maxIndexedLiterals bounds one alternative set of a pattern's prefilter.
// Patterns are checked through the literal index, where a set's size costs
// trie nodes at build time but almost nothing per text, so the bound is
// much looser: the union of the branches of a large alternation ("blade",
// "only way out") runs to a few hundred literals, and without it the
// pattern has no prefilter at all and runs on every sentence.
const maxIndexedLiterals = 1024

// maxClassRunes is the largest character class exact spells out.
const maxClassRunes = 8

// maxAlternateSets bounds the sets one alternation yields.
const maxAlternateSets = 4

// minPrefilterLiteral is the shortest literal worth checking.
const minPrefilterLiteral = 3

// prefilter is a necessary condition for a regular expression to match: for
// every set, the text must contain at least one of its literals. It lets a
// pattern skip text it cannot match without running the regular expression.
// It is derived from the syntax tree rather than written by hand, so it cannot
// drift from the pattern.
type prefilter [][]string

func (f prefilter) allows(text string) bool {
	for _, set := range f {
		if !containsAny(text, set) {
			return false
		}
	}
	return true
}

// newPrefilter derives the prefilter of src for checking with
// strings.Contains; an empty prefilter allows everything.
func newPrefilter(src string) prefilter { return derivePrefilter(src, maxPrefilterLiterals) }

// newIndexedPrefilter derives the prefilter of src for checking through a
// literalIndex, which affords larger sets.
func newIndexedPrefilter(src string) prefilter { return derivePrefilter(src, maxIndexedLiterals) }

// derivePrefilter derives the prefilter of src keeping sets of at most
// maxSet literals.
func derivePrefilter(src string, maxSet int) prefilter {
	t, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	var f prefilter
	for _, set := range required(t.Simplify()) {
		// Dropping a set only weakens the filter, so sets that nearly
		// every text passes (" ", "av") or that are too long to check
		// cheaply are left out.
		if len(set) <= maxSet && minLen(set) >= minPrefilterLiteral {
			f = append(f, dedupe(set))
		}
	}
	// Most selective first, so a failing text is rejected early.
	sort.SliceStable(f, func(i, j int) bool {
		if minLen(f[i]) != minLen(f[j]) {
			return minLen(f[i]) > minLen(f[j])
		}
		return len(f[i]) < len(f[j])
	})
	return f
}

// required returns sets of literals such that every match of t contains at
// least one literal of each set.
func required(t *syntax.Regexp) [][]string {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 || len(t.Rune) == 0 {
			return nil
		}
		return [][]string{{string(t.Rune)}}
	case syntax.OpCapture, syntax.OpPlus:
		return required(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min >= 1 {
			return required(t.Sub[0])
		}
	case syntax.OpConcat:
		return requiredConcat(t)
	case syntax.OpAlternate:
		return requiredAlternate(t)
	}
	return nil
}

// requiredConcat is required for a concatenation.
func requiredConcat(t *syntax.Regexp) [][]string {
	// Runs of parts with a small finite set of spellings are joined
	// first ("going to " + {cut, sh} gives {"going to cut", "going to
	// sh"}), which makes short alternatives selective.
	var out [][]string
	var run []string
	var prefix []*syntax.Regexp // the parts run was joined from
	flush := func() {
		if run != nil && !containsEmpty(run) {
			out = append(out, run)
		}
		run, prefix = nil, nil
	}
	join := func(s *syntax.Regexp, ex []string) {
		if run == nil {
			run, prefix = ex, []*syntax.Regexp{s}
		} else if joined, ok := product(run, ex); ok {
			run, prefix = joined, append(prefix, s)
		} else {
			flush()
			run, prefix = ex, []*syntax.Regexp{s}
		}
	}
	for _, s := range t.Sub {
		if ex, ok := exact(s); ok {
			join(s, ex)
			continue
		}
		if s.Op == syntax.OpPlus {
			if ex, ok := exact(s.Sub[0]); ok {
				// A match of x+ starts with a match of x, which
				// joins what comes before, and ends with one, which
				// joins what follows ("s[u*]+c" needs "su" or
				// "s*", then "uc" or "*c").
				join(s.Sub[0], ex)
				flush()
				run, prefix = ex, []*syntax.Regexp{s.Sub[0]}
				continue
			}
		}
		if alt := uncapture(s); alt.Op == syntax.OpAlternate && prefix != nil {
			// The parser factors alternations: "at age \d+|as a
			// kid" becomes a(?:t age \d+|s a kid), whose branches
			// alone are too short to select on. Each branch is
			// read with the parts in front of it instead, which
			// matches the same texts.
			branches := make([]*syntax.Regexp, len(alt.Sub))
			for i, b := range alt.Sub {
				subs := append([]*syntax.Regexp(nil), prefix...)
				if b.Op == syntax.OpConcat {
					subs = append(subs, b.Sub...)
				} else {
					subs = append(subs, b)
				}
				branches[i] = &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
			}
			flush()
			out = append(out, required(&syntax.Regexp{Op: syntax.OpAlternate, Sub: branches})...)
			continue
		}
		flush()
		out = append(out, required(s)...)
	}
	flush()
	return out
}

// requiredAlternate is required for an alternation.
func requiredAlternate(t *syntax.Regexp) [][]string {
	// Every match is a match of one branch, so taking one set from
	// each branch and uniting them gives a required set. A branch
	// with no usable set makes the whole alternation unconstrained.
	// Up to maxAlternateSets such unions are kept, so that a branch
	// needing both a common verb and a rare noun ("have a gun")
	// contributes the noun too; beyond that each branch gives only
	// its most selective set.
	combos := [][]string{nil}
	for _, s := range t.Sub {
		sets := usable(required(s))
		if len(sets) == 0 {
			return nil
		}
		if len(combos)*len(sets) > maxAlternateSets {
			sets = [][]string{mostSelective(sets)}
		}
		next := make([][]string, 0, len(combos)*len(sets))
		for _, c := range combos {
			for _, set := range sets {
				next = append(next, append(append([]string(nil), c...), set...))
			}
		}
		combos = next
	}
	return combos
}

// exact returns every string t can match when that set is small and finite.
func exact(t *syntax.Regexp) ([]string, bool) {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(t.Rune)}, true
	case syntax.OpCharClass:
		// A small class is a short list of one-letter spellings:
		// "fantasi[sz]ing" is "fantasising" or "fantasizing".
		var out []string
		for i := 0; i+1 < len(t.Rune); i += 2 {
			for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
				if len(out) == maxClassRunes {
					return nil, false
				}
				out = append(out, string(r))
			}
		}
		return out, len(out) > 0
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
		return []string{""}, true
	case syntax.OpCapture:
		return exact(t.Sub[0])
	case syntax.OpQuest:
		ex, ok := exact(t.Sub[0])
		if !ok {
			return nil, false
		}
		return append(ex, ""), true
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			ex, ok := exact(s)
			if !ok {
				return nil, false
			}
			out = append(out, ex...)
		}
		return out, len(out) <= maxPrefilterLiterals
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range t.Sub {
			ex, ok := exact(s)
			if !ok {
				return nil, false
			}
			if out, ok = product(out, ex); !ok {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// product joins every string of a with every string of b, refusing when the
// result would be too large to check cheaply.
func product(a, b []string) ([]string, bool) {
	if len(a)*len(b) > maxPrefilterLiterals {
		return nil, false
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out, true
}

func containsEmpty(ls []string) bool {
	for _, l := range ls {
		if l == "" {
			return true
		}
	}
	return false
}

// uncapture returns t without the capture groups around it.
func uncapture(t *syntax.Regexp) *syntax.Regexp {
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	return t
}

// usable returns the sets whose literals are all long enough to keep.
func usable(sets [][]string) [][]string {
	var out [][]string
	for _, s := range sets {
		if minLen(s) >= minPrefilterLiteral {
			out = append(out, s)
		}
	}
	return out
}

// mostSelective prefers the set whose shortest literal is longest, then the
// smaller set.
func mostSelective(sets [][]string) []string {
	var best []string
	for _, s := range sets {
		if best == nil || minLen(s) > minLen(best) || minLen(s) == minLen(best) && len(s) < len(best) {
			best = s
		}
	}
	return best
}

func minLen(ls []string) int {
	m := -1
	for _, l := range ls {
		if m < 0 || len(l) < m {
			m = len(l)
		}
	}
	return m
}

func dedupe(ls []string) []string {
	seen := make(map[string]bool, len(ls))
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

func containsAny(text string, lits []string) bool {
	for _, l := range lits {
		if strings.Contains(text, l) {
			return true
		}
	}
	return false
}
