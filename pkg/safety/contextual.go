package safety

// Some risk words are everyday words far more often than risk words: a
// cut may be a haircut or cutting down on coffee, the edge may be taken off
// a bad day, the last may be a shift before a holiday and the plan may be
// the sofa. Such a word counts as its risk class only in a sentence that
// also says something risky: a risk word that is not itself ambiguous, a
// wish or intent ("want", "decided"), or the author and a time that means
// now ("i ... tonight"). Elsewhere it gets a weak class of its own
// ("PLACE?"), which the model learns apart, which names no risk (so the
// sentence is not read for its person and tense) and which is no evidence
// of risk. So "i'm sat on the edge of the bridge tonight" keeps its PLACE,
// while "sat on the edge of the bath" does not; many such sentences in
// one post no longer add up to a crisis.

// ambiguousWords are the risk-class words that need context.
var ambiguousWords = wordSet(`end ending ended live living wake waking breathe breathing
	sleeping prescription belt cord cable plastic bag bottle packs packets dose doses hose
	exhaust vodka whisky
	edge line track rail platform station train trains traffic building storey sea river
	roof rooftop bridge tower balcony canal pier lorry lorries cliff cliffs
	cut cuts cutting burn burning burned burnt hurt hurting punch punching scratch
	scratching scratched urge urges
	last final plan plans planned planning ready sorted arranged arrangements prepared
	letter letters note notes will saved saving bought collected collecting gave giving
	given away research researched method methods instructions passwords playlist
	insurance affairs bye`)

// intentWords give an ambiguous word its risk sense in their sentence.
var intentWords = wordSet(`want wanting wish wishing need intend intending decided decide
	rather tempted thinking hoping`)

// weakClasses maps a risk class to the class of its words out of context.
var weakClasses = map[wordClass]wordClass{
	classDeath: "DEATH?", classMeans: "MEANS?", classPlace: "PLACE?", classHarm: "HARM?", classPrep: "PREP?",
}

// strongClasses maps a weak class back to its risk class.
var strongClasses = func() map[wordClass]wordClass {
	m := make(map[wordClass]wordClass, len(weakClasses))
	for strong, weak := range weakClasses {
		m[weak] = strong
	}
	return m
}()

// baseClass is a token's class with a weak class read as its risk class:
// what a word names, whatever its sentence.
func baseClass(c wordClass) wordClass {
	if s, ok := strongClasses[c]; ok {
		return s
	}
	return c
}

// weakenOutOfContext gives the ambiguous words of a sentence's tokens their
// weak class unless the sentence gives them their risk sense.
func weakenOutOfContext(toks []token) {
	first, now := false, false
	for _, t := range toks {
		switch {
		case t.flags&flagIntent != 0:
			return
		case isRisk(t.class) && t.class != classHope && t.flags&flagAmbiguous == 0:
			return
		case t.class == classFirst:
			first = true
		case t.flags&flagNow != 0:
			now = true
		}
	}
	if first && now {
		return
	}
	for i, t := range toks {
		if t.flags&flagAmbiguous == 0 {
			continue
		}
		if w, ok := weakClasses[t.class]; ok {
			toks[i].class = w
		}
	}
}
