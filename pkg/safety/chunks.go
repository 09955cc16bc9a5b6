package safety

// A long post is scored a passage at a time, and its score is its most
// worrying passage's. The model's features of a whole long post add up
// hundreds of small weights of ordinary words, so a long, calm post about
// grief could read as a crisis that none of its paragraphs is; and one
// sentence of crisis among ten keeps its weight in its own passage instead
// of being diluted by the other nine.

// passageBytes is about how long a passage is: sentences are added to one
// until it is at least this long. A text shorter than twice this is scored
// whole.
const passageBytes = 280

// passages splits normalised text into runs of whole sentences of about
// passageBytes each; the last run takes what is left if it would be short.
func passages(n string) []string {
	if len(n) < 2*passageBytes {
		return []string{n}
	}
	var out []string
	start := 0
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+1 < len(n) && n[i+1] != ' ' {
			continue
		}
		if i+1-start >= passageBytes && len(n)-(i+1) >= passageBytes/2 {
			out = append(out, n[start:i+1])
			start = i + 1
		}
	}
	return append(out, n[start:])
}

// scored is one passage's probabilities and what the rules found in it;
// for a whole text, its most worrying passage's, and the rules' score and
// matches over every passage.
type scored struct {
	text            string
	crisis, concern float64
	rules           ruleResult
	// allRules is the rules' score of the whole text, their evidence in
	// every passage combined as it is within one (1 - Π(1-w)); allHits
	// their matches in every passage. Patterns never span a sentence, so
	// this is the score the rules give the whole text, bar the few
	// readings of context that look across the whole of it.
	allRules float64
	allHits  []hit
	// bare is the highest P(crisis) of a passage that names no risk and
	// matches no rule, before it is scaled by withoutEvidence: such a
	// passage is a crisis only when the model is sure
	// (certainWithoutEvidence).
	bare float64
}

// scorePassage scores one passage of normalised text.
func (d *Detector) scorePassage(p string) scored {
	rr := d.rules.assess(p)
	f := featurePool.Get().(*features)
	f.list, f.explain = f.list[:0], false
	evidence := f.extract(p, rr)
	s := scored{text: p, rules: rr}
	s.crisis, s.concern = d.model.probabilities(f.list, f.meaningAt)
	featurePool.Put(f)
	if !evidence {
		s.bare = s.crisis
		s.crisis *= withoutEvidence
	}
	return s
}

// score scores normalised text by its passages: the most worrying
// passage's probabilities, and that passage.
func (d *Detector) score(n string) scored {
	var best scored
	keep := 1.0
	var hits []hit
	bare := 0.0
	for i, p := range passages(n) {
		s := d.scorePassage(p)
		bare = max(bare, s.bare)
		keep *= 1 - s.rules.score
		hits = append(hits, s.rules.hits...)
		if i == 0 || s.crisis > best.crisis || (s.crisis == best.crisis && s.concern > best.concern) {
			if i > 0 {
				s.concern = max(s.concern, best.concern)
			}
			best = s
		} else {
			best.concern = max(best.concern, s.concern)
		}
	}
	best.allRules, best.allHits, best.bare = clamp01(1-keep), hits, bare
	return best
}

// rulesOverPassages is the rules' score of normalised text read a passage
// at a time, as score combines it.
func (r *rules) rulesOverPassages(n string) float64 {
	keep := 1.0
	for _, p := range passages(n) {
		keep *= 1 - r.assess(p).score
	}
	return clamp01(1 - keep)
}
