package safety

import (
	"regexp"
	"strings"
)

// Burden, hopelessness and finality: "they would be better off without
// me", "nothing will ever get better", "I'm done". Most need company to
// reach the crisis threshold on their own.

// burdenPatterns returns the patterns for being a burden, and nobody who would notice.
func burdenPatterns() []*pattern {
	return []*pattern{
		{name: "better off without me", weight: 0.8,
			re:       re(`\b(?:would|will|could|might|is|are|were|to) (?:all )?{A}(?:be )?(?:all )?{A}(?:better off|better|happier|easier|relieved|fine|lighter|freer|free|a better place|a happier place|a lighter place|sleep easier|sleep better|breathe easier|rest easier|at peace)(?: off)?(?: for (?:them|everyone|everybody|my \w+|you all))?(?: in the long run)?(?:,(?: \w+){1,4},)? (?:without me(?: around| here| in (?:it|their lives|the picture|the way))?|if i {A}(?:was|were|am|had) (?:gone|dead|not here|not around|not alive|not breathing|no longer breathing|never born|never been born|not in (?:it|this world|the world|their lives|the picture)|no longer (?:here|around|alive))|if i {A}(?:died|disappeared|vanished|killed myself|left for good|left forever|stopped existing|stopped being (?:alive|here|around)|did not exist|never existed|had never been born|had died|was never born|were never born)|(?:once|when|after) i am {GONE}|with me gone|with me dead|with me out of the way|with (?:a|another|someone|somebody) (?:\w+ )?(?:who is not|who was not|other than|instead of) me)\b`),
			notAfter: awayAfterRe},
		{name: "without me they would", weight: 0.75,
			re: re(`\bwithout me,? (?:\w+ ){0,3}(?:would|will|is|are|could) (?:be )?{A}(?:better|happier|easier|fine|free|relieved)\b`)},
		{name: "burden", weight: 0.35,
			re:    re(`\b(?:i am|i feel like|i feel|being|i have become|i have always been|i will always be) {A}(?:a |such a |nothing but a |just a |only a )?(?:burden|waste of space|waste of oxygen|waste of air|waste of life|dead weight|drain on (?:everyone|my family|them|everybody))\b`),
			check: objectWeight(0.35, objWeight{"waste of", 0.45})},
		{name: "not a burden much longer", weight: 0.75,
			re: re(`\b(?:will not|not going to) be (?:a burden|a problem|in (?:your|their|anyone's|everyone's) way|bothering (?:you|anyone)) (?:much longer|for (?:much )?long|anymore|soon|after (?:tonight|today))\b`)},
		{name: "nobody would notice", weight: 0.75,
			re:       re(`\b(?:nobody|no one|none of them|not a single (?:person|soul)|not one person|not anyone|no body)(?: \w+){0,2}? (?:would|will|is going to|ever|could|would ever|will ever|is gonna) {A}(?:notice|care|miss me|be sad|cry|mind|realise|realize|remember me|know|care at all)(?: \w+){0,4}? (?:(?:if|when|once|after|that) )?i {A}(?:died|die|was gone|were gone|am gone|disappeared|disappear|vanished|killed myself|kill myself|was dead|were dead|am dead|stopped existing|was not here|were not here|was not around|were not around|left (?:for good|forever)|ended it|end it|did it|do it|was not alive|were not alive|never woke up|did not wake up|did not come back|went missing)\b`),
			notAfter: re(`^ (?:if i|from|for (?:the|a|an)|to|on (?:holiday|a trip)|at (?:the|work|school))\b`)},
		{name: "if I died nobody", weight: 0.75,
			re: re(`\bif i {A}(?:died|disappeared|vanished|killed myself|was gone|were gone|was dead|were dead|was not here|were not here|was not around|stopped existing|never woke up|did not wake up|went missing)(?: \w+){0,3}?,? (?:nobody|no one|none of them|not a single person|not one person|no body) (?:would|will|is going to|would even|will even|would ever|will ever) {A}(?:notice|care|miss me|be sad|cry|mind|realise|realize)\b`)},
		{name: "nobody would miss me", weight: 0.6,
			re: re(`\b(?:nobody|no one|not a single person|not one person) (?:would|will|is going to|is gonna) {A}(?:miss me|notice i am gone|notice i was gone|care i am gone|care if i am gone)\b`)},
	}
}

