package safety

import (
	"regexp"
	"strings"
)

// Plans and immediacy: a day or a time set, a decision made, readiness,
// and fear of one's own actions. A time named ("tonight", "on Friday")
// is what turns a wish into a plan on the Columbia scale.

// resolvePatterns returns the patterns for resolve: no point anymore, going to do it, a journey to the edge.
func resolvePatterns() []*pattern {
	return []*pattern{
		{name: "no point anymore", weight: 0.35, subject: true, hyperbole: true,
			re: re(`\b(?:there is )?no point (?:anymore|in anything|in anything anymore|to anything|in trying anymore|in me)\b|\bwhat is (?:even )?the point anymore\b`)},
		{name: "going to do it", weight: 0.45, subject: true, hyperbole: true,
			re:    re(`\b(?:going to|gonna|will|ready to|planning to|about to|finally going to|decided to|tonight i will|tonight i am going to|want to|need to) {A}(?:do it|go through with it|make it happen|act on it)\b`),
			check: endClauseOr(0.55, re(`^ (?:tonight|today|soon|this (?:weekend|week|time)|tomorrow|right now|now|properly|for real|after|when|once|before)\b`))},
		{name: "travelled to the edge", weight: 0.45, subject: true, kind: kPrep,
			re:       re(`\b(?:drove|driven|walked|went|came|climbed|got the bus|took the bus|took a taxi) (?:up |out |down )?to (?:the|a|that) (?:bridge|cliff|cliffs|train tracks|tracks|railway|railway line|roof|rooftop|ledge|car park roof|top of (?:the|a) (?:building|car park|multi ?stor(?:e)?y))\b`),
			notAfter: re(scenicAfter + `|^ (?:to (?:see|watch|take|meet|look|walk|photograph)|with)\b`),
			check:    edgeCheck},
	}
}

// timeBoundPatterns returns the patterns for finality with a time: dead by tomorrow, tonight is the night, a plan made.
func timeBoundPatterns() []*pattern {
	return []*pattern{
		{name: "dead by", weight: 0.85, subject: true, absence: true,
			re: re(`\b(?:will|going to|gonna|should) {A}be (?:dead|gone|in the ground|six feet under)(?: \w+)? (?:by|before) (?:tomorrow|the morning|morning|tonight|christmas|new year|the weekend|the end of (?:the|this) (?:day|week|month|year)|next week|next month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|my birthday|then|the time)\b`)},
		{name: "by the time you read this", weight: 0.75,
			re: re(`\bby the time (?:you|anyone|someone|somebody|people|you all|they) (?:read|reads|see|sees|find|finds) this\b`)},
		{name: "not be around", weight: 0.7, subject: true, absence: true,
			re: re(`\b(?:will not|not going to|may not|might not|probably will not|will no longer|no longer going to) {A}(?:be (?:here|around|alive|in this world|on this earth|breathing)|exist)(?: \w+)? (?:much longer|for (?:much|very) long|for long|next week|tomorrow|by (?:tomorrow|the weekend|next week|monday|friday|christmas)|after (?:tonight|today|this week|this weekend)|anymore|to see)\b`)},
		{name: "not make it through", weight: 0.7, subject: true, hyperbole: true,
			re: re(`\b(?:not going to|will not|do not think i will|do not think i am going to|can not|might not|may not) {A}(?:make it|survive|last|get) (?:through )?(?:tonight|the night|this night|the weekend|the week|until (?:morning|tomorrow|the morning)|to (?:morning|tomorrow|the morning|the weekend))\b`)},
		{name: "tonight is the night", weight: 0.6,
			re:    re(`\b(?:tonight|today|this|now) is (?:the|my) (?:night|day|time)\b`),
			check: tonightCheck},
		{name: "last night alive", weight: 0.55, subject: true,
			re: re(`\b(?:my|this is my|it is my) (?:last|final) (?:night|day|week|weekend|hours?|breath|sunset|sunrise|christmas|birthday)\b`), check: lastNightCheck},
		{name: "do it tonight", weight: 0.45, subject: true, hyperbole: true,
			re: re(`\b(?:going to|gonna|will|ready to|planning to|about to|finally going to|decided to|tonight i will|tonight i am going to) {A}do it (?:tonight|today|soon|this (?:weekend|week)|tomorrow|right now|now|properly|for real|this time)\b|\bfinally do it\b`)},
		{name: "something stupid", weight: 0.5, subject: true,
			re:    re(`\b(?:going to|might|scared i will|afraid i will|worried i will|about to|could|gonna|scared i might|afraid i might) {A}do something {A}(?:stupid|drastic|permanent|i can not take back|i will regret|dangerous|to myself)\b`),
			check: objectWeight(0.5, objWeight{"to myself", 0.6})},
		{name: "no way out", weight: 0.4, subject: true,
			re: re(`\b(?:(?:can not|could not|do not) see (?:a|any) way out|there is no way out|see no way out|no way out (?:of this|for me))\b`)},
		{name: "have a plan", weight: 0.5,
			re: re(`\bi {A}(?:have|have got|got|made|came up with|have made|have come up with|finally have|already have|have worked out|now have) (?:a|my|the) plan\b`), check: planCheck},
		{name: "decision made", weight: 0.35,
			re: re(`\b(?:made up my mind|my mind is made up|made my decision|made the decision|decision is made|i have decided|i decided|at peace with (?:my|the|this) (?:decision|choice)|made my peace|my decision is final|there is no going back)\b`)},
	}
}

