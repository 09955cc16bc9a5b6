package safety

import (
	"regexp"
	"strings"
)

// This file holds the pattern families added after probes I and J (see
// testdata/README.md): other verbs and objects for the same frames —
// downing every tablet, vanishing for good, steering into lorries, slicing
// a body part, a heart that stops, a last wish, choosing death, people who
// will be free of the author — each checked against near misses.

var (
	freeOfMeSoonRe = regexp.MustCompile(`\b(?:tomorrow|tonight|soon|after (?:tonight|today|this)|this (?:week|weekend)|for good|forever|once and for all)\b`)
	heartIdiomRe   = regexp.MustCompile(`^ (?:racing|pounding|beating (?:so|this)|hurting|aching|breaking|skipping|fluttering|doing that|from (?:racing|pounding))\b`)
	wishCueLeftRe  = regexp.MustCompile(`\b(?:hope|hoping|wish|wishing|pray|praying|want|wanting|please|let|just want|would love)\b`)
	overTrivialRe  = regexp.MustCompile(`^ (?:over|than|instead of)\b`)
)

// freeOfMeCheck: "they'll be free of me" is finality with a time or a
// burden; alone it needs company ("when I move out they'll be free of me").
func freeOfMeCheck(c *matchCtx, w float64) float64 {
	if freeOfMeSoonRe.MatchString(c.sentence) {
		return 0.7
	}
	return w
}

// wishCueCheck: "my eyes never open again" is a wish when hoped or prayed
// for; as a report ("my eyes would never open") it needs company.
func wishCueCheck(c *matchCtx, w float64) float64 {
	if wishCueLeftRe.MatchString(c.left) {
		return w
	}
	return 0.4
}

// choosingDeathCheck: "I'd choose death over another meeting" is a figure
// of speech.
func choosingDeathCheck(c *matchCtx, w float64) float64 {
	if overTrivialRe.MatchString(c.after) {
		return 0.1
	}
	return w
}