// finalityPatterns returns the patterns for finality and exhaustion: done, giving up, no way out.
func finalityPatterns() []*pattern {
	return []*pattern{
		{name: "i am done", weight: 0.4, hyperbole: true, endClause: true,
			re: re(`\bi am {A}(?:done|finished|through)\b`)},
		{name: "done with life", weight: 0.7, subject: true, hyperbole: true,
			re: re(`\b(?:done|finished|through|over) with (?:life|living|everything|it all|all of it|this life|existing|being alive|this world|the world|being me|myself|everyone and everything)\b`)},
		{name: "tired of fighting", weight: 0.35, subject: true,
			re: re(`\b(?:done|tired of|sick of|finished|exhausted from) (?:fighting|trying|struggling|pretending(?: to be (?:okay|ok|fine))?)\b`)},
		{name: "life is over", weight: 0.35, subject: true, hyperbole: true,
			re: re(`\b(?:my life|life|everything|existing|living) (?:is|feels|seems|is just|feels so|is so) {A}(?:over|finished|pointless|meaningless|hopeless|unbearable|unliveable|unlivable|too much to bear)\b`)},
		{name: "give up", weight: 0.35, subject: true, hyperbole: true,
			re:    re(`\b(?:give up|giving up|given up|gave up)\b`),
			check: endClauseOr(0.6, re(`^ on (?:life|living|everything|myself|the world|it all|being alive|staying alive)\b`))},
		{name: "can not go on", weight: 0.45, subject: true, hyperbole: true,
			re:       re(`\b(?:can not|could not|am unable to) {A}(?:go on|keep going|carry on|keep living|continue living|live like this|do this anymore|take (?:it|this|much more) anymore|take anymore|take it|cope anymore|survive this|hold on|hang on|last much longer|keep fighting|keep doing this|face another day|face tomorrow|do life)\b`),
			notAfter: re(`^ (?:with (?:the|this|my|that|a)|the|a|holiday|vacation|a trip|stage|tour|dates?|to (?:the|a|work|school|class)|at (?:work|school|this job)|for (?:the|a)|waiting|working|in (?:this|that|the) (?:job|house|city|class|course)|much longer (?:at|in|with)|(?:like this|like that|living like this) (?:with|at|in|for))\b`),
			check:    objectWeight(0.45, objWeight{"keep living", 0.6}, objWeight{"continue living", 0.6}, objWeight{"go on", 0.55}, objWeight{"live like this", 0.55}, objWeight{"face another day", 0.55}, objWeight{"take it", 0.4})},
		{name: "tired of living", weight: 0.55, subject: true, hyperbole: true,
			re:       re(`\b(?:tired|sick|exhausted|weary|fed up|worn out) (?:of|from|with) (?:living|being alive|life|existing|waking up|being me|breathing|this life|being here|trying to stay alive|surviving|fighting to stay alive)\b`),
			notAfter: re(`^ (?:in|with|at|here|there|near|like a|under|on|off|paycheck|pay ?check|out of|admin|insurance|lessons?|skills)\b`)},
		{name: "hate being alive", weight: 0.55, subject: true, hyperbole: true,
			re:       re(`\bhate (?:being alive|existing|living|my existence|that i am alive|waking up every|that i woke up|that i exist|that i am still alive|still being alive)\b`),
			notAfter: re(`^ (?:in|with|at|here|there|near|like|under|on|so far|alone|without)\b`)},
		{name: "only way out", weight: 0.8, subject: true,
			re: re(`\b(?:the )?only (?:way out|option|answer|solution|escape|choice|way to (?:escape|end (?:this|the pain)|make it stop))(?: left| for me)? (?:is|would be|seems to be|feels like)? ?(?:to )?{A}(?:death|dying|die|suicide|killing myself|kill myself|to end it|end it|ending it|ending my life|end my life)\b|\b(?:death|dying|suicide|killing myself|ending it|ending my life) (?:is|seems|feels like|would be) (?:like )?(?:the|my) (?:only )?(?:way out|option|answer|solution|escape|choice|only way)\b|\b(?:(?:can not|could not|do not) (?:see|find|think of) (?:any|a|another|one|no) )?(?:other )?way out (?:is |but |except |other than |besides |apart from |than )(?:to )?{A}(?:death|dying|die|suicide|kill myself|killing myself|end it|ending it|ending my life|end my life)\b`)},
	}
}

