package safety

import "strings"

// Word classes let the learned model see kinds rather than words: "I bought
// a rope tonight" and "got the tablets ready for friday" share the features
// "MEANS" and "MEANS TIME", so a means or a day the training data never
// named still counts. Each class is a short, readable list; a word belongs
// to at most one class (the first listed below that has it).

// wordClass is a class name, written in capitals in feature names.
type wordClass string

const (
	classDeath  wordClass = "DEATH"  // dying, killing, being gone
	classMeans  wordClass = "MEANS"  // what people use to end their life
	classPlace  wordClass = "PLACE"  // places of danger
	classHarm   wordClass = "HARM"   // self-harm acts and their marks
	classBody   wordClass = "BODY"   // where self-harm is done
	classTime   wordClass = "TIME"   // a day or a time something is set for
	classPrep   wordClass = "PREP"   // preparation: notes, goodbyes, affairs
	classWish   wordClass = "WISH"   // wanting, needing, planning
	classHope   wordClass = "HOPE"   // hopelessness, being a burden, giving up
	classKin    wordClass = "KIN"    // family and friends
	classFirst  wordClass = "FIRST"  // the author
	classSecond wordClass = "SECOND" // the reader
	classThird  wordClass = "THIRD"  // someone else
	classNeg    wordClass = "NEG"    // negation
	classPast   wordClass = "PAST"   // an account of the past or of recovery
	classFrame  wordClass = "FRAME"  // fiction, news, study, media
)

var classWords = []struct {
	class wordClass
	words string
}{
	{classDeath, `die dying died dead death deaths suicide suicidal suicided kill killing killed
		alive live living exist existing existence gone disappear disappearing vanish perish
		overdose overdosing overdosed hang hanging hanged drown drowning unalive unaliving
		end ending ended wake waking breathing breathe grave funeral afterlife`},
	{classMeans, `pills pill tablets tablet meds medication medications paracetamol tylenol
		ibuprofen aspirin codeine tramadol sertraline insulin painkillers sleeping prescription
		rope noose belt ligature cord cable gun guns shotgun rifle pistol bullet bullets
		knife knives blade blades razor razors bleach antifreeze poison weedkiller
		exhaust hose charcoal helium plastic bag stockpile stash dose doses lethal packets
		packs blister bottle vodka whisky`},
	{classPlace, `bridge cliff cliffs roof rooftop ledge edge tracks track railway rail line
		platform motorway overpass carpark multistorey tower balcony river sea pier quarry
		reservoir canal viaduct lorry lorries traffic train trains station building storey`},
	{classHarm, `cut cuts cutting harm harming harmed sh burn burning burned burnt scratch
		scratching scratched bleed bleeding blood bled wound wounds stitches scars scar
		relapse relapsed relapsing hurt hurting slice slicing carve carving punch punching
		bruise bruises urge urges sharpener`},
	{classBody, `arm arms wrist wrists thigh thighs leg legs skin stomach hip hips forearm
		forearms ankle ankles chest neck veins vein`},
	{classTime, `tonight today tomorrow now soon weekend monday tuesday wednesday thursday
		friday saturday sunday morning evening midnight tonight's hour hours minutes
		date birthday christmas anniversary week month deadline countdown`},
	{classPrep, `note notes letter letters goodbye goodbyes bye farewell will insurance
		affairs sorted arranged arrangements prepared ready plan plans planned planning
		method methods researched research bought saved saving collected collecting
		gave giving given away belongings rehome rehomed instructions passwords
		playlist last final`},
	{classWish, `want wanted wanting wish wished wishing need hope hoping going intend
		decided decide ready rather can't cannot tempted thinking urge`},
	{classHope, `hopeless pointless point worthless burden useless tired exhausted empty
		numb alone lonely trapped stuck broken nothing nobody anymore longer give giving
		gave up cope coping failing failure shame ashamed hate hating`},
	{classKin, `mum mom mam dad mother father sister brother sisters brothers son daughter
		kids children wife husband partner boyfriend girlfriend friend friends mate mates
		family parents nan gran grandma grandad cat dog pet`},
	{classFirst, `i me my myself mine i'm i've i'd i'll`},
	{classSecond, `you your yourself yours you're u ur`},
	{classThird, `he she they him her them his their hers himself herself themselves
		someone somebody anyone anybody people`},
	{classNeg, `not never no nor neither without nothing nobody none`},
	{classPast, `used ago was were had years year recovered recovery survived survivor
		clean anniversary once previously back then remember`},
	{classFrame, `book novel film movie show series episode song lyrics poem story character
		article news documentary podcast study studies research essay lecture assignment
		statistics fiction chapter scene game`},
}

// riskClasses are the classes whose words make a sentence worth reading for
// its person, negation and tense.
var riskClasses = map[wordClass]bool{
	classDeath: true, classMeans: true, classPlace: true, classHarm: true, classPrep: true, classHope: true,
}

// isRisk: c is one of riskClasses. Most words have no class, and need
// no lookup.
func isRisk(c wordClass) bool { return c != "" && riskClasses[c] }

// wordFlag is a set of the roles a word plays in reading its sentence's
// other words (weakenOutOfContext, immediate).
type wordFlag uint8

const (
	flagIntent    wordFlag = 1 << iota // intentWords
	flagNow                            // nowWords
	flagAmbiguous                      // ambiguousWords
)

// lexEntry is a word's class and roles: one lookup a token.
type lexEntry struct {
	class wordClass
	flags wordFlag
}

// lexicon is wordClasses with each word's roles beside its class.
var lexicon = func() map[string]lexEntry {
	m := make(map[string]lexEntry, len(wordClasses))
	for w, c := range wordClasses {
		m[w] = lexEntry{class: c}
	}
	for flag, set := range map[wordFlag]map[string]bool{flagIntent: intentWords, flagNow: nowWords, flagAmbiguous: ambiguousWords} {
		for w := range set {
			e := m[w]
			e.flags |= flag
			m[w] = e
		}
	}
	return m
}()

// wordClasses maps each listed word to its class.
var wordClasses = func() map[string]wordClass {
	m := make(map[string]wordClass)
	for _, c := range classWords {
		for _, w := range strings.Fields(c.words) {
			if _, ok := m[w]; !ok {
				m[w] = c.class
			}
		}
	}
	return m
}()
