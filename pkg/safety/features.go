package safety

import (
	"math"
	"sort"
	"strings"
)

// The learned model reads a text as a sparse vector of hashed features:
//
//   - words and word pairs, their values scaled by one over the fourth root
//     of their number, so that a long post weighs little more than a
//     short one;
//   - word classes (wordclass.go) and pairs with a class in them ("bought
//     MEANS", "MEANS TIME"), which carry kinds rather than words;
//   - for each sentence with a risk word, who it is about (the author, the
//     reader, someone else) crossed with negation, the past, a question, a
//     time, fiction or news, and asking for help, and the risk classes it
//     names;
//   - the phrase rules' score and the rule families that matched.
//
// A feature's name is kept only when a flagged text is explained to a
// moderator; scoring hashes the pieces without building strings.

// featureBits is the size of the hashed feature space, 2^featureBits.
const featureBits = 17

const featureMask = 1<<featureBits - 1

// Feature namespaces: the first byte hashed into every feature.
const (
	nsWord   byte = 'w'
	nsPair   byte = 'b'
	nsClass  byte = 'k'
	nsCue    byte = 's'
	nsPerson byte = 'p'
	nsRule   byte = 'r'
	// nsMeaning holds the word vectors' dimensions (meaning.go).
	nsMeaning byte = 'e'
)

type feature struct {
	idx uint32
	val float32
}

// features is one text's vector, with the names of its features before
// meaningAt when an explanation was asked for, and the scratch space its sentences are split
// into (reused from text to text, so that scoring does not allocate a slice
// a sentence).
type features struct {
	list    []feature
	names   []featureName
	explain bool
	toks    []token
	sents   []sentence
	// meaningAt is where the meaning features start in list (its length
	// when the text has none).
	meaningAt int
	// phrases and cues are an explanation's sums by name, kept empty
	// between uses so that their tables are not grown again each time.
	phrases, cues map[string]float64
}

// featureName is a feature's name in pieces, joined only when shown:
// namespace, then one to three words.
type featureName struct {
	ns      byte
	a, b, c string
}

func (n featureName) String() string {
	s := string(n.ns) + ":" + n.a
	for _, x := range []string{n.b, n.c} {
		if x != "" {
			s += " " + x
		}
	}
	return s
}

// words is the name without its namespace.
func (n featureName) words() string { return strings.TrimPrefix(n.String()[1:], ":") }

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hashByte(h uint32, b byte) uint32 { return (h ^ uint32(b)) * fnvPrime }

func hashString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// finish mixes the bits so that the low ones, which index the weights,
// depend on every byte.
func finish(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h & featureMask
}

// add adds feature ns:a (or ns:a b when b is not empty) with value v.
func (f *features) add(ns byte, a, b string, v float32) { f.add3(ns, a, b, "", v) }

// add3 adds feature ns:a b c, the same feature as add(ns, a+" "+b, c, v),
// without building the string.
func (f *features) add3(ns byte, a, b, c string, v float32) {
	h := hashString(hashByte(fnvOffset, ns), a)
	if b != "" {
		h = hashString(hashByte(h, ' '), b)
	}
	if c != "" {
		h = hashString(hashByte(h, ' '), c)
	}
	f.list = append(f.list, feature{finish(h), v})
	if f.explain {
		f.names = append(f.names, featureName{ns, a, b, c})
	}
}

// token is one word of a sentence with its class ("" when it has none)
// and what it does for the words around it.
type token struct {
	word  string
	class wordClass
	flags wordFlag
}

// sentence is one sentence's words, and whether it asked a question or sat
// inside quotation marks.
type sentence struct {
	toks     []token
	question bool
	quoted   bool
}

// split splits normalised text into sentences of words, in f's scratch
// space: the result is valid until the next call.
func (f *features) split(text string) []sentence {
	toks, sents := f.toks[:0], f.sents[:0]
	quoted := false
	cur := sentence{}
	start := 0
	flush := func(question bool) {
		if len(toks) > start {
			cur.question = question
			weakenOutOfContext(toks[start:])
			cur.toks = toks[start:len(toks):len(toks)]
			sents = append(sents, cur)
		}
		start = len(toks)
		cur = sentence{quoted: quoted}
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case isTokenByte(c):
			j := i
			for j < len(text) && isTokenByte(text[j]) {
				j++
			}
			w := strings.Trim(text[i:j], "'")
			if w != "" {
				e := lexicon[w]
				toks = append(toks, token{word: w, class: e.class, flags: e.flags})
			}
			i = j
			continue
		case c == '.' || c == '!' || c == '?':
			flush(c == '?')
		case c == quoteOpen || c == quoteClose:
			flush(false)
			quoted = c == quoteOpen
			cur.quoted = quoted
		}
		i++
	}
	flush(false)
	// The sentences' tokens may sit in arrays toks outgrew: point them all
	// at the last one.
	n := 0
	for k := range sents {
		l := len(sents[k].toks)
		sents[k].toks = toks[n : n+l : n+l]
		n += l
	}
	f.toks, f.sents = toks, sents
	return sents
}

