package safety

import "hearth/pkg/forum"

// What a flagged text is about, and whether it puts the danger now, are
// read from its words by rules rather than learned: they name the warning
// other readers see and whether the crisis panel leads with the emergency
// number, so a moderator must be able to see why.

// selfHarmWords are acts of self-harm and their tools and marks.
var selfHarmWords = wordSet(`cut cuts cutting cutter harm harming harmed sh burn burning
	burned burnt scratch scratching scratched bleed bleeding bled blade blades razor razors
	relapse relapsed relapsing carve carving carved slice slicing sliced punch punching
	punched bruise bruises sharpener stitches scars wounds`)

// suicideWords are dying, killing oneself, and its means and goodbyes.
var suicideWords = wordSet(`die dying died dead death suicide suicidal kill killing overdose
	overdosing hang hanging noose rope jump jumping end ending exist existing alive live
	living gone funeral goodbye goodbyes disappear disappearing perish pills tablets
	bridge cliff tracks train note letters insurance`)

// topicOf is self-harm when a text speaks more of self-harm than of dying,
// else suicide.
func topicOf(sents []sentence) forum.Topic {
	harm, suicide := 0, 0
	for _, s := range sents {
		for i, t := range s.toks {
			switch {
			case t.word == "harm" && i > 0 && s.toks[i-1].word == "self":
				harm += 2
			case selfHarmWords[t.word]:
				harm++
			case suicideWords[t.word]:
				suicide++
			}
		}
	}
	if harm > suicide {
		return forum.TopicSelfHarm
	}
	return forum.TopicSuicide
}

// nowWords tie a plan to now.
var nowWords = wordSet(`tonight now today tomorrow soon tonite`)

// nowPhrases are two-word times that also mean now.
var nowPhrases = wordSet(`this_evening this_morning this_afternoon this_weekend an_hour
	few_minutes few_hours ten_minutes an_hour's`)

// dangerPrepositions put the author at a place ("on the bridge").
var dangerPrepositions = wordSet(`on at by near top edge over off under`)

// immediate: a sentence of the author's (or with no person named) ties a
// means, a place, dying, self-harm or a preparation to now, or puts the
// author at a place of danger.
func immediate(sents []sentence) bool {
	for _, s := range sents {
		p := sentencePerson(s.toks)
		if p != "FIRST" && p != "NOBODY" {
			continue
		}
		if atDangerPlace(s.toks) {
			return true
		}
		now, risk := false, false
		for i, t := range s.toks {
			if t.flags&flagNow != 0 || i > 0 && nowPhrases[s.toks[i-1].word+"_"+t.word] {
				now = true
			}
			switch baseClass(t.class) {
			case classMeans, classPlace, classDeath, classHarm, classPrep:
				risk = true
			}
		}
		if now && risk {
			return true
		}
	}
	return false
}

// atDangerPlace: "i am" followed, within six words, by a preposition and
// then a place of danger ("i am sat on the edge of the bridge").
func atDangerPlace(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].word != "i" || toks[i+1].word != "am" {
			continue
		}
		prep := false
		for j := i + 2; j < len(toks) && j <= i+8; j++ {
			if dangerPrepositions[toks[j].word] {
				prep = true
			}
			if prep && baseClass(toks[j].class) == classPlace {
				return true
			}
		}
	}
	return false
}
