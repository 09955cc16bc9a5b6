package safety

import (
	"regexp"
	"strings"
)

// This file holds the pattern families added after probe F (see
// testdata/README.md). Each family covers a way of saying something rather
// than one sentence: a vocabulary class (times, means, body parts, the
// euphemisms for dying) crossed with the frames people use for intent,
// preparation and goodbyes. buildPatterns appends them to the main table.

// moreFragments are substituted before the shared fragments of patterns.go.
var moreFragments = strings.NewReplacer(
	// {DAY}: a day someone may name for an act.
	"{DAY}", `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`,
	// {WHEN}: a time reference after an act ("do it on friday").
	"{WHEN}", `(?:tonight|today|tomorrow(?: night)?|soon|this (?:weekend|week|time|evening|afternoon|morning|friday|saturday|sunday|monday|tuesday|wednesday|thursday)|next (?:week|weekend|month)|on (?:{DAY}|my birthday|(?:the )?\d+(?:st|nd|rd|th)?)|{DAY}(?: night)?|at midnight|after (?:work|school|everyone (?:goes|has gone) to (?:bed|sleep)|they (?:go|leave))|when (?:everyone|they|my \w+) (?:is|are|goes|go) (?:asleep|to (?:bed|sleep)|out))`,
	// {MEANS}: objects people hold or gather to end their life or harm
	// themselves.
	"{MEANS}", `(?:{PILLS}|knife|knives|blade|blades|razor|razors|razor blades?|rope|noose|gun|shotgun|pistol|rifle|lighter|scissors|belt)`,
	// {BOOZE}: alcohol that turns pills into an overdose.
	"{BOOZE}", `(?:vodka|whisky|whiskey|wine|alcohol|gin|rum|booze|tequila|spirits)`,
	// {BODY}: where self-harm is done.
	"{BODY}", `(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|ankle|ankles|chest|shoulder|shoulders|forearm|forearms|upper arm|calves|calf)`,
	// {DEATHWAY}: what "a way to ..." means when it means dying.
	"{DEATHWAY}", `(?:die|end it|end things|end it all|end my life|kill myself|do it)`,
)

func reX(src string) *regexp.Regexp { return re(moreFragments.Replace(moreFragments.Replace(src))) }

var (
	// deathTalkRe finds talk of dying or suicide anywhere in a post; it
	// gives meaning to bare words like "I've started planning".
	deathTalkRe = regexp.MustCompile(`\b(?:die|dying|death|dead|suicid\w*|kill myself|killing myself|end it|ending it|end my life|ending my life|overdose|not be here|not being here|not exist\w*|way out|goodbye)\b`)

	// leisureRe finds a leisurely reason to jump into water.
	leisureRe = regexp.MustCompile(`\b(?:swim|swimming|dip|kayak\w*|canoe\w*|paddle\w*|lesson|boat|fishing|charity|fun|race|challenge|splash|cool off|cool down|wetsuit|plunge|festival|holiday|vacation|beach|pool|party|dare|kids|friends|team|summer)\b`)

	// sportJumpRe finds jumps people make for sport or fun.
	sportJumpRe = regexp.MustCompile(`\b(?:diving board|high dive|high board|trampoline|bungee|parachute|skydiv\w*|zip ?line|swimming pool|ski jump|puddle|hurdles?|long jump|high jump)\b`)

	// ropeLeisureRe finds the ordinary uses of a rope in the same sentence.
	ropeLeisureRe = regexp.MustCompile(`\b(?:swing|swings|hammock|tent|boat|climbing|camping|washing line|clothes line|tarp|tyre|tire|sailing|kayak|trailer|gym|skipping|tug of war|horse|dog)\b`)

	// nearMissLeft: "nearly relapsed", "almost cut" are not acts.
	nearMissLeft = regexp.MustCompile(`\b(?:nearly|almost|did not|do not|never|not)(?: \w+)? $`)
)

