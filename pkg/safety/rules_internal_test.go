package safety

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		"I’m NOT   okay":                   "i am not okay",
		"dont wanna live":                  "do not want to live",
		"gonna kms rn":                     "going to kill myself right now",
		"I can't, I won't":                 "i can not, i will not",
		"unalive myself":                   "kill myself",
		"sewer slide":                      "suicide",
		"su1c1de":                          "suicide",
		"myslef":                           "myself",
		"i want to dieeee":                 "i want to die",
		"self-harm":                        "self harm",
		"line one\nline two":               "line one. line two",
		"ngl i want out":                   "honestly i want out",
		"I'd never woken up":               "i had never woken up",
		"that's life's end":                "that is life is end",
		"my mum's car":                     "my mum's car",
		"see https://example.org/x for it": "see for it",
	}
	for in, want := range cases {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
	if got := normalize(`she said "I want to die" today`); !strings.ContainsRune(got, quoteOpen) || !strings.ContainsRune(got, quoteClose) {
		t.Errorf("double quotes not marked: %q", got)
	}
	if got := normalize(`he texted 'i want to die' then left`); !strings.ContainsRune(got, quoteOpen) {
		t.Errorf("single quotes not marked: %q", got)
	}
	if got := normalize("don't"); strings.ContainsRune(got, quoteOpen) {
		t.Errorf("apostrophe taken for a quote: %q", got)
	}
}

func TestWithinOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"myself", "myself", true}, {"myslef", "myself", true}, {"mysel", "myself", true},
		{"myyself", "myself", true}, {"himself", "myself", false}, {"anyone", "anymore", false},
	} {
		if got := withinOneEdit(c.a, c.b); got != c.want {
			t.Errorf("withinOneEdit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// TestPrefiltersNeverHideMatches checks on every example the tests know that
// a derived pre-filter never rejects a text its regular expression matches.
func TestPrefiltersNeverHideMatches(t *testing.T) {
	var texts []string
	for _, path := range []string{ownSetPath, devSetPath} {
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if _, text, ok := strings.Cut(sc.Text(), "\t"); ok {
				texts = append(texts, text)
			}
		}
		f.Close()
	}
	d := sharedRules()
	for _, text := range texts {
		n := normalize(text)
		ti := analyse(n)
		inText, inSentence := d.index.scan(n, ti.sentences)
		for _, p := range sharedPatterns() {
			if p.lazy.compiled().MatchString(n) && !p.mayMatch(n) {
				t.Errorf("pattern %q: pre-filter rejects %q", p.name, n)
			}
			// The one-pass literal index must agree with the plain check.
			if p.ids.allows(inText) != p.mayMatch(n) {
				t.Errorf("pattern %q: literal index disagrees on %q", p.name, n)
			}
			for si, sp := range ti.sentences {
				if got, want := p.ids.allows(inSentence[si]), p.mayMatch(n[sp.start:sp.end]); got != want {
					t.Errorf("pattern %q: literal index says %v, want %v on sentence %q", p.name, got, want, n[sp.start:sp.end])
				}
			}
		}
		// Assess skips a guarded expression when the index rules it out.
		for _, re := range guardedRegexps() {
			f, ok := d.guards[re]
			if !ok {
				continue
			}
			if re.MatchString(n) && !f.allows(inText) {
				t.Errorf("guard of %s rejects %q", re, n)
			}
			for si, sp := range ti.sentences {
				if s := n[sp.start:sp.end]; re.MatchString(s) && !f.allows(inSentence[si]) {
					t.Errorf("guard of %s rejects sentence %q", re, s)
				}
			}
		}
		rw := rewriteIndex()
		present, _ := rw.index.scan(text, nil)
		for i, r := range phraseRewrite {
			if r.re.MatchString(text) && !r.needs.allows(text) {
				t.Errorf("rewrite %s: pre-filter rejects %q", r.re, text)
			}
			// normalize checks the pre-filter through the index.
			if rw.ids[i].allows(present) != r.needs.allows(text) {
				t.Errorf("rewrite %s: literal index disagrees on %q", r.re, text)
			}
		}
	}
}

func TestLiteralIndex(t *testing.T) {
	x := newLiteralIndex()
	f := x.add(prefilter{{"he", "she", "his", "hers"}, {"xyz"}})
	his := x.add(prefilter{{"his"}})
	shes := x.add(prefilter{{"she", "hers"}, {"ush"}})
	same := x.add(prefilter{{"xyz"}, {"hers", "his", "she", "he"}})
	x.build()
	text := "ushers. xyz"
	spans := []span{{0, 6}, {7, len(text)}}
	all, per := x.scan(text, spans)
	if !f.allows(all) {
		t.Error("whole text should pass")
	}
	if f.allows(per[0]) || f.allows(per[1]) {
		t.Error("no single sentence has both sets")
	}
	if !shes.allows(per[0]) || shes.allows(per[1]) {
		t.Errorf("sets found in %q and %q are wrong", text[:6], text[7:])
	}
	if his.allows(all) {
		t.Error("wrong literals found")
	}
	if same[0] != f[1] || same[1] != f[0] {
		t.Errorf("sets with the same literals got ids %v and %v", f, same)
	}
}

// TestLiteralIndexSpans: a set counts in a span when one of its literals
// lies wholly inside it, even if a longer literal of the set ending at the
// same byte starts before the span.
func TestLiteralIndexSpans(t *testing.T) {
	x := newLiteralIndex()
	f := x.add(prefilter{{"ab cd", "cd"}})
	long := x.add(prefilter{{"ab cd"}})
	x.build()
	text := "ab cd"
	_, per := x.scan(text, []span{{0, 2}, {3, 5}})
	if !f.allows(per[1]) || f.allows(per[0]) || long.allows(per[1]) {
		t.Error("wrong sets found in the spans")
	}
}

func TestPrefilterDerivation(t *testing.T) {
	f := newPrefilter(`\b(?:going to|gonna) (?:cut|sh)\b`)
	if !f.allows("i am going to sh") || !f.allows("gonna cut") {
		t.Errorf("prefilter %q rejects a match", f)
	}
	if f.allows("i am going to bed") {
		t.Errorf("prefilter %q accepts text without the object", f)
	}
	if f := newPrefilter(`(?:a|b)*`); len(f) != 0 {
		t.Errorf("optional pattern got prefilter %q", f)
	}
}