// lossOfControlPatterns returns the patterns for fear of one's own actions.
func lossOfControlPatterns() []*pattern {
	return []*pattern{
		{name: "scared of what I might do", weight: 0.6, subject: true,
			re:       re(`\b(?:scared|afraid|frightened|terrified|worried) (?:of|about) what i (?:might|will|could|am going to) do(?: to myself)?\b|\b(?:scared|afraid|frightened|terrified) of myself\b|\b(?:do not|can not|could not) trust myself (?:tonight|right now|to (?:stay|be|keep myself) safe|alone|anymore|around (?:my|the) (?:pills|meds|knives|razor|tablets))\b|\b(?:i am not|i do not feel|i am no longer|i no longer feel|not feeling) safe(?: with myself| from myself| tonight| right now| anymore| alone)?\b`),
			notAfter: re(`^ (?:at|in|with (?:him|her|them|my)|around (?:him|her|them|my)|walking|going|driving|to (?:go|drive|walk))\b`),
			check:    objectWeight(0.6, objWeight{"of myself", 0.5}, objWeight{"trust myself", 0.55}, objWeight{"safe", 0.55})},
		{name: "act on the thoughts", weight: 0.45, subject: true,
			re: re(`\b(?:scared|afraid|worried|terrified) (?:that )?i (?:will|might|am going to|could) act on (?:them|it|these thoughts|the thoughts|my thoughts|the urges|these urges)\b`)},
	}
}

// intentWithTimePatterns returns the patterns for intent with a day or time.
func intentWithTimePatterns() []*pattern {
	return []*pattern{
		{name: "that is when I do it", weight: 0.7, check: thatIsWhenCheck,
			re: reX(`\b(?:tonight|today|tomorrow|this weekend|{DAY}|that|then|this week) is (?:when|the (?:day|night) when) i {A}(?:am going to |will |am gonna |plan to |want to |need to )?{A}(?:do it|end it|end things|go through with it|kill myself|die|go|take them|jump)\b`)},
		{name: "do it on a day", weight: 0.6, subject: true, check: deathTalkOr(0.4),
			re: reX(`\b(?:my plan is to|the plan is to|i am going to|going to|gonna|i will|planning to|plan to|decided to|ready to) {A}(?:do it|go through with it|end it|end things) {WHEN}\b`)},
		{name: "a day is the day", weight: 0.4, endClause: true,
			re: reX(`\b(?:{DAY}|tomorrow|this weekend|my birthday) is (?:the|my) (?:day|night)\b`)},
		{name: "chosen a day", weight: 0.55, subject: true, kind: kPrep,
			re: reX(`\b(?:picked|chosen|chose|decided on|set) (?:{DAY}|a {DAY}|next {DAY}|my birthday|the \d+(?:st|nd|rd|th)?|the weekend)\b`), check: deathTalkOr(0.4)},
		{name: "this is my last", weight: 0.55, subject: true, endClause: true, absence: true,
			re: reX(`\b(?:tonight|today|tomorrow|this (?:weekend|week|christmas|birthday|summer|night|day)|{DAY}) (?:is|will be) (?:my|the) (?:last|final)(?: (?:one|day|night|weekend))?\b`)},
	}
}

