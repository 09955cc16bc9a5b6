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

var notPostingLeftRe = regexp.MustCompile(`\bi (?:will not|am not going to|will never) (?:be )?$`)

// notPostingCheck: "I won't be posting again" is a last message; "I'll be
// posting again tomorrow" is not.
func notPostingCheck(c *matchCtx, w float64) float64 {
	if notPostingLeftRe.MatchString(c.left) {
		return w
	}
	return 0
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
			re:    reX(`\bbe (?:free|rid) of me\b`),
			check: freeOfMeCheck},
		{name: "spare them of me", weight: 0.45, absence: true,
			re:    reX(`\b(?:free|spare|release) (?:them|everyone|everybody|you all|my family|my \w+) (?:of|from) me\b`),
			check: freeOfMeCheck},
		{name: "last time I talk to you", weight: 0.7, kind: kPrep, absence: true,
			re: reX(`\bthe last time i (?:will|am going to|will ever|ever) (?:talk|speak|write|post|chat) (?:to|with|here|on here)(?: any of)?(?: you| you all| you guys| everyone| anyone| this (?:forum|group|community))?\b`)},
		{name: "not posting again", weight: 0.7, kind: kPrep, absence: true,
			re:    reX(`\b(?:posting|post|writing|be back|coming back|come back|logging on|log on) (?:here |on here )?(?:again|anymore|ever again)\b`),
			check: notPostingCheck},
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

// waterLeisureCheck: going into the river for a kayaking lesson is not
// drowning.
func waterLeisureCheck(c *matchCtx, w float64) float64 {
	if waterRe.MatchString(c.phrase) && leisureRe.MatchString(c.sentence) {
		return 0
	}
	return w
}

var (
	poisonRe     = regexp.MustCompile(`\b(?:bleach|antifreeze|anti freeze|weedkiller|weed killer|rat poison|drain cleaner|paraquat|pesticide|poison)\b`)
	notForLongRe = regexp.MustCompile(`\b(?:burden|drain|waste of|in the way|better off|die|dying|dead|suicid\w*|end it|goodbye)\b`)
	heightNearRe = regexp.MustCompile(`\b(?:bridge|roof|rooftop|cliff|balcony|ledge|tower|building|car park|multi ?stor(?:e)?y|top floor|top of|overpass)\b`)
	edgeTimeRe   = regexp.MustCompile(`\b(?:tonight|now|right now|at \d+(?::\d+)? ?(?:am|pm)?|at midnight|when (?:everyone|they) (?:is|are) asleep|tomorrow)\b`)
	shaveAfterRe = regexp.MustCompile(`^ (?:to shave|and shave|for shaving|to do my legs)\b`)
)

// poisonCheck: drinking "it" is drinking a poison only where the sentence
// names one.
func poisonCheck(c *matchCtx, w float64) float64 {
	if poisonRe.MatchString(c.phrase) || poisonRe.MatchString(c.sentence) {
		return w
	}
	return 0
}

// notForLongCheck: "it won't be for long" is finality in a post about being
// a burden or about dying.
func notForLongCheck(c *matchCtx, w float64) float64 {
	if notForLongRe.MatchString(c.t.text) {
		return w
	}
	return 0
}

// heightSentenceCheck: "I'm not coming down" counts on a height.
func heightSentenceCheck(c *matchCtx, w float64) float64 {
	if heightNearRe.MatchString(c.sentence) {
		return w
	}
	return 0
}

// edgeTimeCheck: heading to the tracks counts when it is timed.
func edgeTimeCheck(c *matchCtx, w float64) float64 {
	if edgeTimeRe.MatchString(c.sentence) {
		return 0.65
	}
	return w
}

// bathMeansCheck: a razor in the bath is for shaving unless the post
// places it at night, alone, or says why not.
func bathMeansCheck(c *matchCtx, w float64) float64 {
	if shaveAfterRe.MatchString(c.after) {
		return 0
	}
	if edgeTimeRe.MatchString(c.sentence) || strings.Contains(c.sentence, "asleep") || strings.Contains(c.sentence, "alone") {
		return 0.65
	}
	return w
}

