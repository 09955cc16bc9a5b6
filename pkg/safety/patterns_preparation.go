package safety

import (
	"regexp"
	"strings"
)

// Preparation and acts under way: means in hand or in view, pills
// counted out, a note written, an overdose taken. On the Columbia scale
// these are preparatory behaviour and attempts; what is held now counts
// more than what was once bought.

// meansAtHandPatterns returns the patterns for a blade, a gun or other means at hand.
func meansAtHandPatterns() []*pattern {
	return []*pattern{
		{name: "blade", weight: 0.55, subject: true, kind: kPrep,
			re:       re(`\b(?:holding|hold|have|got|grabbed|grab|found|bought|buying|hiding|hid|hidden|sharpened|took out|taken out|get out|got out|staring at|looking at|picked up|pick up|ready|broke|broken|snapped|unscrewed|out) (?:a |the |my |some |new |fresh |another )?(?:blade|blades|razor blade|razor blades|razor|razors|pencil sharpener|sharpener)\b|\b(?:blade|blades|razor) (?:is |are )?(?:in my hand|next to me|beside me|ready|out)\b`),
			notAfter: re(`^ (?:for (?:shaving|my (?:legs|beard|face))|to shave|from (?:the )?(?:shop|store|supermarket))\b`),
			check:    razorCheck},
		{name: "means at hand", weight: 0.6, subject: true, kind: kPrep,
			re:       re(`\b(?:knife|knives|blade|razor|rope|noose|{PILLS}|gun|lighter) (?:is |are )?(?:all )?(?:ready|next to me|beside me|in my hand|in front of me|on the table|on my bed|on the bed|lined up|laid out|counted out|on my desk|in my lap)\b`),
			notAfter: re(`^ (?:for (?:the|my|a|this|next) (?:week|day|trip|holiday|journey|morning|night|month|weekend)|in (?:a|my|the) (?:pill ?box|pill organi[sz]er|organi[sz]er|dosette|bag|wash ?bag|case)|to (?:cook|chop|slice|go)|for (?:cooking|dinner|lunch|the kitchen|work))\b`),
			check:    objectWeight(0.6, objWeight{"knife", 0.45}, objWeight{"knives", 0.45}, objWeight{"lighter", 0.4})},
		{name: "gun", weight: 0.5, subject: true, kind: kPrep,
			re:       re(`\b(?:bought|got|have|have got|loaded|holding|hold|found|cleaned|took out) (?:a |the |my |his |her |(?:my )?[a-z]+'s )?(?:gun|shotgun|rifle|pistol|handgun|revolver|firearm)\b|\b(?:gun|shotgun|rifle|pistol|handgun|revolver) (?:in my mouth|to my head|against my head|to my chin)\b`),
			notAfter: re(`^ (?:for (?:hunting|work|the range|sport|protection|shooting|my job|target)|licen[cs]e|safe|locked|at (?:the|a) (?:range|club)|cabinet|club)\b`),
			check:    objectWeight(0.5, objWeight{"loaded", 0.65}, objWeight{"mouth", 0.85}, objWeight{"head", 0.85})},
	}
}

