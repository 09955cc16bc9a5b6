package safety

import (
	"sort"
	"strings"
)

// How many of the model's reasons a flagged text shows beside the rules'
// phrases, and the least a reason must add to the margin to be shown.
const (
	explainPhrases = 3
	explainCues    = 1
	explainFloor   = 0.05
)

// explain lists why a text was flagged: the phrases the rules matched, then
// the words and word pairs that raised the probability of its level most
// (a word's meaning counted with it),
// then the strongest sentence cue.
func (d *Detector) explain(normalised string, rr ruleResult, crisis bool) []string {
	out := rr.matches()
	f := featurePool.Get().(*features)
	f.list, f.names, f.explain = f.list[:0], f.names[:0], true
	if f.phrases == nil {
		f.phrases, f.cues = map[string]float64{}, map[string]float64{}
	}
	phrases, cues := f.phrases, f.cues
	defer func() {
		f.names, f.explain = f.names[:0], false
		clear(phrases)
		clear(cues)
		featurePool.Put(f)
	}()
	f.extract(normalised, rr)
	weight := d.model.influence(f.list, crisis)
	for i, x := range f.list[:f.meaningAt] {
		v := weight(x.idx) * float64(x.val)
		name := f.names[i]
		switch name.ns {
		case nsWord:
			phrases[name.a] += v
		case nsPair:
			phrases[strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(name.words(), "<s>"), "</s>"))] += v
		case nsCue:
			cues[describeCue(name.words())] += v
		}
	}
	// A word's meaning counts for the word: the vectors' pull is shared
	// among the words that made it.
	addMeaningByWord(phrases, f.sents, weight)
	out = appendTop(out, phrases, explainPhrases)
	return appendTop(out, cues, explainCues)
}

// influence returns, for a text's features, how much a unit of each
// feature favours the level (crisis, or concern or crisis) over the rest:
// its mean weight in the level's kinds minus its mean weight in the other
// kinds, each mean weighted by the kinds' probabilities (uniform among the
// other kinds when the level takes nearly all the probability, so that a
// certain call is still explained).
func (m *model) influence(list []feature, crisis bool) func(idx uint32) float64 {
	p := make([]float64, len(m.classes))
	m.logits(list, p)
	softmax(p)
	minGrade := 1
	if crisis {
		minGrade = 2
	}
	in, out, others := 0.0, 0.0, 0
	for k, c := range m.classes {
		if c.grade >= minGrade {
			in += p[k]
		} else {
			out += p[k]
			others++
		}
	}
	uniform := out < 1e-6
	return func(idx uint32) float64 {
		var level, rest float64
		for k, c := range m.classes {
			w := float64(m.weight(k, idx))
			switch {
			case c.grade >= minGrade:
				level += w * p[k]
			case uniform:
				rest += w / float64(others)
			default:
				rest += w * p[k] / out
			}
		}
		if in == 0 {
			return 0
		}
		return level/in - rest
	}
}

// appendTop appends the n names with the largest positive values over
// explainFloor that are not already in out and not part of a phrase in it.
func appendTop(out []string, vals map[string]float64, n int) []string {
	type kv struct {
		k string
		v float64
	}
	var list []kv
	for k, v := range vals {
		if v >= explainFloor && k != "" && !onlyFunctionWords(k) {
			list = append(list, kv{k, v})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].v != list[j].v {
			return list[i].v > list[j].v
		}
		return list[i].k < list[j].k
	})
	added := 0
	for _, x := range list {
		if added == n {
			break
		}
		if covered(out, x.k) {
			continue
		}
		out = append(out, x.k)
		added++
	}
	return out
}

// covered: phrase is already shown, or is a word of a phrase shown.
func covered(shown []string, phrase string) bool {
	for _, s := range shown {
		if s == phrase || strings.Contains(" "+s+" ", " "+phrase+" ") {
			return true
		}
	}
	return false
}

var cuePersons = map[string]string{
	"FIRST": "the author", "SECOND": "the reader", "THIRD": "someone else", "NOBODY": "no one named",
}

// describeCue turns a cue feature ("FIRST MEANS time") into words a
// moderator reads ("the author: means, time").
func describeCue(name string) string {
	parts := strings.Fields(name)
	if len(parts) == 0 {
		return ""
	}
	who := cuePersons[parts[0]]
	if len(parts) == 1 {
		return who
	}
	rest := make([]string, 0, len(parts)-1)
	for _, p := range parts[1:] {
		rest = append(rest, strings.ToLower(p))
	}
	return who + ": " + strings.Join(rest, ", ")
}

// onlyFunctionWords: every word of a phrase is a common English function
// word ("the", "i", "and it"), which tells a moderator nothing about why a
// post was flagged, though the model may weigh it.
func onlyFunctionWords(phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		if !englishWords[w] {
			return false
		}
	}
	return true
}
