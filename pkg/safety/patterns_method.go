package safety

import (
	"regexp"
	"strings"
)

// Methods: pills gathered, a rope, a height, traffic, a poison, and
// questions about methods and doses. A method named is the third rung of
// the Columbia scale (C-SSRS); gathering the means is preparatory
// behaviour and counts in the past tense too (kPrep).

// gatheredMeansPatterns returns the patterns for pills saved or counted, a rope, a height, a car's exhaust, and searches for a method.
func gatheredMeansPatterns() []*pattern {
	return []*pattern{
		{name: "pills saved", weight: 0.8, subject: true, kind: kPrep,
			re:       re(`\b(?:saved|saving|save|stockpiled|stockpiling|stockpile|hoarded|hoarding|hoard|collected|collecting|stashed|stashing|stash|gathered|gathering|squirrelled|squirreled|been saving|put aside|putting aside|set aside|setting aside) (?:up )?(?:(?:all|enough|some|my|the|a|lots of|plenty of|a bunch of|loads of|a lot of|a stash of|a month of|months of|weeks of|a year of|up|of|[a-z]+'s) )*{PILLS}\b`),
			notAfter: re(`^ (?:from (?:the )?(?:pharmacy|chemist|doctor|gp|surgery)|at the (?:pharmacy|chemist)|for (?:my|the) (?:trip|holiday|week|journey|flight|travel)|for (?:her|him|them|my \w+))\b`),
			check:    errandCheck},
		{name: "pills ready", weight: 0.75, subject: true, kind: kPrep,
			re:       re(`\b{PILLS} (?:are |is )?(?:all )?(?:saved|stockpiled|stashed|hoarded|collected|ready|lined up|counted out|laid out|saved up|hidden away|set aside|put aside)\b`),
			notAfter: re(`^ (?:for (?:the|my) (?:week|trip|holiday|journey|morning)|in (?:a|my|the) (?:pill ?box|(?:pill )?organi[sz]er|dosette)|(?:from|at) (?:the )?(?:pharmacy|chemist|doctor|gp|surgery|hospital)|for (?:her|him|them|my \w+))\b`)},
		{name: "enough pills", weight: 0.65, subject: true, kind: kPrep,
			re:       re(`\benough {PILLS} (?:to|saved|now|left|for (?:it|this|that|the job))\b|\b(?:have|got|there are) enough(?: now)?$`),
			notAfter: re(`^ (?:last|get (?:me )?through|see me through|cover|for (?:the|a) (?:week|month|trip|holiday))\b`)},
		{name: "how many pills", weight: 0.7, subject: true, kind: kPrep,
			re: re(`\bhow (?:many|much) (?:of )?(?:my |the |these |those )?(?:{PILLS}|\w+ pills|\w+ tablets)(?: of my \w+)?(?: \w+){0,4}? (?:would (?:it )?take|it would take|does it take|it takes|to die|to kill|to overdose|to od|would (?:be )?(?:lethal|fatal|kill|enough)|is (?:lethal|fatal|enough to)|are (?:lethal|fatal)|before (?:you|i|it) die)\b`)},
		{name: "lethal dose", weight: 0.5, subject: true, kind: kPrep, hyperbole: true,
			re:       re(`\b(?:lethal|fatal|deadly) (?:dose|amount|quantity)\b`),
			notAfter: re(`^ (?:of|for) (?:caffeine|coffee|energy drinks?|vitamin \w|water|chocolate|sugar|salt|nicotine|carrots|nutmeg|cinnamon|spinach|bananas?|apple seeds|cherry pits|tea)\b`)},
		{name: "take all the pills", weight: 0.75, subject: true, kind: kPrep,
			re:    re(`\b(?:take|taking|took|taken|swallow|swallowing|swallowed|down|downing|downed|neck|necking|necked|overdose on|overdosing on|overdosed on) {A}(?:a handful of|handfuls of|a bunch of|a load of|loads of|a lot of|a fistful of|heaps of|a pile of|a (?:whole )?(?:bottle|packet|box|pack|strip|tub) of|the whole (?:bottle|packet|box|pack|strip|tub) of|every (?:single )?one of|all of|all|the rest of|too many|way too many|double|triple|loads of|lots of|dozens of|\d+|twenty|thirty|forty|fifty|a hundred|hundreds of)(?: (?:my|the|these|those))?(?: [\w']+)? {PILLS}\b`),
			check: allPillsCheck},
		{name: "take everything", weight: 0.75, subject: true, kind: kPrep,
			re:       re(`\b(?:take|taking|took|swallow|swallowing|swallowed) {A}(?:everything in the (?:medicine )?(?:cabinet|cupboard|drawer|box)|every (?:single )?(?:pill|tablet)(?: i (?:have|own|could find|can find))?|the lot|an overdose|all of them at once)\b`),
			notAfter: re(`^ (?:to|of|back|home|out|off|in|down|up|with|over|for|round|around)\b`)},
		{name: "overdose intent", weight: 0.85, subject: true, hyperbole: true,
			re:       re(`\b(?:going to|about to|want to|will|planning to|plan to|ready to|decided to|need to|might|gonna|thinking about|thinking of|considering|tempted to) {A}(?:overdose|overdosing)\b`),
			notAfter: re(trivialOverdoseAfter)},
		{name: "rope", weight: 0.75, subject: true, kind: kPrep,
			re:       re(`\b(?:bought|buying|buy|got|have|had|has|ordered|order|tied|tying|tie|made|making|make|found|hung|hanging|hang|hid|hidden|hiding|holding|hold|ready|purchased|getting|get|fixed|fixing|attached|attaching|prepared|preparing|set up|setting up|put|placed|packed|brought|carrying|took) (?:a |the |some |my |an |this )?(?:rope|noose|ligature|belt to (?:the|a) (?:door|beam|ceiling|rail))\b`),
			notAfter: re(ropeAfter), check: ropeLeisureCheck},
		{name: "noose", weight: 0.65, subject: true, kind: kPrep,
			re: re(`\bnoose\b`)},
		{name: "at the edge", weight: 0.6, subject: true, kind: kPrep,
			re:       re(`\b(?:standing|stood|sitting|sat|am|i am|waiting|parked|here|climbing|climbed|leaning|staring|looking|walking|walked)(?: in (?:the|my) car)? (?:right )?(?:on|at|by|over|near|on top of|onto|up|off|down) (?:the |a |this |my |that )?(?:edge of (?:the |a |this |my )?|ledge of (?:the |a |my )?|top of (?:the |a |my )?)?(?:bridge|roof|rooftop|ledge|cliff|cliff edge|cliffs|balcony ledge|balcony railing|railing|railings|train tracks|tracks|railway tracks|railway line|rail line|overpass|motorway bridge|car park roof|parking garage roof|multi ?stor(?:e)?y(?: car park)?|platform edge)\b`),
			notAfter: re(scenicAfter), check: edgeCheck},
		{name: "jump", weight: 0.8, subject: true,
			re:    re(`\b(?:going to|about to|want to|wanted to|need to|ready to|will|planning to|plan to|thinking of|thinking about|decided to|gonna|might|urge to|tempted to|should|just want to) {A}(?:jump|jumping|step|stepping|throw myself|walk|walking|drive|driving|crash|crashing|steer|steering|swerve|swerving|veer|veering|ride|riding|run|lie down|lay down|lie|park)(?: (?:my (?:car|bike|motorbike|motorcycle|van|truck)|the car|myself))?(?: (?:off|from|in front of|into|onto|under|on|out in front of|in front of|off of) (?:the |a |my |an |this |that |some |oncoming )?(?:oncoming )?(?:\d[\d:.]* )?(?:bridge|building|roof|rooftop|cliff|cliffs|express|train|trains|tram|tube|bus|buses|car|cars|truck|trucks|lorry|lorries|traffic|tracks|railway|balcony|tower|car park|multi ?stor(?:e)?y(?: car park)?|parking garage|window|wall|tree|motorway|highway|freeway|oncoming traffic|ledge|overpass|road|lake|river|sea|ocean|canal))?\b`),
			check: jumpCheck},
		{name: "car exhaust", weight: 0.7, subject: true, kind: kPrep,
			re:       re(`\b(?:engine|car|motor) (?:is )?running in (?:the|a|my) (?:closed )?garage\b|\bin (?:the|a|my) (?:closed )?garage with the (?:engine|car|motor) (?:running|on)\b|\b(?:hose|pipe|tube) (?:from|to|on|into) the exhaust\b`),
			notAfter: re(`^ (?:to (?:warm|defrost|charge|heat|cool|check|test)|while|for (?:a|a few|ten|five|\d+) (?:minutes?|mins?|seconds?)|so (?:it|the)|because|and (?:i am|it is) (?:warming|defrosting))\b`)},
		{name: "method research", weight: 0.7, subject: true, kind: kPrep,
			re:       re(`\b(?:looked|looking|look|searched|searching|googled|googling|researched|researching|read up|reading up) (?:up |on |about )?(?:how|ways|methods|the best way|the easiest way|the quickest way|painless ways|the most painless way|suicide methods)(?: (?:to|of) (?:die|dying|kill myself|end it|end my life|do it|overdose|hang myself|tie a noose|make a noose|make it painless|not feel it|suicide))?\b`),
			notAfter: re(`^ (?:to (?:cook|make|bake|fix|get|find|use|learn|help|cope|deal|sleep|stop|calm|support|talk|manage|write|study)|for (?:my|a|the|our|class|uni|school|work|thesis|dissertation|essay|project|paper|assignment)|of (?:coping|grounding|meditation|study|research|teaching|calming|saving)|many|much|long|far|often|old|big|the)\b`),
			check:    methodCheck},
		{name: "painless ways to die", weight: 0.75, subject: true,
			re: re(`\b(?:painless|quick|quickest|easiest|best|fastest|surest|peaceful) (?:ways?|methods?|means) (?:to|of) (?:die|dying|kill myself|end it|end my life|suicide|commit suicide)\b|\bsuicide methods\b`)},
	}
}