// decidedPlanPatterns returns the patterns for a decision made, affairs in order, a method known, a place chosen.
func decidedPlanPatterns() []*pattern {
	return []*pattern{
		{name: "decision in other words", weight: 0.35, subject: true,
			re: reX(`\b(?:made (?:my|the|a) (?:choice|final decision)|my choice is made|i have chosen|made (?:my )?peace with (?:it|everything|dying|death|my (?:decision|choice)|leaving|going))\b`)},
		{name: "affairs in order", weight: 0.4, subject: true, kind: kPrep,
			re: reX(`\b(?:put|putting|set|setting|get|getting|got|have|had|sorting|sorted|sort) (?:all )?my affairs in order\b|\bmy affairs (?:are|is) in order\b|\b(?:wrote|written|writing|updated|updating|made|making|finished|sorted|sorting|finali[sz]ed|finali[sz]ing) (?:out )?my will\b|\bmy (?:will|life insurance|affairs|life insurance policy) (?:is|are) (?:all )?(?:sorted|in order|done|ready|written|up to date|taken care of)\b|\b(?:checked|checking|sorted|sorting) (?:out )?my life insurance\b`)},
		{name: "know what it is for", weight: 0.45, kind: kPrep,
			re: reX(`\bknow (?:exactly )?what (?:i am (?:going to )?(?:use|using) (?:it|them|this|that) for|(?:it|they|this|that) (?:is|are) for|i am going to do with (?:it|them))\b`)},
		{name: "know how I will do it", weight: 0.5, subject: true,
			re:    reX(`\bknow (?:exactly |just )?(?:how|when|where) i (?:am going to|will|would|am gonna|could|can|want to|plan to) {A}(?:do it|die|end it|kill myself|go through with it)\b`),
			check: knowHowCheck},
		{name: "ways to do it", weight: 0.5, subject: true, endClause: true,
			re: reX(`\b(?:thinking|think|thought|researching|looking up|looked up|googling|googled|reading about|planning|figuring out|worked out) (?:of |about |up |out )?(?:ways|methods|how) to do it\b`)},
		{name: "this time I will make sure", weight: 0.8,
			re: reX(`\b(?:this time|next time) i (?:will|am going to|am gonna|would|have to|need to) {A}make sure (?:it works|i do it right|i do not (?:wake up|survive|fail|mess it up)|i die|it is done properly|it is (?:final|permanent)|nobody finds me|no one finds me)\b|\bmake sure (?:i do not wake up|i do not survive|it works this time|it is done right this time|nobody finds me in time|no one finds me in time)\b`)},
		{name: "nobody will find me in time", weight: 0.6, hyperbole: true,
			re: reX(`\b(?:nobody|no one|no body) (?:will|would|is going to|can) find me (?:until|till|in time|before|for (?:days|weeks|a while))\b`)},
		{name: "planning, bare", weight: 0.5, subject: true, kind: kPrep, endClause: true,
			re: reX(`\b(?:started|been|am|begun|began|have been|i am) (?:planning|making plans|preparing)\b`), check: deathTalkCheck},
		{name: "not coming back", weight: 0.4, subject: true, absence: true,
			re:       reX(`\b(?:i am|i will|i will be) (?:not|never) (?:coming back|come back|be coming back)\b`),
			notAfter: re(`^ (?:to|for|until|till|after|here|there|in|on)\b`), check: endClauseOr(0.55, re(`^ (?:this time|ever|from (?:this|here|tonight|there))\b`))},
		{name: "at the edge of", weight: 0.6, subject: true, kind: kPrep,
			re:       reX(`\b(?:standing|stood|sitting|sat|am|waiting|leaning|right|perched) (?:right )?(?:on|at|by|near) the (?:very )?edge of (?:the|a|this|my) (?:platform|roof|rooftop|bridge|cliff|building|balcony|car park|tracks|railway)\b`),
			notAfter: re(scenicAfter),
			check:    edgeCheck},
		{name: "going to the edge", weight: 0.45, subject: true, kind: kPrep,
			re:       reX(`\b(?:going|heading|walking|driving|on my way|off|getting the bus|taking the train|cycling) (?:out |up |down |back )?to (?:the|a|that) (?:bridge|cliff|cliffs|train tracks|tracks|railway(?: line)?|roof(?:top)?|top of (?:the|a|my) (?:building|car park|multi ?stor(?:e)?y))\b`),
			notAfter: re(scenicAfter + `|^ (?:to (?:see|watch|take|meet|look|walk|photograph|fix|clean|check)|with|for|in (?:the|a)|party)\b`),
			check:    edgeCheck},
	}
}

