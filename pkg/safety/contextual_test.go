package safety

import "testing"

// TestAmbiguousWordsNeedContext: an everyday word that shares a risk class
// keeps the class only in a sentence that gives it its risk sense.
func TestAmbiguousWordsNeedContext(t *testing.T) {
	cases := []struct {
		text, word string
		want       wordClass
	}{
		{"sat on the edge of the bath while the kids had their bubbles", "edge", "PLACE?"},
		{"i am sat on the edge of the quarry", "edge", classPlace},
		{"i am on the bridge tonight", "bridge", classPlace},
		{"the bridge on my commute is shut for repairs", "bridge", "PLACE?"},
		{"cutting down on coffee this month", "cutting", "HARM?"},
		{"i want to start cutting again", "cutting", classHarm},
		{"last shift before my holiday and the plan is sleeping", "plan", "PREP?"},
		{"the plan is sorted, i bought the rope", "plan", classPrep},
		{"i have written letters for when i am gone", "letters", classPrep},
		{"posted the letters to my pen pal", "letters", "PREP?"},
	}
	var f features
	for _, c := range cases {
		got := wordClass("(missing)")
		for _, s := range f.split(normalize(c.text)) {
			for _, tok := range s.toks {
				if tok.word == c.word {
					got = tok.class
				}
			}
		}
		if got != c.want {
			t.Errorf("%q: %q has class %q, want %q", c.text, c.word, got, c.want)
		}
		if baseClass(got) != baseClass(c.want) || baseClass("PLACE?") != classPlace {
			t.Errorf("%q: base class of %q is %q", c.text, got, baseClass(got))
		}
	}
}