// extract fills f with the features of normalised text and the rules'
// result on it, and says whether the text shows any evidence of risk.
func (f *features) extract(text string, rr ruleResult) (evidence bool) {
	sents := f.split(text)
	evidence = rr.score >= matchFloor || namesRisk(sents)
	f.addNgrams(sents)
	start := len(f.list)
	for _, s := range sents {
		f.addClasses(s)
		f.addCues(s)
	}
	f.addRules(rr)
	f.dedupe(start)
	f.meaningAt = len(f.list)
	f.addMeaning(sents)
	return evidence
}

// evidenceClasses are the classes of words that name a risk outright.
var evidenceClasses = map[wordClass]bool{classDeath: true, classMeans: true, classPlace: true, classHarm: true}

// namesRisk: a word of the text names dying, a means, a place of danger or
// self-harm.
func namesRisk(sents []sentence) bool {
	for _, s := range sents {
		for _, t := range s.toks {
			if evidenceClasses[t.class] {
				return true
			}
		}
	}
	return false
}

// withoutEvidence scales P(crisis) for a text that names no risk and
// matches no rule: the model alone, reading only how a text is written,
// is not enough to call a crisis.
const withoutEvidence = 0.75

// ngramScale is the power of the number of n-grams their values are
// divided by: a long post's words weigh less each, but not so little that
// one sentence of crisis in ten is lost.
const ngramScale = 0.25

// addNgrams adds words and word pairs, scaled together.
func (f *features) addNgrams(sents []sentence) {
	start := len(f.list)
	for _, s := range sents {
		prev := "<s>"
		for _, t := range s.toks {
			f.add(nsWord, t.word, "", 1)
			f.add(nsPair, prev, t.word, 1)
			prev = t.word
		}
		f.add(nsPair, prev, "</s>", 1)
	}
	if n := len(f.list) - start; n > 0 {
		scale := float32(1 / math.Pow(float64(n), ngramScale))
		for i := start; i < len(f.list); i++ {
			f.list[i].val *= scale
		}
	}
}

// addClasses adds each class word's class and the pairs with a class in
// them, the other word kept as it is.
func (f *features) addClasses(s sentence) {
	prev := token{word: "<s>"}
	for _, t := range s.toks {
		if t.class != "" {
			f.add(nsClass, string(t.class), "", 1)
		}
		if t.class != "" || prev.class != "" {
			f.add(nsClass, classOrWord(prev), classOrWord(t), 1)
		}
		prev = t
	}
}

func classOrWord(t token) string {
	if t.class != "" {
		return string(t.class)
	}
	return t.word
}

// dedupe keeps one copy of each feature from start on, with the largest
// value: cues and classes count once a text, however often they occur.
func (f *features) dedupe(start int) {
	tail := f.list[start:]
	var names []featureName
	if f.explain {
		names = f.names[start:]
		sort.Sort(byIndex{tail, names})
	} else {
		sort.Slice(tail, func(i, j int) bool { return tail[i].idx < tail[j].idx })
	}
	n := 0
	for i, x := range tail {
		if n > 0 && tail[n-1].idx == x.idx {
			tail[n-1].val = max(tail[n-1].val, x.val)
			continue
		}
		tail[n] = x
		if names != nil {
			names[n] = names[i]
		}
		n++
	}
	f.list = f.list[:start+n]
	if f.explain {
		f.names = f.names[:start+n]
	}
}

// byIndex sorts features and their names together.
type byIndex struct {
	list  []feature
	names []featureName
}

func (b byIndex) Len() int           { return len(b.list) }
func (b byIndex) Less(i, j int) bool { return b.list[i].idx < b.list[j].idx }
func (b byIndex) Swap(i, j int) {
	b.list[i], b.list[j] = b.list[j], b.list[i]
	b.names[i], b.names[j] = b.names[j], b.names[i]
}

// addRules adds the rules' score and the families that matched.
func (f *features) addRules(rr ruleResult) {
	f.add(nsRule, "score", "", float32(rr.score))
	if rr.score >= ruleThreshold {
		f.add(nsRule, "crisis", "", 1)
	}
	for _, h := range rr.hits {
		f.add(nsRule, h.pattern, "", float32(h.weight))
	}
}