// underWayPatterns returns the patterns for preparation finished and acts under way: a note, pills swallowed, means in view.
func underWayPatterns() []*pattern {
	return []*pattern{
		{name: "in case anyone reads this", weight: 0.35, kind: kPrep,
			re: re(`\b(?:in case|if|when|whoever) (?:anyone|someone|somebody|you|people|my family)? ?(?:ever )?(?:is |are )?(?:reads|read|reading|finds|sees) this\b`)},
		{name: "does it hurt", weight: 0.6, subject: true, kind: kPrep,
			re: re(`\b(?:does it hurt|would it hurt|will it hurt|is it painful|how painful is it|how long does it take|how long would it take) to (?:bleed out|hang|drown|overdose|jump|die|slit|cut (?:your|my) wrists|suffocate)\b`)},
		{name: "thinking about doing it", weight: 0.4, subject: true, endClause: true,
			re: re(`\b(?:thinking about|thinking of|considering|planning on|close to) {A}(?:doing it|going through with it)\b`)},
		{name: "overdosing now", weight: 0.85, subject: true, hyperbole: true, notAfter: re(trivialOverdoseAfter), check: adherenceCheck,
			re: re(`\bi am {A}(?:overdosing|bleeding out|taking an overdose|taking all my pills|taking the pills)\b|\bi (?:have )?just (?:overdosed|taken an overdose)\b`)},
		{name: "swallowed the pills", weight: 0.75, subject: true,
			re:       re(`\b(?:already|just|have) (?:swallowed|taken|took|downed) (?:the|all the|those|all of the|all my|all of my|them all|all of them|every one of the) {PILLS}\b|\b(?:already|just) (?:swallowed|taken|took|downed) them(?: all)?\b`),
			notAfter: routineAfter, check: pillsMentioned},
		{name: "looking at the pills", weight: 0.4, subject: true, kind: kPrep,
			re: re(`\b(?:looking|staring|sitting here looking|sat looking) at (?:the|my|all my|all the|a bottle of|a pile of) (?:{PILLS}|rope|razor|blade|knife|bridge|tracks|noose)\b`)},
		{name: "before I do it", weight: 0.6, subject: true, kind: kPrep,
			re: re(`\bbefore i {A}(?:go through with it|do it|end it(?: all)?|kill myself|end my life|take my (?:own )?life|take the pills|jump)\b`)},
		{name: "can not bear to live", weight: 0.7, subject: true,
			re: re(`\b(?:can not|could not|no longer) {A}(?:bear|stand|face|handle|take) (?:to be alive|being alive|to live|living|to exist|existing|to wake up|waking up|another day of (?:this|living|life))\b`)},
		{name: "note is written", weight: 0.5, subject: true, kind: kPrep,
			re: re(`\b(?:the|my) (?:note|letter|letters|notes) (?:is|are) (?:written|ready|done|finished|on (?:the|my) (?:desk|table|bed|pillow))\b`)},
		{name: "everything ready", weight: 0.35, subject: true, kind: kPrep, endClause: true,
			re: re(`\b(?:got|have|getting) everything (?:ready|sorted|in place|prepared|planned)\b`)},
		{name: "tonight it ends", weight: 0.6, subject: true, hyperbole: true,
			re: re(`\b(?:tonight|today|this weekend|here|now) (?:it|this|everything|it all) ends\b|\b(?:it|this|everything|it all) (?:all )?ends (?:tonight|today|now|here|this weekend)\b`)},
		{name: "not coming back", weight: 0.4, subject: true,
			re: re(`\b(?:i am|i will) not (?:coming back|be coming back) from (?:this|here|tonight)\b`)},
		{name: "use it on myself", weight: 0.6, subject: true,
			re: re(`\bus(?:e|ing) (?:it|them|the \w+|a \w+|my \w+|his \w+|that) on myself\b|\bturn(?:ing)? (?:it|the gun) on myself\b`)},
	}
}

// preparedMeansPatterns returns the patterns for means prepared: long thought, a car by the water, sitting with the means, using it.
func preparedMeansPatterns() []*pattern {
	return []*pattern{
		{name: "thought about this for a long time", weight: 0.3, kind: kPrep,
			re: reX(`\b(?:thought about|considered|been thinking about|planned) (?:this|it) for (?:a long time|months|years|weeks|ages|a while)\b`)},
		{name: "in my car by the water", weight: 0.45, subject: true, kind: kPrep,
			re:       reX(`\b(?:sat|sitting|parked|waiting) in (?:my|the) car (?:by|at|near|next to|overlooking|on) (?:the|a) (?:reservoir|river|lake|sea|cliffs?|bridge|quarry|dam|canal|tracks|railway|edge)\b`),
			notAfter: re(scenicAfter), check: edgeCheck},
		{name: "sitting with the means", weight: 0.45, subject: true, kind: kPrep,
			re:       reX(`\b(?:sitting|sat|lying|laying|standing|hiding|curled up|locked) (?:\w+ ){0,4}?with (?:a|the|my|some) {MEANS}\b`),
			notAfter: re(`^ (?:for (?:the|a|my) (?:week|trip|day)|to (?:cook|chop|shave|open|cut (?:the|some|a)))\b`),
			check:    durationCheck},
		{name: "use it on a means", weight: 0.6, subject: true,
			re:       reX(`\b(?:going to|gonna|will|want to|about to|ready to|planning to|tempted to|so close to) {A}use (?:it|them|this|that)\b`),
			notAfter: re(`^ (?:(?:tonight|today|now|later|tomorrow|again) )?(?:to|for|as|in|at|with|when|if|on (?:the|a|my|some)|properly)\b`),
			check:    useMeansCheck},
	}
}