// hopelessnessPatterns returns the patterns for hopelessness, which needs company.
func hopelessnessPatterns() []*pattern {
	return []*pattern{
		{name: "never get better", weight: 0.4, subject: true, hyperbole: true,
			re:    reX(`\b(?:nothing|it|things|life|my life) (?:is|are|will) (?:ever |never |not ever |not |never ever )?(?:going to )?(?:get|be|getting) (?:any )?better\b|\bno (?:future|hope) (?:for me|left|anymore)\b|\b(?:can not|do not|could not) see (?:a|any) (?:future|way forward|light|hope|end to this)(?: for me| for myself| anymore)?\b|\b(?:my life|life|living|existing) (?:has|holds) no (?:meaning|point|purpose|value)\b`),
			check: negativeFutureCheck},
		{name: "can not survive another night", weight: 0.55, subject: true, hyperbole: true,
			re:       reX(`\b(?:do not think|not sure|doubt|do not know if|do not know whether) (?:that )?i (?:can|will|could|am going to|would) {A}(?:survive|last|make it through|get through|face|do) (?:another|one more) (?:night|day|week)\b|\b(?:can not|could not) {A}(?:survive|last|face|get through|do) (?:another|one more) (?:night|day)(?: like this)?\b`),
			notAfter: re(`^ (?:of|at|in|with) (?:this|that|the|my) (?:job|class|course|school|work|office|commute|shift|heat|weather|place)\b`)},
		{name: "see myself making it to", weight: 0.65, subject: true,
			re: reX(`\b(?:do not|can not|could not) (?:see|picture|imagine) myself (?:making it|surviving|lasting|being (?:alive|here|around)|living|still (?:alive|here)) (?:to|through|until|till|past|beyond) (?:christmas|new year|my birthday|the (?:weekend|summer|winter|spring|autumn|morning|end of (?:the|this) (?:year|month|week))|next (?:week|month|year)|tomorrow|{DAY}|\d+)\b`)},
	}
}

// burdenInOtherWordsPatterns returns the patterns for being a burden in other words.
func burdenInOtherWordsPatterns() []*pattern {
	return []*pattern{
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
	}
}

// freeOfMePatterns returns the patterns for people who will be free of the author.
func freeOfMePatterns() []*pattern {
	return []*pattern{
		{name: "free of me", weight: 0.45, absence: true,
			re:    reX(`\bbe (?:free|rid) of me\b`),
			check: freeOfMeCheck},
		{name: "spare them of me", weight: 0.45, absence: true,
			re:    reX(`\b(?:free|spare|release) (?:them|everyone|everybody|you all|my family|my \w+) (?:of|from) me\b`),
			check: freeOfMeCheck},
	}
}

// betterWithoutMePatterns returns the patterns for lives better without the author, and the author soon gone.
func betterWithoutMePatterns() []*pattern {
	return []*pattern{
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

// notForLongPatterns returns the patterns for not for long.
func notForLongPatterns() []*pattern {
	return []*pattern{
		{name: "not for long", weight: 0.4,
			re:    reX(`\b(?:it|this|that) (?:will not|is not going to) (?:be|last) (?:for )?(?:much |very )?long(?:er)?\b|\bnot for (?:much |very )?long(?:er)?\s*$`),
			check: notForLongCheck},
	}
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

// negativeFutureCheck keeps "it's never going to get better" and drops the
// hopeful "it's going to get better".
func negativeFutureCheck(c *matchCtx, w float64) float64 {
	p := c.phrase
	if strings.Contains(p, "better") && !strings.Contains(p, "never") && !strings.Contains(p, " not ") && !strings.HasPrefix(p, "nothing") {
		return 0
	}
	return w
}

var freeOfMeSoonRe = regexp.MustCompile(`\b(?:tomorrow|tonight|soon|after (?:tonight|today|this)|this (?:week|weekend)|for good|forever|once and for all)\b`)

// freeOfMeCheck: "they'll be free of me" is finality with a time or a
// burden; alone it needs company ("when I move out they'll be free of me").
func freeOfMeCheck(c *matchCtx, w float64) float64 {
	if freeOfMeSoonRe.MatchString(c.sentence) {
		return 0.7
	}
	return w
}

var notForLongRe = regexp.MustCompile(`\b(?:burden|drain|waste of|in the way|better off|die|dying|dead|suicid\w*|end it|goodbye)\b`)

// notForLongCheck: "it won't be for long" is finality in a post about being
// a burden or about dying.
func notForLongCheck(c *matchCtx, w float64) float64 {
	if notForLongRe.MatchString(c.t.text) {
		return w
	}
	return 0
}