// readinessPatterns returns the patterns for readiness: the last time, the only thing stopping me, not scared.
func readinessPatterns() []*pattern {
	return []*pattern{
		{name: "want this to be the last time", weight: 0.6, subject: true, endClause: true,
			re: reX(`\b(?:want|hope|wish|pray|praying|hoping) (?:that )?(?:this|today|tonight|it) (?:to be|is|will be|would be) (?:the|my) (?:last|final) (?:time|day|night|morning)\b`)},
		{name: "can not be here anymore", weight: 0.5, subject: true, hyperbole: true,
			re:       reX(`\b(?:can not|could not) {A}(?:be here|exist|be alive|stay alive) (?:anymore|any longer|much longer)\b`),
			notAfter: re(`^ (?:in|at|with|for|because of (?:the|my|this) (?:job|noise|flat|house))\b`),
			check:    placeCheck},
		{name: "only thing stopping me", weight: 0.6, subject: true,
			re:    reX(`\b(?:the )?only (?:thing|things|reason|person|one|people) (?:that is |that are |that has been |that have been )?(?:stopping|keeping|holding) me(?: (?:back|alive|here|going))?\b`),
			check: onlyThingCheck},
		{name: "finish what I started", weight: 0.55, subject: true, kind: kNow,
			re:       reX(`\b(?:going to|gonna|will|want to|need to|have to|ready to|about to|tonight i|today i) {A}(?:finish|complete|end) what i (?:started|began|tried)(?: (?:last|that) (?:year|month|week|time|night)| (?:\w+ )?(?:years?|months?|weeks?) ago| before)?\b`),
			notAfter: re(`^ (?:on|with|in|at|for|by|before (?:the|my)|about|to)\b`),
			check:    finishCheck},
		{name: "not scared of dying", weight: 0.45, subject: true,
			re: reX(`\b(?:not|no longer|never) (?:scared|afraid|frightened|terrified) (?:of|about) (?:dying|death|it)(?: anymore)?\b`)},
		{name: "i am ready", weight: 0.35, hyperbole: true, endClause: true,
			re: reX(`\bi am {A}ready(?: now| to go now)?\s*$`)},
	}
}

// notComingDownPatterns returns the patterns for not coming down from a height.
func notComingDownPatterns() []*pattern {
	return []*pattern{
		{name: "not coming down", weight: 0.6, subject: true, ownNegation: true,
			re:    reX(`\b(?:am not|will not|am never|will never|not) (?:be )?(?:coming|climbing|getting|going|walking) (?:back )?down\b`),
			check: heightSentenceCheck},
	}
}