// meansNowPatterns returns the patterns for means in hand now, and scenes of dying pictured.
func meansNowPatterns() []*pattern {
	return []*pattern{
		{name: "holding the means", weight: 0.4, subject: true, kind: kPrep,
			re:       reX(`\b(?:holding onto|holding on to|holding|hold|clutching|gripping|staring at|sitting with|counting|lined up|laid out|got out|took out|have out|emptied out|emptied) (?:a |the |my |all (?:of )?(?:the |my )?|a (?:handful|bottle|box|packet|pile) of (?:the |my )?)?{MEANS}\b`),
			notAfter: re(`^ (?:into|for (?:the|a|my) (?:week|trip|day)|in (?:a|my|the) (?:pill ?box|organi[sz]er|dosette|drawer|cupboard|cabinet|kitchen)|for (?:cooking|dinner|work|crafts?|school)|to (?:cook|chop|cut (?:the|some|a)|shave|open))\b`),
			check:    holdingCheck},
		{name: "means within reach", weight: 0.4, subject: true, kind: kPrep,
			re:    reX(`\b{MEANS} (?:is|are) (?:right )?(?:there|here|next to me|beside me|within reach)\b`),
			check: holdingCheck},
		{name: "gun acquired", weight: 0.45, subject: true, kind: kPrep,
			re:       reX(`\b(?:picked up|borrowed|took|taken|stole|stolen|ordered|getting|get|bought|got hold of|found) (?:a |the |my |dad's |his |my (?:\w+ )?(?:dad|father|uncle|brother|grandad|granddad)'?s )?(?:gun|shotgun|rifle|pistol|handgun|revolver|firearm)\b`),
			notAfter: re(`^ (?:for (?:hunting|work|the range|sport|protection|shooting|my job|target|christmas)|licen[cs]e|safe|locked|at (?:the|a) (?:range|club)|cabinet|club|game|toy|from (?:the |a )?(?:repair|shop|store|gunsmith|range|club|safe|cabinet))\b`)},
		{name: "pills with alcohol", weight: 0.35, subject: true, kind: kPrep,
			re:    reX(`\b{BOOZE}\b(?: \w+){0,4}? (?:and|with) (?:all (?:of )?)?(?:my|the|a (?:bottle|box|packet|load|handful) of) (?:\w+ )?{PILLS}\b`),
			check: bulkPillsCheck},
		{name: "pills then alcohol", weight: 0.35, subject: true, kind: kPrep,
			re:    reX(`\b{PILLS}(?: \w+){0,3}? (?:and|with) (?:a bottle of |some |the )?{BOOZE}\b`),
			check: bulkPillsCheck},
		{name: "until I can not wake", weight: 0.7, subject: true,
			re: reX(`\b(?:drink|drinking|sleep|sleeping|take|taking|swallow|swallowing|cut|cutting|bleed|bleeding|starve|starving) (?:myself |them )?(?:until|till|til) (?:i (?:die|am dead|can not (?:wake up|breathe)|stop breathing|do not wake up|never wake up)|my (?:heart|body) (?:gives out|stops|fails|gives up|shuts down))\b`)},
		{name: "car running in a shut garage", weight: 0.7, subject: true, kind: kPrep,
			re: reX(`\b(?:engine|car|motor) (?:is )?(?:still )?(?:running|on)\b(?: \w+){0,8}? (?:garage(?: door)? (?:is )?(?:shut|closed|locked)|closed garage|exhaust|hose)\b|\bgarage(?: door)? (?:is )?(?:shut|closed|locked)\b(?: \w+){0,8}? (?:engine|car|motor) (?:is )?(?:still )?(?:running|on)\b`)},
		{name: "picturing myself dying", weight: 0.7, subject: true,
			re:       reX(`\b(?:picture|picturing|pictured|imagine|imagining|imagined|visuali[sz]e|visuali[sz]ing|fantasi[sz]e|fantasi[sz]ing|dream|dreaming|thinking) (?:about |of )?myself {A}(?:jumping|hanging|drowning|dying|dead|overdosing|bleeding out|stepping (?:in front|off)|falling (?:from|off)|in (?:a|my) (?:coffin|grave)|lying dead|falling)\b`),
			notAfter: re(`^ (?:of (?:a|an|old|cancer|natural)|in (?:a|an) (?:car )?(?:crash|accident))\b`),
			check:    imagineSelfCheck},
		{name: "scared of doing something", weight: 0.5, subject: true,
			re:    reX(`\b(?:scared|afraid|worried|terrified|frightened) (?:that )?i (?:will|might|am going to|could|would) do something\b`),
			check: scaredOfSomethingCheck},
	}
}

