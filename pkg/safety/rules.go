package safety

import (
	"regexp"
	"sort"
	"sync"
)

// ruleThreshold is the rule score from which the rules alone read a text
// as a crisis. A single strong statement ("I want to die", "I bought a
// rope") reaches it on its own; weaker signals ("I'm done", "I feel like a
// burden") need company.
const ruleThreshold = 0.5

// matchFloor hides signals so weak that listing them would only distract a
// moderator.
const matchFloor = 0.2

// ruleResult is what the phrase rules found in one text.
type ruleResult struct {
	// score is in [0,1]; it combines the weights of every matched phrase as
	// independent pieces of evidence (1 - Π(1-w)).
	score float64
	// hits are the strongest match of each span, in text order.
	hits []hit
}

// matches are the phrases that raised the score, in text order, in the
// normalised form the rules saw (lower case, contractions and slang
// expanded: "gonna kms" reads "going to kill myself").
func (r ruleResult) matches() []string {
	var out []string
	seen := make(map[string]bool)
	for _, h := range r.hits {
		if h.weight >= matchFloor && !seen[h.phrase] {
			seen[h.phrase] = true
			out = append(out, h.phrase)
		}
	}
	return out
}

// rules are the compiled phrase patterns with their literal index. They
// are read-only, so one value serves any number of goroutines.
type rules struct {
	patterns []*pattern
	index    *literalIndex
	guards   map[*regexp.Regexp]idFilter
}

// sharedCompiled compiles the pattern table once per process; every
// Detector points at the same read-only state.
var sharedCompiled = sync.OnceValue(compilePatterns)

func sharedPatterns() []*pattern { return sharedCompiled().patterns }

func sharedRules() *rules {
	c := sharedCompiled()
	return &rules{patterns: c.patterns, index: c.index, guards: c.guards}
}

type hit struct {
	start, end int
	weight     float64
	phrase     string
	pattern    string
}

// assess runs the rules over normalised text. Empty or unrelated text
// scores 0.
func (r *rules) assess(normalised string) ruleResult {
	t := analyse(normalised)
	var hits []hit
	// Patterns never span a sentence break, so each runs only on the
	// sentences its literals allow; most sentences of a long post are
	// skipped without touching a regular expression.
	inText, inSentence := r.index.scan(t.text, t.sentences)
	t.inText, t.inSentence, t.guards = inText, inSentence, r.guards
	t.help = t.matchText(helpRe)
	t.bereaved = t.matchText(deathRe)
	for _, p := range r.patterns {
		if !p.ids.allows(inText) {
			continue
		}
		for si, sp := range t.sentences {
			if !p.ids.allows(inSentence[si]) {
				continue
			}
			sentence := t.text[sp.start:sp.end]
			for _, loc := range p.lazy.compiled().FindAllStringIndex(sentence, -1) {
				start, end := sp.start+loc[0], sp.start+loc[1]
				c := t.context(start, end)
				if w := p.score(c); w > 0 {
					hits = append(hits, hit{start: start, end: end, weight: w, phrase: c.phrase, pattern: p.name})
				}
			}
		}
	}
	res := ruleResult{hits: strongestPerSpan(hits)}
	keep := 1.0
	for _, h := range res.hits {
		keep *= 1 - h.weight
	}
	res.score = clamp01(1 - keep)
	return res
}

// strongestPerSpan keeps, among overlapping hits, only the strongest, so one
// sentence matched by a general and a specific pattern counts once. The
// result is in text order.
func strongestPerSpan(hits []hit) []hit {
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].weight != hits[j].weight {
			return hits[i].weight > hits[j].weight
		}
		return hits[i].start < hits[j].start
	})
	var kept []hit
	for _, h := range hits {
		overlaps := false
		for _, k := range kept {
			if h.start < k.end && k.start < h.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, h)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

func clamp01(x float64) float64 {
	switch {
	case x < 0:
		return 0
	case x > 1:
		return 1
	}
	return x
}