// unsafePatterns returns the patterns for unable to keep oneself safe.
func unsafePatterns() []*pattern {
	return []*pattern{
		{name: "can not keep myself safe", weight: 0.7, subject: true, ownNegation: true,
			re: reX(`\b(?:can not|could not|can no longer|do not know (?:how|if i can) (?:to )?|not sure i can|unable to|will not be able to) {A}keep myself safe\b`)},
	}
}

var tonightActRe = re(`^ (?:that |when )?i {A}(?:do it|end it|end things|go through with it|kill myself|die|act on it|say goodbye|take them|take the pills|use the rope)\b`)

var sentenceEndRe = regexp.MustCompile(`^\s*(?:[.?]|$)`)

// tonightCheck: "Tonight is the night I do it" and a flat "...tonight is
// the night." count; "Tonight's the night, finally seeing my band!" is
// excitement.
func tonightCheck(c *matchCtx, w float64) float64 {
	switch {
	case tonightActRe.MatchString(c.after):
		return 0.7
	case sentenceEndRe.MatchString(c.after):
		return 0.5
	}
	return 0.3
}

var planPurposeRe = re(`^ (?:and (?:a|the) (?:date|time|method|means)|to (?:die|kill myself|end it|end my life|do it|take my (?:own )?life|overdose|jump|hang myself|end things)|for (?:tonight|it|how|when|my death|my suicide|ending it|ending my life|killing myself)|this time|ready)\b`)

// planCheck: "I have a plan." and "a plan to end it" count, "a plan for the
// holidays" does not.
func planCheck(c *matchCtx, w float64) float64 {
	switch {
	case planPurposeRe.MatchString(c.after):
		return 0.85
	case endOfClauseRe.MatchString(c.after):
		return w
	}
	return 0
}

var lastDayOrdinaryLeft = regexp.MustCompile(`\b(?:on|for|during|before|after|until|till|since|by) $`)

var lastDayOrdinaryRe = regexp.MustCompile(`\b(?:work|job|office|coworkers?|colleagues?|boss|school|term|semester|uni|college|holiday|vacation|trip|contract|shift|placement|internship|leaving do|retire\w*)\b`)

var lastAliveRe = regexp.MustCompile(`^ (?:alive|on earth|on this earth|in this world|of my life)\b`)

// lastNightCheck: "It's my last night." or "my last day alive" but not "my
// last day at work".
func lastNightCheck(c *matchCtx, w float64) float64 {
	if lastDayOrdinaryLeft.MatchString(c.left) || lastDayOrdinaryRe.MatchString(c.sentence) {
		// "on my last day", "my last day at the office"
		return 0
	}
	switch {
	case lastAliveRe.MatchString(c.after):
		return 0.8
	case endOfClauseRe.MatchString(c.after):
		return w
	}
	return 0
}

// deathTalkCheck keeps a vague phrase only in a post that talks of dying.
func deathTalkCheck(c *matchCtx, w float64) float64 {
	if !deathTalkRe.MatchString(c.t.text) {
		return 0
	}
	return w
}

// knowHowCheck: "I know how I'm going to do it" is a plan in a post about
// dying and a figure of speech elsewhere.
func knowHowCheck(c *matchCtx, w float64) float64 {
	switch {
	case strings.HasSuffix(c.phrase, " die") || strings.HasSuffix(c.phrase, "kill myself"):
		return 0.75
	case strings.HasSuffix(c.phrase, "end it"):
		return 0.7
	case deathTalkRe.MatchString(c.t.text):
		return w
	}
	return 0.35
}

// finishCheck: "finish what I started" means an attempt in a post about
// dying or with a time set for it.
func finishCheck(c *matchCtx, w float64) float64 {
	if deathTalkRe.MatchString(c.t.text) || urgentTimeRe.MatchString(c.sentence) {
		return w
	}
	return 0.45
}