// countingPillsPatterns returns the patterns for counting out pills.
func countingPillsPatterns() []*pattern {
	return []*pattern{
		{name: "counting out pills", weight: 0.45, subject: true, kind: kPrep,
			re:       reX(`\b(?:counting|counted|lining|lined|laying|laid|popping|popped|pressing|pressed|emptying|emptied|tipping|tipped) (?:out |up )?(?:all )?(?:of )?(?:the |my |these |those )?(?:\w+ )?(?:blister packs?|{PILLS})\b`),
			notAfter: re(`^ (?:for (?:the|a|this|next) (?:week|day|trip|holiday|month|morning|night)|into (?:my|the|a) (?:pill ?box|(?:pill )?organi[sz]er|dosette)|as (?:usual|prescribed)|in (?:my|the|a) (?:pill ?box|(?:pill )?organi[sz]er|dosette))\b`),
			check:    holdingCheck},
	}
}

// bathMeansPatterns returns the patterns for a bath with a blade or pills.
func bathMeansPatterns() []*pattern {
	return []*pattern{
		{name: "bath with the means", weight: 0.45, subject: true, kind: kPrep,
			re:    reX(`\b(?:getting|get|got|lying|laying|sitting|sat|going to get) (?:in|into) (?:the|a) bath with (?:a|the|my|some) (?:razor|razors|blade|blades|knife|{PILLS}|toaster|hairdryer|hair dryer)\b`),
			check: bathMeansCheck},
	}
}

// actingNowPatterns returns the patterns for finishing it oneself, driving off or jumping now.
func actingNowPatterns() []*pattern {
	return []*pattern{
		{name: "finish it myself", weight: 0.7, subject: true,
			re:    reX(`\b{INTENT} {A}(?:finish|end) (?:it|things|my life|this) (?:myself|off myself|by my own hand|with my own hands)\b`),
			check: lifeOrDeathCheck},
		{name: "doing it now, progressive", weight: 0.7, subject: true,
			re:    reX(`\bi am {A}(?:jumping|driving|stepping|throwing myself|walking|crashing|steering) (?:my car |my bike )?(?:off|from|in front of|into|under) {PLACE}\b`),
			check: progressiveCheck},
	}
}

// adherenceAfter is taking medication the way it was prescribed.
var adherenceAfter = regexp.MustCompile(`^ (?:now )?(?:as (?:prescribed|directed|i should|i am supposed to|the doctor said)|on time|with (?:food|water|meals|breakfast|lunch|dinner)|like (?:the|my) (?:doctor|gp|nurse|psychiatrist|pharmacist)(?: said| told me)?|like i am supposed to|every (?:day|morning|night|evening)|regularly|properly)\b`)

// adherenceCheck: "I'm taking all my pills as prescribed" is looking after
// oneself, not an overdose.
func adherenceCheck(c *matchCtx, w float64) float64 {
	if strings.HasSuffix(c.phrase, "pills") && adherenceAfter.MatchString(c.after) {
		return 0
	}
	return w
}