// probeJPatterns returns the pattern families added after probe J.
func probeJPatterns() []*pattern {
	return []*pattern{
		{name: "drink a poison", weight: 0.8, subject: true,
			re:    reX(`\b(?:{INTENT}|thinking (?:about|of)|keep thinking about|considering) {A}(?:drink|drinking|swallow|swallowing|down|downing|neck|necking) (?:it|that|some|the|a bottle of|a cup of)(?: bleach| antifreeze| anti freeze| weedkiller| weed killer| rat poison| drain cleaner| poison)?\b`),
			check: poisonCheck},
		{name: "hang from a beam", weight: 0.8, subject: true,
			re: reX(`\b{INTENT} {A}hang (?:from|off) (?:the|a|my) (?:beam|rafters?|banister|bannister|tree|door|ceiling|loft hatch|hook|stairs|pipe|bar)\b`)},
		{name: "heading to the tracks", weight: 0.45, subject: true, kind: kPrep,
			re:       reX(`\bi am (?:walking|going|heading|driving|off|getting the bus|getting a taxi) (?:down |out |up )?to (?:the|a) (?:bridge|cliffs?|train line|train tracks|tracks|railway|railway line|rail line|level crossing|rooftop|motorway bridge|quarry|reservoir|top of (?:the|a) (?:\w+ )?(?:building|car park|tower|cliff))\b`),
			notAfter: re(scenicAfter + `|^ (?:to (?:see|watch|take|meet|look|walk|photograph|catch)|with|for)\b`),
			check:    edgeTimeCheck},
		{name: "not her fault", weight: 0.6,
			re:    reX(`\b(?:tell|please tell) (?:my (?:\w+ )?{KIN}|{KIN}|everyone|them|her|him) (?:that )?(?:it is|it was|this is|this was|none of this is) not (?:her|his|their|your|anyone's|anybody's|my \w+'s) fault\b`),
			check: endClauseOr(0.6, re(`^ (?:for good|forever)\b`))},
		{name: "blade to my skin", weight: 0.7, subject: true, kind: kHarm,
			re: reX(`\b(?:take|taking|took|put|putting|hold|holding|press|pressing|drag|dragging|run|running) (?:a|the|my) (?:blade|razor|razor blade|knife|scissors|lighter|compass|shard|glass) (?:to|against|into|across|over) my {BODY}\b`)},
		{name: "counting out pills", weight: 0.45, subject: true, kind: kPrep,
			re:       reX(`\b(?:counting|counted|lining|lined|laying|laid|popping|popped|pressing|pressed|emptying|emptied|tipping|tipped) (?:out |up )?(?:all )?(?:of )?(?:the |my |these |those )?(?:\w+ )?(?:blister packs?|{PILLS})\b`),
			notAfter: re(`^ (?:for (?:the|a|this|next) (?:week|day|trip|holiday|month|morning|night)|into (?:my|the|a) (?:pill ?box|(?:pill )?organi[sz]er|dosette)|as (?:usual|prescribed)|in (?:my|the|a) (?:pill ?box|(?:pill )?organi[sz]er|dosette))\b`),
			check:    holdingCheck},
		{name: "not for long", weight: 0.4,
			re:    reX(`\b(?:it|this|that) (?:will not|is not going to) (?:be|last) (?:for )?(?:much |very )?long(?:er)?\b|\bnot for (?:much |very )?long(?:er)?\s*$`),
			check: notForLongCheck},
		{name: "not coming down", weight: 0.6, subject: true, ownNegation: true,
			re:    reX(`\b(?:am not|will not|am never|will never|not) (?:be )?(?:coming|climbing|getting|going|walking) (?:back )?down\b`),
			check: heightSentenceCheck},
		{name: "death the only thing left", weight: 0.7, subject: true,
			re: reX(`\b(?:suicide|death|dying|ending it|ending my life|killing myself|the end|not existing|being dead) (?:is|feels like|seems like|seems|feels) (?:like )?(?:the )?only (?:option|answer|choice|way out|escape|thing (?:that makes sense|left|i have left|i want|to look forward to|i look forward to|i can think of|that would help|i have left to look forward to))\b|\blooking forward to (?:dying|death|being dead|my death|not existing|not being here)\b`)},
		{name: "bath with the means", weight: 0.45, subject: true, kind: kPrep,
			re:    reX(`\b(?:getting|get|got|lying|laying|sitting|sat|going to get) (?:in|into) (?:the|a) bath with (?:a|the|my|some) (?:razor|razors|blade|blades|knife|{PILLS}|toaster|hairdryer|hair dryer)\b`),
			check: bathMeansCheck},
		{name: "can not keep myself safe", weight: 0.7, subject: true, ownNegation: true,
			re: reX(`\b(?:can not|could not|can no longer|do not know (?:how|if i can) (?:to )?|not sure i can|unable to|will not be able to) {A}keep myself safe\b`)},
		{name: "if I die at least", weight: 0.6, subject: true,
			re: reX(`\bif i (?:die|am dead|was dead|were dead|do not wake up|go|end it|kill myself)(?: \w+){0,2},? (?:then )?at least (?:the pain|it|everything|this|the hurt|the suffering|i) (?:will |would |finally )?(?:stop|stops|end|ends|be over|is over|stop hurting|be free|am free)\b`)},
		{name: "finish it myself", weight: 0.7, subject: true,
			re:    reX(`\b{INTENT} {A}(?:finish|end) (?:it|things|my life|this) (?:myself|off myself|by my own hand|with my own hands)\b`),
			check: lifeOrDeathCheck},
		{name: "doing it now, progressive", weight: 0.7, subject: true,
			re:    reX(`\bi am {A}(?:jumping|driving|stepping|throwing myself|walking|crashing|steering) (?:my car |my bike )?(?:off|from|in front of|into|under) {PLACE}\b`),
			check: progressiveCheck},
		{name: "leaving this world", weight: 0.75, subject: true,
			re:       reX(`\b(?:i am|am) {A}(?:leaving|departing|exiting|quitting|checking out of) (?:this|the) (?:world|earth|life|planet)\b`),
			notAfter: re(`^ (?:of|behind|for a|for the|to go)\b`)},
	}
}

// lifeOrDeathCheck keeps "finish it myself" where the sentence is about a
// life or the post about dying.
func lifeOrDeathCheck(c *matchCtx, w float64) float64 {
	if lifeWordRe.MatchString(c.sentence) || deathTalkRe.MatchString(c.t.text) {
		return w
	}
	return 0
}

var progressiveTimeRe = regexp.MustCompile(`\b(?:tonight|tomorrow|today|this (?:weekend|week|evening)|right now|now|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|soon|at \d)\b`)

// progressiveCheck: "tomorrow I'm driving off the cliff" is a plan; "I'm
// driving off the ferry at Dover" is a trip, so a time or a height must
// decide.
func progressiveCheck(c *matchCtx, w float64) float64 {
	if waterRe.MatchString(c.phrase) && leisureRe.MatchString(c.sentence) {
		return 0
	}
	if progressiveTimeRe.MatchString(c.sentence) && heightsRe.MatchString(c.phrase) {
		return w
	}
	if progressiveTimeRe.MatchString(c.sentence) {
		return 0.45
	}
	return 0
}