// methodQuestionPatterns returns the patterns for questions about methods and doses, a date picked, pills in hand, and the methods of cutting and starving.
func methodQuestionPatterns() []*pattern {
	return []*pattern{
		{name: "enough to", weight: 0.75, subject: true, kind: kPrep,
			re:       re(`\benough (?:\w+ ){0,2}?(?:to (?:overdose|kill myself|kill me|die|end it|end my life|do it properly|do the job|not wake up)|for (?:an overdose|a lethal dose))\b`),
			notAfter: re(dieIdiomAfter)},
		{name: "method question", weight: 0.75, subject: true, kind: kPrep,
			re: re(`\b(?:most painless|least painful|quickest|fastest|easiest|best|surest|most effective|most reliable|painless|quick|peaceful) (?:ways?|methods?|means) (?:to|of) (?:die|dying|kill (?:myself|yourself|oneself)|end (?:my|your|one's) life|end it|commit suicide|suicide|overdose)\b|\bhow (?:do you|do i|to|can you|can i|does one|would you|would i|should i) {A}(?:kill (?:yourself|myself|oneself)|end (?:your|my) life|commit suicide|hang (?:yourself|myself)|overdose|slit (?:your|my) wrists)\b|\bsuicide methods\b`)},
		{name: "picked a date", weight: 0.55, subject: true, kind: kPrep,
			re:    re(`\b(?:picked|chosen|set|decided on|chose|pick|choose) (?:a|the|my) (?:date|day)\b`),
			check: endClauseOr(0.8, re(`^ (?:for it|to do it|to die|for my death|to end it|to go)\b`))},
		{name: "have the pills", weight: 0.45, subject: true, kind: kPrep,
			re:       re(`\b(?:got|have|bought|collected|picked up|have got|hid|hidden|hiding|buy|buying) (?:the|enough|all the|a lot of|loads of|a stash of|extra|more|a bottle of|bottles of) {PILLS}\b`),
			notAfter: re(`^ (?:my doctor|the doctor|from|for (?:my|the|a|your) (?:cold|headache|pain|back|flu|migraine|period|tooth|knee|dog|cat|mum|mom|dad)|that (?:my|the)|which|prescribed|i need|at the|for the (?:week|trip|holiday))\b`)},
		{name: "taking them", weight: 0.45, subject: true,
			re:    re(`\b(?:taking|take|swallow|swallowing|take all of|down) them (?:all )?(?:tonight|after work|later|now|at once|all at once|soon|tomorrow|when (?:everyone|they|my)|once (?:everyone|they|my)|after everyone)\b|\b(?:tonight|today|soon|later|now) i (?:will|am going to|am gonna|am) (?:take|swallow|taking|swallowing) them\b`),
			check: pillsMentioned},
		{name: "slit wrists", weight: 0.75, subject: true, kind: kHarm,
			re:    re(`\b(?:slit|slitting|slashed|slashing|slash|cut|cutting) (?:open )?my (?:wrists?|throat|veins)\b`),
			check: selfActCheck},
		{name: "until I die", weight: 0.75, subject: true, hyperbole: true,
			re:    re(`\b(?:starve|starving|bleed|bleeding|cut|cutting|drink|drinking) (?:myself )?(?:until i die|to death|until i am dead)\b`),
			check: objectWeight(0.75, objWeight{"drink", 0.45})},
	}
}