// razorCheck: a razor is a shaving tool unless the post is about self-harm.
func razorCheck(c *matchCtx, w float64) float64 {
	if strings.Contains(c.phrase, "razor") && !strings.Contains(c.phrase, "blade") && !harmWordsRe.MatchString(c.sentence) {
		return 0.3
	}
	return w
}

// imagineSelfCheck: "picturing myself jumping" is about a fall only where
// the post names a height or a train.
func imagineSelfCheck(c *matchCtx, w float64) float64 {
	if anxietyRe.MatchString(c.sentence) {
		return 0.3
	}
	if (strings.HasSuffix(c.phrase, "jumping") || strings.HasSuffix(c.phrase, "falling")) && !heightsRe.MatchString(c.t.text) {
		return 0.3
	}
	if strings.HasSuffix(c.phrase, "dying") || strings.HasSuffix(c.phrase, "dead") || strings.HasSuffix(c.phrase, "falling") {
		return 0.45
	}
	return w
}

// anxietyRe finds the fears of an anxious mind, which picture dying
// without wanting it.
var anxietyRe = regexp.MustCompile(`\b(?:anxiety|anxious|intrusive|ocd|panic|nightmares?|health anxiety|phobia|scared of dying|afraid of dying|fear of dying)\b`)

var urgentMeansRe = regexp.MustCompile(`\b(?:right now|now|tonight|in my hand|in my hands|in front of me|on my (?:desk|bed|lap)|next to me|beside me|right there|ready|all night|for hours|for an hour|all evening|all day)\b`)

// holdingCheck: holding pills or a blade is stronger when it is now; a
// knife or scissors "right there" needs talk of harm or death around it.
func holdingCheck(c *matchCtx, w float64) float64 {
	if !urgentMeansRe.MatchString(c.sentence) {
		return w
	}
	if strongMeansRe.MatchString(c.phrase) || harmWordsRe.MatchString(c.t.text) || deathTalkRe.MatchString(c.t.text) {
		return 0.6
	}
	return w
}

var somethingUrgentRe = regexp.MustCompile(`^ (?:tonight|right now|now|to myself|bad|terrible|i can not (?:undo|take back))\b`)

// scaredOfSomethingCheck: "scared I'll do something tonight" counts,
// "scared I'll do something embarrassing" does not.
func scaredOfSomethingCheck(c *matchCtx, w float64) float64 {
	switch {
	case somethingUrgentRe.MatchString(c.after):
		return 0.6
	case endOfClauseRe.MatchString(c.after):
		return w
	}
	return 0
}

var durationRe = regexp.MustCompile(`\b(?:for (?:an|over an|about an|half an) hour|for hours|for ages|all (?:night|evening|day|afternoon)|right now|tonight|since)\b`)

// durationCheck: sitting with a razor for an hour is not shaving.
func durationCheck(c *matchCtx, w float64) float64 {
	if !durationRe.MatchString(c.sentence) {
		return w
	}
	if strongMeansRe.MatchString(c.phrase) || strings.Contains(c.phrase, "razor") || harmWordsRe.MatchString(c.t.text) || deathTalkRe.MatchString(c.t.text) {
		return 0.6
	}
	return w
}

var harmMeansRe = re(`\b(?:{PILLS}|knife|knives|blades?|razor|razors|rope|noose|gun|shotgun|pistol|rifle|lighter)\b`)

// useMeansCheck: "I have a knife and I'm going to use it tonight" counts
// where the sentence names a means; "use it" alone is anything.
func useMeansCheck(c *matchCtx, w float64) float64 {
	if !harmMeansRe.MatchString(c.sentence) {
		return 0
	}
	if urgentTimeRe.MatchString(c.sentence) || strings.HasPrefix(c.after, " on myself") {
		return 0.7
	}
	return w
}

// bulkPillsCheck: a stock of pills with alcohol is an overdose plan; "my
// meds with wine" is a question about interactions.
func bulkPillsCheck(c *matchCtx, w float64) float64 {
	if allPillsBulkRe.MatchString(c.phrase) || strings.Contains(c.phrase, "all") {
		return 0.6
	}
	return w
}

var shaveAfterRe = regexp.MustCompile(`^ (?:to shave|and shave|for shaving|to do my legs)\b`)

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