// probeIPatterns returns the pattern families added after probe I.
func probeIPatterns() []*pattern {
	return []*pattern{
		{name: "down every tablet", weight: 0.75, subject: true, kind: kPrep,
			re:    reX(`\b(?:down|downing|neck|necking|gulp|gulping|chug|chugging|swallow|swallowing|take|taking|empty|emptying) {A}(?:every (?:single )?(?:pill|tablet|capsule)|all (?:of )?(?:my|the|these|those) {PILLS}|the (?:whole|entire) (?:bottle|box|packet|pack|tub|strip|cabinet|medicine (?:box|cabinet|cupboard))|everything in the (?:medicine )?(?:box|cabinet|cupboard|drawer))\b`),
			check: allPillsCheck},
		{name: "vanish for good", weight: 0.6, subject: true, hyperbole: true,
			re: reX(`\b{INTENT} {A}(?:vanish|disappear|fade away|cease to be)(?: this time)? (?:for good|forever|permanently|without a trace|off the face of the earth)\b`)},
		{name: "free of me", weight: 0.45, absence: true,
			re:    reX(`\b(?:will|would|can|could|are going to|is going to) (?:all )?(?:finally )?be (?:free|rid|rid) of me\b|\b(?:free|spare|release) (?:them|everyone|everybody|you all|my family|my \w+) (?:of|from) me\b`),
			check: freeOfMeCheck},
		{name: "heart or eyes never again", weight: 0.75, subject: true,
			re:       reX(`\bmy (?:heart|breathing) (?:will |would |to |just |finally )?(?:stop|stops|give out|gives out|give up|gives up)\b|\bmy eyes (?:never|do not|will not|would not|will never|would never|do not ever) {A}open (?:again|tomorrow|in the morning|ever again)\b`),
			notAfter: heartIdiomRe,
			check:    wishCueCheck},
		{name: "steer into traffic", weight: 0.8, subject: true,
			re:    reX(`\b(?:steer|steering|swerve|swerving|veer|veering|ride|riding|crash|crashing|drive|driving) (?:my (?:car|bike|motorbike|motorcycle|van)|the car|myself) (?:into|in front of|off|under) {PLACE}(?: on purpose| deliberately)?\b`),
			check: intentOrTimeCheck},
		{name: "slice a body part", weight: 0.75, subject: true,
			re:    reX(`\b{INTENT} {A}(?:cut|slice|carve|slash|burn|gouge|open up)(?: up| into| open)? my {BODY}\b|\b(?:carve|carving|carved|slice|slicing|sliced|slash|slashing|slashed) (?:up |into )?my {BODY}\b`),
			check: carelessCheck},
		{name: "hurt until it breaks", weight: 0.6, subject: true, kind: kHarm,
			re: reX(`\b(?:punch|punching|punched|hit|hitting|smash|smashing|smashed|bang|banging|banged|slam|slamming|slammed|headbutt|headbutting) (?:my (?:head|fist|fists|hand|hands) (?:against|into|on) )?(?:the |a |my )?(?:wall|walls|mirror|window|door|floor)s? (?:until|till|til) (?:my (?:\w+ )?(?:hand|hands|knuckles|fist|fists|head|fingers) (?:bleed|bleeds|bled|break|breaks|broke|split|splits|crack|cracks)|i (?:bleed|break something|pass out|black out))\b`)},
		{name: "choosing death", weight: 0.75, subject: true,
			re:    reX(`\b(?:choosing|choose|chose|chosen|picking|opting for|opt for|opted for) (?:death|to die|to end it|to end my life|suicide|to kill myself|to not be here|not to live|not to be alive|not to wake up)\b`),
			check: choosingDeathCheck},
		{name: "last wish is to die", weight: 0.8, subject: true,
			re:       reX(`\bmy (?:last|only|final|one|dying|biggest|greatest|deepest|real) (?:wish|dream|hope|desire|goal|plan|want) (?:is|would be|right now is) (?:to|that i|for me to) {A}(?:die|be dead|not wake up|stop existing|not exist|{METHOD})\b`),
			notAfter: re(dieIdiomAfter)},
		{name: "better life without me", weight: 0.75,
			re: reX(`\b(?:would|will|could|might|can) (?:all )?{A}(?:have|live|get|lead) (?:a |much |so much |far )?(?:better|happier|easier|calmer|freer) (?:life|lives|time|future|home)(?: \w+)? (?:without me|(?:once|when|after) i am {GONE}|if i (?:was|were) {GONE}|with me gone|with me out of the way)\b`)},
		{name: "gone and nobody will notice", weight: 0.7,
			re: reX(`\bi am {GONE}(?: \w+)?,? (?:and|but) (?:nobody|no one|not a single person|not one person|none of them)(?: \w+)? (?:will|would|is going to) {A}(?:notice|care|miss me|be sad|cry|remember me)\b`)},
		{name: "not long before I am gone", weight: 0.5, subject: true, absence: true,
			re:       reX(`\b(?:will not|is not going to|not) be (?:long|much longer)(?: now)? (?:before|until|till) i am {GONE}\b`),
			notAfter: awayAfterRe},
		{name: "where I am going", weight: 0.6, subject: true, absence: true,
			re: reX(`\bwhere i am going,? i (?:will not|am not going to|will never|do not|will no longer) {A}need (?:them|it|anything|any of (?:it|this|them)|my things|my stuff)\b`)},
	}
}

var carelessRe = regexp.MustCompile(`\b(?:not careful|by accident|accidentally|clumsy|oops)\b`)

// carelessCheck: "I'm going to burn my hand on this pan if I'm not careful"
// is an accident foretold.
func carelessCheck(c *matchCtx, w float64) float64 {
	if carelessRe.MatchString(c.sentence) {
		return 0
	}
	return selfActCheck(c, w)
}

var vehicleIntentLeft = regexp.MustCompile(`\b(?:going to|gonna|will|want to|about to|planning to|plan to|ready to|decided to|need to|thinking (?:of|about)|might|should|tempted to|urge to)\b`)

// intentOrTimeCheck: steering into lorries counts when announced or timed;
// "I nearly drove into a wall on the ice" is an accident.
func intentOrTimeCheck(c *matchCtx, w float64) float64 {
	if vehicleIntentLeft.MatchString(c.left) || urgentTimeRe.MatchString(c.sentence) || strings.Contains(c.phrase, "purpose") || strings.Contains(c.phrase, "deliberately") {
		return w
	}
	return 0
}