// meansInOtherWordsPatterns returns the patterns for means in other words: a drop, a train, pills in bulk, a ligature, funeral plans.
func meansInOtherWordsPatterns() []*pattern {
	return []*pattern{
		{name: "fixed on the means", weight: 0.5, subject: true,
			re:    reX(`\b(?:keep|kept|keeps|can not stop|been) (?:touching|looking at|staring at|holding|checking|stroking|thinking about|counting|playing with) (?:it|them|the \w+|my \w+)\b`),
			check: meansInSentenceCheck},
		{name: "how high the drop is", weight: 0.6, subject: true, kind: kPrep,
			re: reX(`\b(?:looked|looking|look|searched|searching|googled|googling|checked|checking|researched|researching|measured|worked out) (?:up )?how (?:high|tall|deep|far down|long a drop|far a drop|big a drop|many floors|many storeys|many stories) (?:the|a|that|this|my) (?:bridge|building|cliff|car park|multi ?stor(?:e)?y|tower|roof|balcony|drop|fall|overpass|viaduct|block)\b`)},
		{name: "stepping in front of it", weight: 0.65, subject: true,
			re:    reX(`\b(?:think|thinking|thought|thoughts|imagine|imagining|picture|picturing|urge to|want to|tempted to) (?:about |of )?(?:stepping|jumping|throwing myself|step|jump|throw myself|walking|walk|driving|drive) (?:in front of|off|under|into|onto|from) (?:it|them|one|one of them)\b`),
			check: heightsOrTrafficCheck},
		{name: "pills in bulk", weight: 0.45, subject: true, kind: kPrep,
			re: reX(`\b(?:bought|buying|got|getting|picked up) (?:a second|another|two|three|four|more|extra|several|a few|multiple) (?:packets?|packs?|boxes|box|bottles?|tubs?) of {PILLS}\b`)},
		{name: "pills past the limit", weight: 0.45, kind: kPrep,
			re:    reX(`\bfrom (?:another|a different|different|two|three|several|multiple) (?:shops?|pharmac(?:y|ies)|chemists?|stores?|supermarkets?)\b`),
			check: pillsMentioned},
		{name: "pills unnoticed", weight: 0.45, kind: kPrep,
			re:    reX(`\bso (?:they|the pharmacist|the cashier|nobody|no one) (?:would not|will not|did not|could not) (?:ask|notice|question)\b`),
			check: pillsMentioned},
		{name: "funeral plans", weight: 0.55, subject: true, kind: kPrep,
			re: reX(`\b(?:wrote|written|writing|made|making|picked|picking|chose|chosen|planned|planning|sorted|sorting) (?:out )?my (?:own )?funeral (?:playlist|songs|music|plans?|arrangements|outfit|wishes|readings)\b`)},
		{name: "funeral plans done", weight: 0.55, subject: true, kind: kPrep,
			re: reX(`\bmy (?:own )?funeral (?:playlist|songs|music|plans?|arrangements|outfit|wishes|readings) (?:is|are) (?:all )?(?:done|sorted|ready|finished|chosen|planned|written)\b`)},
		{name: "ligature", weight: 0.7, subject: true, kind: kPrep,
			re:       reX(`\b(?:tied|tying|tie|attached|attaching|hung|hanging|fixed|fixing|looped|looping) (?:a |the |my )?(?:belt|rope|cord|cable|scarf|sheet|ligature|tie|dressing gown cord|charger cable|lead) (?:to|around|round|over|from) (?:the|a|my) (?:\w+ )?(?:door|doorframe|door frame|beam|ceiling|rail|railing|banister|bannister|hook|pipe|tree|branch|wardrobe|loft hatch|curtain rail)\b`),
			notAfter: re(`^ (?:for|to (?:make|hang (?:the|a|my|some)|dry|hold (?:the|a|up)|secure|keep|stop)|so (?:the|it|we|that the)|and (?:swung|climbed))\b`),
			check:    ropeLeisureCheck},
		{name: "take my weight", weight: 0.55, subject: true, kind: kPrep,
			re: reX(`\b(?:would|will|could|can|to) (?:hold|take|support|bear) my weight\b`), check: deathTalkOr(0.55)},
	}
}