// placeRe finds a place someone may simply want to leave.
var placeRe = regexp.MustCompile(`\b(?:office|job|work|school|uni|university|college|class|house|flat|town|city|country|place|party|room|meeting|relationship|marriage|group|team|company)\b`)

// placeCheck: "I can't be here anymore" is about a place when the sentence
// names one.
func placeCheck(c *matchCtx, w float64) float64 {
	if placeRe.MatchString(c.sentence) {
		return 0.25
	}
	return w
}

var thatIsWhenRe = regexp.MustCompile(`^(?:that|then) `)

// What may follow "... is when I go" or "... jump" when it means dying.
var whenGoDeathRe = regexp.MustCompile(`^ (?:for good|forever|for ever|away for good|to sleep (?:forever|for good)|to (?:the|a) (?:bridge|tracks|railway|cliffs?|roof|rooftop|river|sea|lake))\b`)

var whenJumpDeathRe = regexp.MustCompile(`^ (?:off|from|in front of|under|out of)\b`)

var whenDieIdiomRe = regexp.MustCompile(`^ (?:a little|a bit|inside|laughing|of)\b`)

// thatIsWhenCheck: "that's when I'm going to do it" is vague without talk of
// dying; a named time is not. When the verb carries on into an errand, a
// date or a relationship ("Friday is when I go to the gym", "tonight is
// when I take them to the cinema", "tomorrow is when I jump into the new
// job", "tonight is when I end things with him") it is a plan for the
// week, not for dying.
func thatIsWhenCheck(c *matchCtx, w float64) float64 {
	if thatIsWhenRe.MatchString(c.phrase) && strings.HasSuffix(c.phrase, "do it") && !deathTalkRe.MatchString(c.t.text) {
		return 0.45
	}
	rest := c.rest
	if strings.TrimSpace(rest) == "" {
		return w
	}
	switch {
	case strings.HasSuffix(c.phrase, " go"):
		if !whenGoDeathRe.MatchString(rest) {
			return 0
		}
	case strings.HasSuffix(c.phrase, " take them"):
		return pillsMentioned(c, w)
	case strings.HasSuffix(c.phrase, " jump"):
		if !whenJumpDeathRe.MatchString(rest) {
			return 0
		}
	case strings.HasSuffix(c.phrase, " end things"), strings.HasSuffix(c.phrase, " end it"):
		if strings.HasPrefix(rest, " with ") {
			return 0
		}
	case strings.HasSuffix(c.phrase, " die"):
		if whenDieIdiomRe.MatchString(rest) {
			return 0
		}
	}
	return w
}

var onlyThingFromRe = regexp.MustCompile(`^ from (?:doing it|killing myself|ending it|ending my life|it|going through with it|acting on (?:it|them)|jumping|taking them|dying|suicide)\b`)

// onlyThingCheck: "the only thing stopping me is my cat" counts; "the only
// thing stopping me from quitting is money" does not; "keeping me going" is
// a protective factor and needs company.
func onlyThingCheck(c *matchCtx, w float64) float64 {
	switch {
	case strings.HasPrefix(c.after, " from "):
		if onlyThingFromRe.MatchString(c.after) {
			return 0.75
		}
		return 0
	case strings.HasSuffix(c.phrase, "going"), strings.HasSuffix(c.phrase, "back"):
		return 0.3
	case strings.HasSuffix(c.phrase, "alive"), strings.HasSuffix(c.phrase, "here"):
		return 0.55
	}
	return w
}

var heightNearRe = regexp.MustCompile(`\b(?:bridge|roof|rooftop|cliff|balcony|ledge|tower|building|car park|multi ?stor(?:e)?y|top floor|top of|overpass)\b`)

// heightSentenceCheck: "I'm not coming down" counts on a height.
func heightSentenceCheck(c *matchCtx, w float64) float64 {
	if heightNearRe.MatchString(c.sentence) {
		return w
	}
	return 0
}
