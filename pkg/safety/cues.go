package safety

import "strings"

// Sentence cues tell the model who a risky sentence is about and how it is
// meant: "I want to die" and "please don't say you want to die" share their
// words but not their person; "I tried to end it five years ago" is the
// past; "how do I help a friend who wants to die" is a question for
// someone else. Each cue is a feature of the sentence's person crossed with
// one of these, so the model learns them as kinds, whatever the words.

// cue names, in the order cueFlags fills them.
var cueNames = [...]string{"neg", "negnear", "past", "pastverb", "question", "time", "frame", "help", "quoted", "conditional"}

// helpWords mark a sentence about helping or advising someone.
var helpWords = wordSet(`help helping support supporting worried worry advice advise
	tips reach reaching talk talking say saying signs`)

// conditionalWords make a sentence hypothetical.
var conditionalWords = wordSet(`if whenever unless imagine suppose would could might`)

// sentencePerson is who a sentence is about: the first person word, or a
// relative named with "my" ("my sister"), which is someone else.
func sentencePerson(toks []token) string {
	for i, t := range toks {
		switch t.class {
		case classFirst:
			if t.word == "my" && i+1 < len(toks) && toks[i+1].class == classKin {
				return "THIRD"
			}
			return "FIRST"
		case classSecond, classThird:
			return string(t.class)
		case classKin:
			return "THIRD"
		}
	}
	return "NOBODY"
}

// cueFlags returns which cues hold for a sentence, indexed like cueNames.
func cueFlags(s sentence) [len(cueNames)]bool {
	var c [len(cueNames)]bool
	lastNeg := -10
	for i, t := range s.toks {
		switch {
		case t.class == classNeg:
			c[0] = true
			lastNeg = i
		case t.class == classPast:
			c[2] = true
		case t.class == classTime:
			c[5] = true
		case t.class == classFrame:
			c[6] = true
		}
		if isRisk(t.class) && i-lastNeg <= 3 {
			c[1] = true
		}
		if len(t.word) > 4 && strings.HasSuffix(t.word, "ed") {
			c[3] = true
		}
		if helpWords[t.word] {
			c[7] = true
		}
		if conditionalWords[t.word] {
			c[9] = true
		}
	}
	c[4], c[8] = s.question, s.quoted
	return c
}

// addCues adds the cues of a sentence that names a risk.
func (f *features) addCues(s sentence) {
	var risks []wordClass
	for _, t := range s.toks {
		if isRisk(t.class) && !hasClass(risks, t.class) {
			risks = append(risks, t.class)
		}
	}
	if len(risks) == 0 {
		return
	}
	person := sentencePerson(s.toks)
	flags := cueFlags(s)
	f.add(nsCue, person, "", 1)
	for i, on := range flags {
		if on {
			f.add(nsCue, person, cueNames[i], 1)
		}
	}
	for _, r := range risks {
		f.add(nsCue, person, string(r), 1)
		for i, on := range flags {
			if on {
				f.add3(nsCue, person, string(r), cueNames[i], 1)
			}
		}
	}
	for i := 0; i < len(risks); i++ {
		for j := i + 1; j < len(risks); j++ {
			f.add3(nsCue, person, string(risks[i]), string(risks[j]), 1)
		}
	}
	for _, t := range s.toks {
		if isRisk(t.class) {
			f.add(nsPerson, person, t.word, 1)
		}
	}
}

func hasClass(list []wordClass, c wordClass) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}