// everyTabletPatterns returns the patterns for downing every tablet.
func everyTabletPatterns() []*pattern {
	return []*pattern{
		{name: "down every tablet", weight: 0.75, subject: true, kind: kPrep,
			re:    reX(`\b(?:down|downing|neck|necking|gulp|gulping|chug|chugging|swallow|swallowing|take|taking|empty|emptying) {A}(?:every (?:single )?(?:pill|tablet|capsule)|all (?:of )?(?:my|the|these|those) {PILLS}|the (?:whole|entire) (?:bottle|box|packet|pack|tub|strip|cabinet|medicine (?:box|cabinet|cupboard))|everything in the (?:medicine )?(?:box|cabinet|cupboard|drawer))\b`),
			check: allPillsCheck},
	}
}

// steerIntoTrafficPatterns returns the patterns for steering into traffic.
func steerIntoTrafficPatterns() []*pattern {
	return []*pattern{
		{name: "steer into traffic", weight: 0.8, subject: true,
			re:    reX(`\b(?:steer|steering|swerve|swerving|veer|veering|ride|riding|crash|crashing|drive|driving) (?:my (?:car|bike|motorbike|motorcycle|van)|the car|myself) (?:into|in front of|off|under) {PLACE}(?: on purpose| deliberately)?\b`),
			check: intentOrTimeCheck},
	}
}