// ropeLeisureCheck: a rope tied to a tree for a swing is not a ligature.
func ropeLeisureCheck(c *matchCtx, w float64) float64 {
	if ropeLeisureRe.MatchString(c.sentence) {
		return 0
	}
	return w
}

var replacedRe = regexp.MustCompile(`\b(?:old|spare|extra|outgrown|upgrad\w+|new one|a new|replacement|moving|declutter\w*|broken)\b`)

// replacedCheck: "I won't need it anymore" is finality, unless the thing is
// old or replaced.
func replacedCheck(c *matchCtx, w float64) float64 {
	if replacedRe.MatchString(c.sentence) {
		return 0.3
	}
	return w
}

// deathTalkCheck keeps a vague phrase only in a post that talks of dying.
func deathTalkCheck(c *matchCtx, w float64) float64 {
	if !deathTalkRe.MatchString(c.t.text) {
		return 0
	}
	return w
}

// harmTalkCheck keeps "relapsed" only in a sentence about self-harm, and
// not when the author only nearly did.
func harmTalkCheck(c *matchCtx, w float64) float64 {
	if !harmWordsRe.MatchString(c.sentence) && !strings.Contains(c.sentence, "razor") && !strings.Contains(c.sentence, "blade") {
		return 0
	}
	if nearMissLeft.MatchString(c.left) {
		return 0.2
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

// vagueActCheck: planning how to "do it" is a plan, but merely knowing how
// one will "do it" means dying only in a post that talks of dying.
func vagueActCheck(c *matchCtx, w float64) float64 {
	if strings.HasPrefix(c.phrase, "know") && (strings.HasSuffix(c.phrase, " do it") || strings.HasSuffix(c.phrase, " go")) && !deathTalkRe.MatchString(c.t.text) {
		return 0.35
	}
	return w
}

// awayAfterRe: "when I'm gone for the weekend" is a trip.
var awayAfterRe = regexp.MustCompile(`^ (?:for|on|to|away|abroad|over|during|next|this|at|in|from|until|till|overnight|travelling|traveling|camping)\b`)

var (
	urgentMeansRe = regexp.MustCompile(`\b(?:right now|now|tonight|in my hand|in my hands|in front of me|on my (?:desk|bed|lap)|next to me|beside me|right there|ready|all night|for hours|for an hour|all evening|all day)\b`)
	strongMeansRe = re(`\b(?:{PILLS}|blades?|razor blades?|rope|noose|gun|shotgun|pistol|rifle)\b`)
)

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

var soonLeftRe = regexp.MustCompile(`\b(?:soon|shortly|before long|after tonight)\b`)

var soonRe = regexp.MustCompile(`^ (?:much longer|for (?:much |very )?long|soon|anymore|after (?:tonight|today|this week|this weekend)|for good)\b`)

// notBurdenCheck: "they won't have to deal with me much longer" is
// finality; "I won't be a burden, I got a job" is not.
func notBurdenCheck(c *matchCtx, w float64) float64 {
	if soonRe.MatchString(c.after) || soonLeftRe.MatchString(c.left) {
		return 0.7
	}
	return w
}

// extraPatterns returns the pattern families added after probe F.
func extraPatterns() []*pattern {
	return []*pattern{
		// Intent with a time.
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

		// Wishes in other words.
		{name: "wish to be gone", weight: 0.8, subject: true, hyperbole: true,
			re:    reX(`\bwant(?:ed|ing)? to {A}(?:be gone|stop waking up|stay asleep(?: forever)?|(?:fall asleep|go to sleep|sleep) and (?:stay asleep|never come back|not come back)|disappear and never come back|not be (?:alive|here|around) (?:anymore|tomorrow)|go to heaven|be with (?:god|jesus)|rest in peace|not feel anything ever again|go to sleep and not come back|leave this (?:world|earth|life)|disappear (?:and|then) (?:never|not) (?:come back|be (?:a problem|a burden|seen|found)|bother))\b`),
			check: beGoneCheck},
		{name: "no plan to wake up", weight: 0.7, subject: true,
			re:       reX(`\b(?:do not|not|no) (?:plan|planning|intend|intending|plans|intention) (?:on|to|of) {A}(?:waking up|wake up|being (?:here|alive|around)|be (?:here|alive|around)|surviving|survive|seeing (?:tomorrow|another day|the (?:morning|weekend|new year)|next (?:week|year)))\b`),
			notAfter: re(wakeAfter + `|^ (?:at|in|for|when|next|with|on|them|him|her|you|people|my|the|those|these|anyone|others|everyone)\b`)},
		{name: "make it stop for good", weight: 0.6, subject: true, hyperbole: true,
			re: reX(`\bmake (?:it|this|everything|the pain|it all|all of it|the thoughts|the voices) (?:all )?stop (?:for good|forever|permanently|once and for all)\b`)},
		{name: "death comforts me", weight: 0.6, subject: true, hyperbole: true,
			re: reX(`\b(?:death|dying|being dead|suicide|not existing|the thought of (?:death|dying|not being here|not existing|ending it|killing myself|suicide|it)) (?:is|would be|sounds|seems|feels|looks) (?:so |really |very |more and more |quite |kind of |sort of |like )?(?:peaceful|nice|appealing|comforting|tempting|inviting|like (?:a )?relief|like (?:a )?release|like (?:an|the) (?:escape|answer)|calming|the only (?:comfort|thing that (?:comforts|calms|helps) me))\b`)},
		{name: "death soothes me", weight: 0.6, subject: true, hyperbole: true,
			re: reX(`\b(?:death|dying|the thought of (?:death|dying|it|ending it|not existing)|suicide) (?:is )?(?:the only thing that )?(?:comforts|calms|soothes) me\b`)},
		{name: "a quiet way to go", weight: 0.6, subject: true,
			re: reX(`\b(?:would be|is|seems|sounds like|feels like|be) (?:a|the) {A}(?:quiet|peaceful|painless|gentle|calm|quick|easy|easiest|quickest|best|good) (?:way|place) to {DEATHWAY}\b|\b(?:would be|is|seems|sounds like|be) (?:a|the) {A}(?:quiet|peaceful|painless|gentle|calm) (?:way|place) to go\b|\b(?:painless|peaceful|quiet|gentle|least painful|most painless) (?:ways?|methods?) to go\b`)},
		{name: "why keep living", weight: 0.55, subject: true,
			re:       reX(`\bwhy (?:should|would|do|must) i {A}(?:keep living|stay alive|go on|carry on|be alive|still be here|bother living|bother staying alive|bother waking up|live|exist|keep fighting|keep existing)\b`),
			notAfter: re(liveAfter + `|^ (?:living |existing |going )?(?:in|at|with|here (?:in|at|with)|there|near|for (?:the|my|a|this) (?:job|company|house|city|course)|on (?:holiday|the|a|my)|holiday|to|abroad|alone)\b`)},
		{name: "not meant to be alive", weight: 0.6, subject: true,
			re: reX(`\b(?:not|never) (?:meant|supposed) to (?:be alive|exist|live|be here|have been born|survive|have survived)\b|\bshould not have survived\b`)},
		{name: "it is over for me", weight: 0.4, subject: true, hyperbole: true,
			re: reX(`\b(?:it is|it is all|everything is) (?:over|finished) for me\b`)},

		// Hopelessness: needs company.
		{name: "never get better", weight: 0.4, subject: true, hyperbole: true,
			re:    reX(`\b(?:nothing|it|things|life|my life) (?:is|are|will) (?:ever |never |not ever |not |never ever )?(?:going to )?(?:get|be|getting) (?:any )?better\b|\bno (?:future|hope) (?:for me|left|anymore)\b|\b(?:can not|do not|could not) see (?:a|any) (?:future|way forward|light|hope|end to this)(?: for me| for myself| anymore)?\b|\b(?:my life|life|living|existing) (?:has|holds) no (?:meaning|point|purpose|value)\b`),
			check: negativeFutureCheck},
		{name: "can not survive another night", weight: 0.55, subject: true, hyperbole: true,
			re:       reX(`\b(?:do not think|not sure|doubt|do not know if|do not know whether) (?:that )?i (?:can|will|could|am going to|would) {A}(?:survive|last|make it through|get through|face|do) (?:another|one more) (?:night|day|week)\b|\b(?:can not|could not) {A}(?:survive|last|face|get through|do) (?:another|one more) (?:night|day)(?: like this)?\b`),
			notAfter: re(`^ (?:of|at|in|with) (?:this|that|the|my) (?:job|class|course|school|work|office|commute|shift|heat|weather|place)\b`)},
		{name: "see myself making it to", weight: 0.65, subject: true,
			re: reX(`\b(?:do not|can not|could not) (?:see|picture|imagine) myself (?:making it|surviving|lasting|being (?:alive|here|around)|living|still (?:alive|here)) (?:to|through|until|till|past|beyond) (?:christmas|new year|my birthday|the (?:weekend|summer|winter|spring|autumn|morning|end of (?:the|this) (?:year|month|week))|next (?:week|month|year)|tomorrow|{DAY}|\d+)\b`)},

		// Burden and finality.
		{name: "better off than with me", weight: 0.75,
			re: reX(`\bbetter off (?:\w+ ){0,6}?than (?:with )?me\b|\bbetter off with (?:the |my )?(?:life )?insurance(?: money| payout)?\b`)},
		{name: "deserve better than me", weight: 0.35,
			re: reX(`\b(?:deserve|deserves) (?:so much |much |far )?(?:better|more|someone better) than me\b|\b(?:would|will) (?:all )?(?:be|honestly be|really be) better off\s*$`)},
		{name: "stop being a burden", weight: 0.5,
			re: reX(`\b(?:time (?:for me )?to|time i|going to|i will|about to|need to|have to|want to) (?:stop|stopped) being (?:a burden|one|a problem|a weight|in (?:the|everyone's|everybody's|their|your) way)\b`)},
		{name: "not a problem for long", weight: 0.35, ownNegation: true,
			re:    reX(`\b(?:will not|not going to|will no longer|no longer going to|will not have to|will never have to) (?:have to )?(?:be (?:a burden|a problem|a weight|in (?:\w+ )?way)|(?:deal|put up) with me|worry about me|look after me|carry me|see me)(?: (?:to|for|on) (?:anyone|anybody|everyone|you|them|you all))?\b`),
			check: notBurdenCheck},
		{name: "world does not need me", weight: 0.4,
			re: reX(`\b(?:the world|nobody|no one|everyone|my family|they|people) (?:does not|do not|would not|will not|will never|never) (?:need|want) me(?: (?:here|around|anymore|alive))?\b`)},
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

		// Goodbyes and notes.
		{name: "after I am gone, addressed", weight: 0.7, ownNegation: true, notAfter: awayAfterRe,
			re: reX(`\b(?:please|do not|never|remember|tell|look after|take care of|forgive me|be kind|be happy|move on|live|try|keep|promise) (?:\w+ ){0,6}?(?:when|after|once) i am (?:gone|dead|not here|not around)\b`)},
		{name: "provided for when I am gone", weight: 0.7, kind: kPrep, notAfter: awayAfterRe,
			re: reX(`\b(?:looked after|taken care of|cared for|provided for|fed|walked|okay|ok|alright|fine|sorted|settled|safe) (?:\w+ ){0,2}?(?:when|after|once) i am (?:gone|dead|not here|not around)\b`)},
		{name: "note placed", weight: 0.6, subject: true, kind: kPrep,
			re:       reX(`\b(?:wrote|written|writing|finished|left|leaving|drafted|put|placed|leave) (?:my|the|a) (?:note|letter)(?: \w+){0,6}? (?:on|under) (?:the|my|his|her|their) (?:kitchen |dining )?(?:table|bed|pillow|desk|counter|door|windscreen|dashboard)\b`),
			notAfter: re(`^ (?:for|to|asking|telling|saying|about|reminding)\b`)},
		{name: "note written", weight: 0.5, subject: true, kind: kPrep, endClause: true,
			re: reX(`\b(?:wrote|written|finished|drafted) my (?:note|last letter|final letter|letters)\b`)},
		{name: "if you are reading this", weight: 0.75,
			re: reX(`\b(?:if|when|whoever) (?:you|anyone|someone|somebody) (?:is |are )?(?:reading|finds|find|reads|read|finding) this,? (?:i am (?:sorry|gone|dead|not here|already gone)|it is (?:too late|over)|i did it|i have done it|goodbye|i love you|i could not (?:do it|hold on|take it) anymore|please (?:forgive|know|tell|do not))\b`)},
		{name: "sorry I could not be stronger", weight: 0.45,
			re: reX(`\bsorry (?:that )?i (?:could not|was not|am not|could never|was never|will never be) (?:be )?(?:stronger|strong enough|better|enough|good enough|fight (?:it )?anymore|stay|hold on|keep going|keep fighting)\b`)},
		{name: "trailing goodbye", weight: 0.4, kind: kPrep, absence: true, ownNegation: true,
			re: reX(`(?:,|\band) (?:goodbye|farewell)(?: (?:everyone|everybody|all|forever|world|my friends|all of you))?\s*$`)},

		// Added after probe G.
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
		{name: "covert goodbye", weight: 0.7, kind: kPrep,
			re:       reX(`\b(?:said|say|saying|wanted to say) (?:my )?goodbyes? (?:to (?:\w+ ){1,3})?without (?:her|him|them|anyone|anybody|my \w+) (?:knowing|realising|realizing|noticing)\b|\bit was (?:a |the |my )?(?:last |final )?goodbye\b`),
			notAfter: re(`^ (?:to|for|from|at|in)\b`)},
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
		{name: "until I can leave this world", weight: 0.65, subject: true,
			re: reX(`\b(?:counting down|count down|counting the (?:days|hours|weeks)|can not wait|waiting)(?: \w+){0,4}? (?:until|till|for|to) (?:i (?:can |will |get to )?)?{A}(?:leave this (?:world|earth|life)|die|be dead|be gone|not exist|stop existing|go to sleep forever|rest forever)\b`)},
		{name: "sorry to family", weight: 0.35, endClause: true,
			re: reX(`\b(?:i am )?(?:so |really )?sorry,? (?:mum|mom|dad|mam|mummy|mommy|daddy|my (?:\w+ )?{KIN})\b`)},
		{name: "peace only in death", weight: 0.6, subject: true,
			re: reX(`\b(?:peace|rest|relief|freedom|escape|happiness|way out)\b(?: \w+){0,5}? (?:is|will be|comes|will come) (?:when i (?:am dead|die|am gone)|in death|death|after i die)\b`)},
		{name: "end this", weight: 0.45, subject: true, endClause: true,
			re: reX(`\b(?:going to|gonna|will|about to|ready to|need to|want to) {A}end this\b`)},
		{name: "not going to continue it", weight: 0.6, subject: true, ownNegation: true,
			re:    reX(`\b(?:am not going to|will not|do not want to|refuse to|am done trying to) {A}(?:continue|carry on|go on) (?:it|living|my life|with (?:my )?life|existing)\b`),
			check: continueLifeCheck},
		{name: "hope I get hit", weight: 0.65, subject: true, hyperbole: true,
			re:       reX(`\b(?:hope|hoping|wish|pray|praying) (?:that )?i (?:will |would |could |might )?(?:get|be) (?:hit|run over|killed|struck)\b`),
			notAfter: re(`^ by (?:inspiration|an idea|luck|the (?:idea|thought|truth|realisation|realization))\b`)},
		{name: "it will be over soon", weight: 0.5, subject: true, hyperbole: true,
			re:       reX(`\b(?:it|everything|the pain|my pain|the suffering|this|it all) (?:will|is going to) (?:all )?be over (?:soon|tonight|shortly|by (?:tomorrow|morning|the morning))\b`),
			notAfter: re(`^ (?:after|once|when|and (?:then )?(?:i|we) (?:can|will))\b`)},
		{name: "in case I do not get another chance", weight: 0.4,
			re: reX(`\b(?:in case|because|before) i (?:do not|will not|might not|may not|never) (?:get|have) (?:another|the|a) chance\b`)},
		{name: "do not try to stop me", weight: 0.5, ownNegation: true,
			re:       reX(`\b(?:please )?(?:do not|nobody|no one|no point trying to|you can not) (?:try to |even try to )?(?:stop|save|talk me out of|change my mind|find) me\b`),
			notAfter: re(`^ (?:from (?:eating|buying|going|doing (?:my|the|this|that))|eating|at|in|on)\b`)},
		{name: "thought about this for a long time", weight: 0.3, kind: kPrep,
			re: reX(`\b(?:thought about|considered|been thinking about|planned) (?:this|it) for (?:a long time|months|years|weeks|ages|a while)\b`)},
		{name: "in my car by the water", weight: 0.45, subject: true, kind: kPrep,
			re:       reX(`\b(?:sat|sitting|parked|waiting) in (?:my|the) car (?:by|at|near|next to|overlooking|on) (?:the|a) (?:reservoir|river|lake|sea|cliffs?|bridge|quarry|dam|canal|tracks|railway|edge)\b`),
			notAfter: re(scenicAfter), check: edgeCheck},

		{name: "sitting with the means", weight: 0.45, subject: true, kind: kPrep,
			re:       reX(`\b(?:sitting|sat|lying|laying|standing|hiding|curled up|locked) (?:\w+ ){0,4}?with (?:a|the|my|some) {MEANS}\b`),
			notAfter: re(`^ (?:for (?:the|a|my) (?:week|trip|day)|to (?:cook|chop|shave|open|cut (?:the|some|a)))\b`),
			check:    durationCheck},

		// Added after probe H.
		{name: "use it on a means", weight: 0.6, subject: true,
			re:       reX(`\b(?:going to|gonna|will|want to|about to|ready to|planning to|tempted to|so close to) {A}use (?:it|them|this|that)\b`),
			notAfter: re(`^ (?:(?:tonight|today|now|later|tomorrow|again) )?(?:to|for|as|in|at|with|when|if|on (?:the|a|my|some)|properly)\b`),
			check:    useMeansCheck},
		{name: "not going to wake up", weight: 0.6, subject: true,
			re:       reX(`\b(?:am not going to|will not|will never|am never going to|not gonna) {A}wake up (?:tomorrow|again|in the morning|ever again|this time)\b`),
			notAfter: re(wakeAfter)},

		// Means, now.
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

		// Self-harm in other words.
		// "can't stop" is ongoing by itself, so no tense discount.
		{name: "can not stop cutting", weight: 0.6, subject: true,
			re: reX(`\b(?:can not|could not|can never) {A}stop (?:cutting|self harming|hurting myself|burning myself|harming myself|scratching myself)\b`)},
		{name: "harm to a body part", weight: 0.65, subject: true, kind: kHarm,
			re:    reX(`\b(?:cut|cutting|burned|burnt|burning|burn|scratched|scratching|hit|hitting|punched|punching|bit|biting|bruised|bruising|carved|carving|sliced|slicing) (?:my|into my) {BODY}(?: \w+)? (?:on purpose|deliberately|again|(?:till|until) (?:they|it|i|the skin) (?:bleed|bled|bleeds|bleeding|break|breaks|broke)|with (?:a|the|my) (?:blade|razor|lighter|knife|scissors|compass|glass))\b|\b(?:hurt|hurting|harmed|harming|burned|burnt|cut|scratched|hit|punched) myself (?:on purpose|deliberately|intentionally)\b`),
			check: selfActCheck},
		{name: "need to bleed", weight: 0.6, subject: true,
			re:       reX(`\b(?:need|needs|want|craving|crave|deserve|long|itching) (?:to )?(?:feel (?:the )?(?:blade|razor|sting)|bleed|see (?:the )?blood|be punished|feel pain|punish myself|hurt|suffer)\b`),
			notAfter: re(`^ (?:him|her|them|you|someone|somebody|anyone|people|my|the|a|his|for (?:a|the) (?:team|cause)|with|from|when|at)\b`),
			check:    objectWeight(0.6, objWeight{"punish", 0.4}, objWeight{"suffer", 0.4}, objWeight{"hurt", 0.45}, objWeight{"feel pain", 0.45})},
		{name: "relapse near a blade", weight: 0.55, subject: true, kind: kHarm,
			re: reX(`\brelaps(?:e|ed|ing)\b`), check: harmTalkCheck},
	}
}

var goneAfterRe = regexp.MustCompile(`^ (?:by|before|from|for (?:the|a|this|that|now|work|school)|when|after|once|until|till|on|at|to (?:work|school)|one day|someday|eventually)\b`)

// beGoneCheck: "I want to be gone" is a wish to die; "I want to be gone by
// five" is a schedule.
func beGoneCheck(c *matchCtx, w float64) float64 {
	if goneAfterRe.MatchString(c.after) && (strings.HasSuffix(c.phrase, "be gone") || strings.HasSuffix(c.phrase, "heaven")) {
		return 0
	}
	return w
}

var urgentTimeRe = regexp.MustCompile(`\b(?:tonight|today|this (?:weekend|week|evening)|right now|now|tomorrow)\b`)

// finishCheck: "finish what I started" means an attempt in a post about
// dying or with a time set for it.
func finishCheck(c *matchCtx, w float64) float64 {
	if deathTalkRe.MatchString(c.t.text) || urgentTimeRe.MatchString(c.sentence) {
		return w
	}
	return 0.45
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

var (
	thatIsWhenRe = regexp.MustCompile(`^(?:that|then) `)
	// What may follow "... is when I go" or "... jump" when it means dying.
	whenGoDeathRe   = regexp.MustCompile(`^ (?:for good|forever|for ever|away for good|to sleep (?:forever|for good)|to (?:the|a) (?:bridge|tracks|railway|cliffs?|roof|rooftop|river|sea|lake))\b`)
	whenJumpDeathRe = regexp.MustCompile(`^ (?:off|from|in front of|under|out of)\b`)
	whenDieIdiomRe  = regexp.MustCompile(`^ (?:a little|a bit|inside|laughing|of)\b`)
)

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

var lifeWordRe = regexp.MustCompile(`\b(?:life|living|alive|existing|existence)\b`)

// continueLifeCheck: "I'm not going to continue it" is about life only when
// the sentence names life.
func continueLifeCheck(c *matchCtx, w float64) float64 {
	if strings.HasSuffix(c.phrase, " it") && !lifeWordRe.MatchString(c.sentence) {
		return 0
	}
	return w
}

// deathTalkOr gives w in a post that talks of dying and weight otherwise.
func deathTalkOr(weight float64) func(c *matchCtx, w float64) float64 {
	return func(c *matchCtx, w float64) float64 {
		if deathTalkRe.MatchString(c.t.text) {
			return w
		}
		return weight
	}
}

// negativeFutureCheck keeps "it's never going to get better" and drops the
// hopeful "it's going to get better".
func negativeFutureCheck(c *matchCtx, w float64) float64 {
	p := c.phrase
	if strings.Contains(p, "better") && !strings.Contains(p, "never") && !strings.Contains(p, " not ") && !strings.HasPrefix(p, "nothing") {
		return 0
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