// methodVerbPatterns returns the patterns for a poison, a beam, the tracks.
func methodVerbPatterns() []*pattern {
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
	}
}

// jumpCheck accepts a bare "I'm going to jump." only at the end of a clause;
// with any other verb the destination must be named.
func jumpCheck(c *matchCtx, w float64) float64 {
	if waterRe.MatchString(c.phrase) && leisureRe.MatchString(c.sentence) || sportJumpRe.MatchString(c.sentence) {
		// "jump into the lake for the charity swim", "off the high board"
		return 0
	}
	if jumpDestRe.MatchString(c.phrase) {
		return w
	}
	if (strings.HasSuffix(c.phrase, " jump") || strings.HasSuffix(c.phrase, " jumping")) && endOfClauseRe.MatchString(c.after) {
		return 0.65
	}
	return 0
}

var pastTakeRe = regexp.MustCompile(`^(?:took|taken|swallowed|downed|necked)\b`)

var justNowRe = regexp.MustCompile(`\b(?:(?:\w+ )?(?:minutes?|mins?|hours?) ago|an hour ago|just|already|a moment ago)\b`)

var allPillsQualifierRe = regexp.MustCompile(`^ (?:at once|at the same time|together|in one go|in one sitting|tonight|right now|now|and (?:go to sleep|wait|lie down)|with (?:vodka|alcohol|wine|whisky|whiskey|beer))\b`)

// allPillsCheck separates taking a whole stock ("a handful", "all of them at
// once") from a routine ("I took all my meds today").
func allPillsCheck(c *matchCtx, w float64) float64 {
	if routineAfter.MatchString(c.after) {
		return 0
	}
	if pastTakeRe.MatchString(c.phrase) && justNowRe.MatchString(c.sentence) {
		// "I took all of my pills ten minutes ago": an overdose now.
		return 0.8
	}
	if allPillsBulkRe.MatchString(c.phrase) || allPillsQualifierRe.MatchString(c.after) {
		return w
	}
	if carriedIntent(c) {
		return 0.75
	}
	lt := c.leftToks
	if len(lt) > 3 {
		lt = lt[len(lt)-3:]
	}
	for _, t := range lt {
		switch t {
		case "just", "already", "going", "about", "want", "will", "planning", "ready", "decided", "gonna":
			return 0.75
		}
	}
	return 0.4
}

var methodPurposeRe = regexp.MustCompile(`(?:to|of) [a-z ]+$`)

var methodOtherRe = regexp.MustCompile(`^ (?:to|of|on|about|in|that|for (?:the|a|an|my|our|your|his|her|their|class|uni|school|work|thesis|dissertation|essay|project|paper|assignment|cooking|baking))\b`)

// methodCheck: looking up "how to die" or "ways to kill myself" counts, and
// so does a bare "I looked up how." at the end of a clause; looking up how to
// cook does not.
func methodCheck(c *matchCtx, w float64) float64 {
	switch {
	case methodPurposeRe.MatchString(c.phrase):
		return w
	case methodOtherRe.MatchString(c.after):
		return 0
	case strings.HasSuffix(c.phrase, "how"):
		if endOfClauseRe.MatchString(c.after) {
			return w
		}
		return 0
	}
	return w
}

// ropeLeisureRe finds the ordinary uses of a rope in the same sentence.
var ropeLeisureRe = regexp.MustCompile(`\b(?:swing|swings|hammock|tent|boat|climbing|camping|washing line|clothes line|tarp|tyre|tire|sailing|kayak|trailer|gym|skipping|tug of war|horse|dog)\b`)

// ropeLeisureCheck: a rope tied to a tree for a swing is not a ligature.
func ropeLeisureCheck(c *matchCtx, w float64) float64 {
	if ropeLeisureRe.MatchString(c.sentence) {
		return 0
	}
	return w
}

// errandCheck: in British English one "collects" a prescription from the
// chemist; that is an errand, not a stockpile.
func errandCheck(c *matchCtx, w float64) float64 {
	if strings.Contains(c.phrase, "collect") && strings.Contains(c.phrase, "prescription") {
		return 0
	}
	return w
}

// meansInSentenceCheck: "I keep touching it" counts where "it" is a bottle
// of pills or a blade.
func meansInSentenceCheck(c *matchCtx, w float64) float64 {
	if strongMeansRe.MatchString(c.sentence) {
		return w
	}
	return 0
}

var trafficRe = regexp.MustCompile(`\b(?:bridge|roof|rooftop|cliff|balcony|ledge|train|trains|tracks|building|window|tower|car park|overpass|platform|traffic|bus|buses|lorry|lorries|truck|trucks|cars)\b`)

// heightsOrTrafficCheck: "stepping in front of it" needs a train, a bus or
// a height in the sentence.
func heightsOrTrafficCheck(c *matchCtx, w float64) float64 {
	if trafficRe.MatchString(c.sentence) {
		return w
	}
	return 0
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

var poisonRe = regexp.MustCompile(`\b(?:bleach|antifreeze|anti freeze|weedkiller|weed killer|rat poison|drain cleaner|paraquat|pesticide|poison)\b`)

// poisonCheck: drinking "it" is drinking a poison only where the sentence
// names one.
func poisonCheck(c *matchCtx, w float64) float64 {
	if poisonRe.MatchString(c.phrase) || poisonRe.MatchString(c.sentence) {
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
