package safety

import (
	"regexp"
	"strings"
)

// kind decides how tense affects a pattern; see tenseFactor.
type kind int

const (
	kWish    kind = iota // wishes, intent, plans stated in words
	kPrep                // means acquired, notes written, goodbyes: count in the past tense too
	kAttempt             // attempts and overdoses: count only when recent
	kHarm                // self-harm acts: count when recent or ongoing
	kNow                 // the phrase fixes its own time ("finish what I started last year"): no tense discount
)

// pattern is one weighted phrase family with the context rules that apply to
// it.
type pattern struct {
	name   string
	re     *regexp.Regexp
	needs  prefilter // derived from re (newIndexedPrefilter); text failing it cannot match
	ids    idFilter  // needs, in terms of the detector's literal index
	weight float64
	kind   kind
	// subject: the phrase does not name its person, so walk back to find
	// who it is about ("my friend wants to" vs "I want to").
	subject bool
	// hyperbole: the phrase is used as a figure of speech often enough that
	// a trivial cause or laughter discounts it.
	hyperbole bool
	// absence: an ordinary reason to be away ("I won't be here next week,
	// I'm on holiday") discounts it.
	absence bool
	// endClause: the phrase must end its clause ("I'm done." but not "I'm
	// done with this job").
	endClause bool
	// ownNegation: the phrase carries its own negation or is a subordinate
	// clause ("please don't be sad when I'm gone"), so a negation before it
	// belongs to another verb.
	ownNegation bool
	notAfter    *regexp.Regexp // rejects the match when the following text matches (anchored)
	notBefore   *regexp.Regexp // rejects the match when the clause before it matches (anchored at the end)
	check       func(c *matchCtx, w float64) float64
}

// mayMatch checks the pre-filter directly on a string; Assess uses the
// faster literal index instead.
func (p *pattern) mayMatch(text string) bool {
	return p.needs.allows(text)
}

// score applies the context rules to one match and returns its weight, 0 if
// the match does not count at all.
func (p *pattern) score(c *matchCtx) float64 {
	if p.notBefore != nil && p.notBefore.MatchString(c.left) {
		return 0
	}
	if p.notAfter != nil && p.notAfter.MatchString(c.after) {
		return 0
	}
	if p.endClause && !endOfClauseRe.MatchString(c.after) {
		return 0
	}
	if postNegationRe.MatchString(c.after) {
		return 0
	}
	if c.match(mediaTopicLeft, c.left) {
		// "that song about ending it all": the phrase names what a work
		// is about.
		return 0
	}
	if strings.Contains(c.phrase, "jump") && sportJumpRe.MatchString(c.sentence) {
		// "jumping off the high board at the pool"
		return 0
	}
	w := p.weight
	if p.check != nil {
		if w = p.check(c, w); w <= 0 {
			return 0
		}
	}
	if p.hyperbole && p.name != "makes me want to die" && c.match(makesMeRe, c.left) {
		// The "makes me want to" pattern judges the cause instead.
		return 0
	}
	if !p.ownNegation && negated(c.leftToks) {
		return 0
	}
	if c.quoted && reporterIsOther(c.reporter) {
		return 0
	}
	if p.subject {
		switch subjectOf(c.leftToks) {
		case subjOther:
			return 0
		case subjImplicit:
			if c.match(mediaRe, c.sentence) {
				w *= 0.3
			}
			if c.t.help {
				w *= 0.35
			}
		}
	} else if reportedByOther(c.leftToks) {
		w *= 0.3
	}
	if isHypothetical(c.leftToks) {
		w *= 0.3
	}
	w *= tenseFactor(p.kind, c)
	if p.hyperbole {
		w *= hyperboleFactor(c)
	}
	if p.absence && c.match(absenceRe, c.sentence) {
		w *= 0.1
	}
	return w
}

// mediaTopicLeft finds a work whose subject the phrase names: "a song
// about ending it all", "the film called ...".
var mediaTopicLeft = regexp.MustCompile(`\b(?:song|songs|book|books|novel|film|films|movie|movies|show|poem|poems|video|videos|story|stories|article|documentary|podcast|episode|series|play|lyrics?|album|track|chapter|scene|meme|essay|thread|post|lecture) (?:\w+ )?(?:about|called|titled|named|on) $`)

// postNegationRe finds a denial after the phrase: "Feeling suicidal isn't
// something I experience", "ending it is not an option".
var postNegationRe = regexp.MustCompile(`^ (?:is|was|are|were|has|have) not (?:something|an issue|a problem|the issue|the case|on the table|an option|my thing|for me|what i (?:want|need|feel|mean)|happening|going to happen)\b`)

// Shared fragments, substituted into the pattern sources below.
var fragments = strings.NewReplacer(
	// {A}: adverbs that may sit inside a phrase ("I just really want to die").
	"{A}", `(?:(?:really|just|honestly|seriously|literally|actually|truly|so|genuinely|kind of|sort of|still|even|actively|passively|constantly|always|often|sometimes|badly|so badly|simply|almost|definitely|totally|fully|completely|sincerely|desperately|only|also|very|pretty|quite|absolutely|probably|finally|already|now|then|secretly|quietly) )*`,
	"{PILLS}", `(?:pills?|tablets?|blister packs?|meds|medication|medications|medicine|sleeping pills|sleeping tablets|painkillers|pain killers|paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|insulin|antidepressants?|benzos|opioids|oxy|oxycodone|codeine|tramadol|lithium|sertraline|prescriptions?)`,
	// {INTENT}: the frames in which someone announces what they will do.
	"{INTENT}", `(?:going to|about to|planning to|planning on|plan to|plan on|my plan is to|the plan is to|intend to|intending to|ready to|decided to|deciding to|made up my mind to|determined to|want to|wanting to|need to|have to|should|will|shall|might|tempted to|so close to|close to|urge to|urges to|time (?:for me )?to|trying to|prepared to|finally going to|really going to|actually going to|tonight i|(?:how )?(?:easy|easier|tempting|simple) (?:it would be |it is |it will be )?to|could easily)`,
	// {METHOD}: ways of ending one's life, in the infinitive.
	"{METHOD}", `(?:kill myself|put myself out of (?:my|this) misery|finish myself off|end my (?:own )?life|end my (?:existence|misery)|end (?:my|the) (?:suffering|pain) (?:permanently|for good|forever)|take my (?:own )?life|end it all|end everything|end myself|off myself|hang myself|shoot myself|drown myself|poison myself|gas myself|suffocate myself|electrocute myself|stab myself|set myself on fire|burn myself alive|bleed out|bleed to death|starve myself (?:to death|until i die)|overdose|take an overdose|slit my (?:wrists?|throat)|cut my (?:wrists?|throat)(?: open)?|slash my (?:wrists?|throat)|open my (?:wrists?|veins)|commit suicide|die by suicide|(?:jump|leap) (?:off|from|in front of|onto|out of) {PLACE}|step (?:in front of|off|out in front of) {PLACE}|throw myself (?:off|from|in front of|under|into) {PLACE}|(?:walk|wade|go|get) (?:into|out into) {WATER}|(?:stop|end) (?:it|this|everything|the pain|it all) (?:forever|for good|permanently)|drown myself in {WATER}|drive (?:my car )?(?:into|off|in front of) (?:{PLACE}|{WATER})|crash my car(?: on purpose)?|lie down (?:on|in front of) {PLACE}|take (?:all|every one|the rest) of (?:my|the|these|those) {PILLS}|swallow (?:all|every one) of (?:my|the) {PILLS}|go through with it)`,
	// {METHODING}: the same ways as gerunds ("thinking about hanging myself").
	"{METHODING}", `(?:killing myself|ending my (?:own )?life|taking my (?:own )?life|ending it all|hanging myself|shooting myself|drowning myself|poisoning myself|gassing myself|overdosing|taking an overdose|slitting my (?:wrists?|throat)|cutting my (?:wrists?|throat)|(?:jumping|leaping) (?:off|from|in front of|onto|out of) {PLACE}|stepping (?:in front of|off) {PLACE}|throwing myself (?:off|from|in front of|under|into) {PLACE}|walking (?:into|out into) {WATER}|driving (?:my car )?(?:into|off) (?:{PLACE}|{WATER})|crashing my car|taking (?:all|every one|the rest) of (?:my|the) {PILLS}|taking all my {PILLS}|swallowing (?:all|every one of) (?:my|the) {PILLS}|starving myself to death|bleeding out|going through with it)`,
	"{PLACE}", `(?:the |a |an |my |this |that |some |oncoming )?(?:oncoming )?(?:\d[\d:.]* )?(?:bridge|building|roof|rooftop|cliff|cliffs|express|train|trains|tram|tube|bus|buses|car|cars|truck|trucks|lorry|lorries|traffic|tracks|railway|balcony|tower|car park|multi ?stor(?:e)?y(?: car park)?|parking garage|window|wall|tree|motorway|highway|freeway|oncoming traffic|ledge|overpass|road|quarry|dam|platform)`,
	// {GONE}: being dead, in plain words and in euphemisms.
	"{GONE}", `(?:gone|dead|not here|not around|in the ground|six feet under|in (?:my|a|the) grave|buried|in a box|in a coffin)`,
	"{WATER}", `(?:the |a )?(?:sea|ocean|river|lake|canal|water|waves)`,
	"{KIN}", `(?:mum|mom|mother|mam|dad|father|kids|children|child|son|sons|daughter|daughters|wife|husband|partner|family|sister|sisters|brother|brothers|parents|friends?|best friend|girlfriend|boyfriend|fiance|fiancee|baby|babies|grandma|grandmother|grandad|granddad|grandpa|grandfather|nan|nana|gran|aunt|auntie|uncle|cousin|niece|nephew|loved ones|dog|cat|pets?|kitten|puppy)`,
)

// re expands the fragments, which may nest, and compiles the result.
func re(src string) *regexp.Regexp {
	for {
		next := fragments.Replace(src)
		if next == src {
			return regexp.MustCompile(src)
		}
		src = next
	}
}

// Rejections shared by several patterns.
var (
	// Idioms that follow "die": die of embarrassment, die laughing.
	dieIdiomAfter = `^ (?:of|from|laughing|inside|a little|on (?:this|that) hill|for (?:my|the|this|that|a|an|her|him|them|you)|with (?:embarrassment|shame|laughter|envy|jealousy))\b`
	// "end it"/"end things" with someone is a break-up.
	endWithAfter = `^ (?:with|between|off|early|here|there|for (?:the|today|tonight|now)|on a|before|after|by|at (?:the|work)|in (?:a|the)|nicely|well|politely|amicably|properly with|soon with)\b`
	// Objects that make "cut" about hair, money or carbs.
	cutReject = regexp.MustCompile(`^ (?:my (?:hair|fringe|nails|toenails|losses|hours|spending|budget|ex|mum|mom|dad|friends?|family|parents|sister|brother|food|carbs|sugar|caffeine|coffee|bangs|lawn|grass|hedge|cake|sandwich|finger|thumb|hand|foot|leg|lip|chin|costs)|the|a|an|it (?:off|out|short|down|back)|them|him|her|out|off|down|back|ties|in (?:line|front)|through|corners|class|classes|school|lectures|costs|loose|people|contact|that|this|some|these|those|carbs|sugar|caffeine|gluten|dairy|meat|alcohol|drinking|smoking|to the chase|hair|bangs|grass|wood|paper|fabric|cheese|bread|veg|vegetables|onions?|ribbon|cake|my losses|short|class)\b`)
	// "cut myself" in the kitchen, "cut myself some slack".
	selfActReject = regexp.MustCompile(`^ (?:shaving|cooking|chopping|slicing|opening|peeling|on (?:a|the|some|my|an|this|that|these|those)|by accident|accidentally|while|when (?:i was )?(?:cooking|shaving|chopping|opening)|with (?:a|the|an) (?:knife|paper|tin|can|bread knife|kitchen knife|iron|kettle|pan|oven|straighteners|curling iron)|in the kitchen|at (?:work|the gym)|lifting|running|playing|skiing|skating|cycling|climbing|working out|exercising|falling|off|out|from|short|free|loose|some slack|a break|a slice|a piece|a bit|some|up|in (?:the|a) (?:gym|game|match|accident|fall)|during|ironing|baking|cleaning|gardening)\b`)
	// Scenic reasons to be on a bridge or a roof.
	scenicAfter = `^ (?:crew|club|team|game|games|players?|tournament|night|section|card|cards|scene|design|project|committee|of (?:the|a) ship|taking|watching|admiring|with (?:my|friends|the|a|some)|for (?:photos|pictures|a photo|the view|a picture|sunset|sunrise|a walk|lunch|a drink|work)|photos|pictures|view|walk|tour|party|bar|cafe|restaurant|garden|terrace|pool|at (?:work|sunset)|in (?:the )?(?:sun|rain)|of (?:my|the|our) (?:house|flat|building|school|office) (?:fixing|cleaning|repairing)|reading|eating|drinking|smoking|having|enjoying|painting|fishing|overlooking|repairing|fixing|cleaning|near (?:my|the) (?:house|home|work|office))\b`
	// Things people "overdose on" in jest.
	trivialOverdoseAfter = `^ on (?:caffeine|coffee|tea|sugar|chocolate|easter eggs|energy drinks?|tv|netflix|cake|sweets|candy|memes|cuteness|kindness|love|carbs|pizza|cheese|music|books|anime|youtube|tiktok|sun|sunshine|vitamin \w|screen time|self care|nostalgia|christmas|cookies|biscuits|crisps|coffee|podcasts|true crime|reality tv|\w+ (?:tv|shows?|series|videos|films|movies))\b`
	// Ordinary ways to wake up: "I hope I don't wake up with a headache".
	wakeAfter = `^ (?:with|early|late|at|before|in (?:a|the) (?:bad|good|foul|grumpy) mood|in a mood|in the (?:morning|night) (?:with|feeling|and feel|hungover|sick|tired|grumpy|sore|early|late)|feeling|to (?:find|see|the)|hungover|sick|tired|grumpy|sore|until|till|til|for)\b`
	// Ordinary ways a life continues ("I don't want to live with my parents").
	liveAfter = `^ (?:admin|insurance|coach|coaching|skills|lessons?|with|in|at|there|near|alone|on|by|abroad|together|under|for|early|the|a|an|this|that|these|those|my|your|his|her|our|their|to|school|work|class|holiday|vacation|trip|dates?|stage|tour|therapy|treatment|medication|meds|dating|studying|working|here at|here in|here with|without (?:a|my) (?:car|job|phone|wifi|internet|coffee))\b`
	// The reasons people give for rope that are not about themselves.
	ropeAfter = `^ (?:ladder|swing|course|toy|bridge|lights?|bag|tow|for (?:\w+ )?(?:climbing|camping|sailing|boating|abseiling|the garden|work|crafts?|macrame|decorating|decoration|a project|training|exercise|the gym|skipping)|for (?:climbing|camping|the (?:tent|boat|swing|dog|garden|gym|hammock|washing|clothes|shed|trailer|kids)|my (?:tent|boat|dog|gym|washing|kids|hammock|swing)|a (?:swing|hammock|tent)|skipping|jumping|tying)|to (?:climb|tie (?:up )?(?:the|my|a) (?:boat|tent|dog|tarp|load|box))|around (?:the|my) (?:box|suitcase|luggage))\b`
	// A pill routine: "I took all my meds today, on time for once".
	routineAfter = regexp.MustCompile(`^ (?:today|this morning|this evening|tonight as|on time|as prescribed|for the (?:day|week)|with (?:food|water|breakfast|lunch|dinner)|like (?:the|my) doctor|like i am supposed to)\b`)
	// Wanting, hoping or intending right before a phrase.
	intentCue = wordSet(`want wanna wish hope pray going gonna will should need ready about plan planning decided time can could longing long like love rather just`)
)

func cutCheck(c *matchCtx, w float64) float64 {
	if strings.HasSuffix(c.phrase, "cut") || strings.HasSuffix(c.phrase, "cutting") {
		if cutReject.MatchString(c.after) {
			return 0
		}
	}
	if selfActReject.MatchString(c.after) {
		return 0
	}
	return w
}

func selfActCheck(c *matchCtx, w float64) float64 {
	if selfActReject.MatchString(c.after) {
		return 0
	}
	return w
}

var (
	commandLeftRe = regexp.MustCompile(`\b(told|tell|tells|telling|said|says|saying|asked|asks|wants|wanted|want|urging|urged|urges|encouraged|encouraging|dared|daring|ordering|ordered) me to (?:\w+ )?$`)
)

// killMyselfCheck tells "people told me to kill myself", which is abuse the
// author suffered, from "my brain keeps telling me to", which is ideation.
func killMyselfCheck(c *matchCtx, w float64) float64 {
	m := commandLeftRe.FindStringSubmatchIndex(c.left)
	if m == nil {
		return w
	}
	before := tokens(c.left[:m[2]])
	for i := len(before) - 1; i >= 0 && i >= len(before)-3; i-- {
		if internalVoices[before[i]] {
			return w
		}
	}
	return w * 0.25
}

var ratherLiveRe = re(`^ than (?:to )?{A}(?:keep|go on|carry on|live|living|be alive|being alive|wake up|feel|feeling|spend another|face another|go through|deal with|continue|suffer|be here|exist|stay|another day|be like this|feel like this|keep feeling)\b`)

// ratherCheck separates "I'd rather die than sing karaoke" from "I'd rather
// be dead than keep living like this".
func ratherCheck(c *matchCtx, w float64) float64 {
	switch {
	case ratherLiveRe.MatchString(c.after):
		return w
	case strings.HasPrefix(c.after, " than"):
		return 0.05
	}
	return 0.7
}

// makesMeCheck judges the cause in "X makes me want to die".
func makesMeCheck(c *matchCtx, w float64) float64 {
	switch {
	case heavyCauseRe.MatchString(c.left):
		return 0.85
	case trivialRe.MatchString(c.left):
		return 0.05
	}
	return w
}

// joinCheck: "I should join her" means dying only after a death and with a
// wish or intent in front of it.
func joinCheck(c *matchCtx, w float64) float64 {
	if !c.t.bereaved {
		return 0
	}
	lt := c.leftToks
	if len(lt) > 4 {
		lt = lt[len(lt)-4:]
	}
	for _, t := range lt {
		if intentCue[t] {
			if strings.HasPrefix(c.phrase, "be ") {
				return 0.45
			}
			return w
		}
	}
	return 0
}

var waterRe = regexp.MustCompile(`\b(?:lake|river|sea|ocean|canal|pool|water|waves)\b`)

var jumpDestRe = regexp.MustCompile(`\b(?:off|from|in front of|into|onto|under|on|off of) (?:the |a |my |an |this |that |some |oncoming )?[a-z]`)

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

var (
	tonightActRe  = re(`^ (?:that |when )?i {A}(?:do it|end it|end things|go through with it|kill myself|die|act on it|say goodbye|take them|take the pills|use the rope)\b`)
	sentenceEndRe = regexp.MustCompile(`^\s*(?:[.?]|$)`)
)

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

var heightsRe = regexp.MustCompile(`\b(?:bridge|roof|rooftop|cliff|balcony|ledge|train|trains|tracks|building|window|height|heights|tower|car park|overpass|platform|floor)\b`)

// heightsCheck: "thinking about jumping" means a fall only where the post
// mentions a height or a train.
func heightsCheck(c *matchCtx, w float64) float64 {
	if jumpDestRe.MatchString(c.after) && !heightsRe.MatchString(c.after) {
		return 0
	}
	if heightsRe.MatchString(c.t.text) {
		return w
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

var goodbyeToRe = re(`^ (?:to (?:everyone|everybody|you all|all of you|y'?all|you guys|the (?:forum|group|community|world)|this (?:forum|group|community|world)|my (?:family|kids|children|loved ones)|the people i love|those i love|life|all)|forever|for good|for the last time)\b`)

// sayGoodbyeCheck accepts goodbyes to everyone or to life, not to an old
// therapist or a childhood home.
func sayGoodbyeCheck(c *matchCtx, w float64) float64 {
	switch {
	case goodbyePlaceRe.MatchString(c.after):
		return 0
	case goodbyeToRe.MatchString(c.after) || endOfClauseRe.MatchString(c.after) || goodbyeHereRe.MatchString(c.after):
		return w
	case goodbyeKinRe.MatchString(c.after):
		// Goodbye to a relative or a pet may be an ordinary parting; it
		// counts, but needs company.
		return 0.45
	}
	return 0
}

// goodbyeHereRe: "saying my goodbyes here while I still can".
var goodbyeHereRe = regexp.MustCompile(`^ (?:here|on here|now|while i (?:still )?can|before i go|before it is too late|tonight)\b`)

var goodbyeAddresseeRe = regexp.MustCompile(`^\s*(?:$|[.!?]|,? ?(?:everyone|everybody|all|friends|guys|y'?all|you all|forum|world|i am sorry|sorry|thank|thanks|i love|love you|i (?:will not|am not going to|will never) (?:be )?(?:back|posting|post|around|here|on here|talking|writing|see you))\b)`)

// goodbyeForeverCheck: "Goodbye forever." to the forum counts; "goodbye
// forever, toxic ex!" is addressed to something else.
func goodbyeForeverCheck(c *matchCtx, w float64) float64 {
	if goodbyeAddresseeRe.MatchString(c.after) {
		return w
	}
	return 0
}

var goodbyePlaceRe = regexp.MustCompile(`^ to (?:\w+ ){0,3}?(?:at|in|from) (?:work|school|the office|uni|college|the airport|the station|the party|the door|church|class|the hospital|the gym)\b`)

var goodbyeKinRe = re(`^ to my (?:\w+ )?{KIN}(?: and my (?:\w+ )?{KIN})?(?:$|[.,;!?]| and\b| then\b| because\b| for (?:the last time|good|ever))`)

var pillsRe = re(`\b{PILLS}\b`)

// pillsMentioned: "I'm taking them tonight" is about pills only if the post
// mentions pills.
func pillsMentioned(c *matchCtx, w float64) float64 {
	if pillsRe.MatchString(c.t.text) {
		return w
	}
	return 0
}

var (
	pastTakeRe          = regexp.MustCompile(`^(?:took|taken|swallowed|downed|necked)\b`)
	justNowRe           = regexp.MustCompile(`\b(?:(?:\w+ )?(?:minutes?|mins?|hours?) ago|an hour ago|just|already|a moment ago)\b`)
	allPillsQualifierRe = regexp.MustCompile(`^ (?:at once|at the same time|together|in one go|in one sitting|tonight|right now|now|and (?:go to sleep|wait|lie down)|with (?:vodka|alcohol|wine|whisky|whiskey|beer))\b`)
	allPillsBulkRe      = regexp.MustCompile(`handful|bunch|load|lot of|fistful|heaps|pile|bottle|packet|box|pack|strip|tub|every|too many|double|triple|loads|lots|dozens|hundred|twenty|thirty|forty|fifty|\d`)
)

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

var harmWordsRe = regexp.MustCompile(`\b(?:cut|cutting|self harm\w*|sh|deeper|arms?|wrists?|thighs?|skin|bleed|blood|urges?)\b`)

// razorCheck: a razor is a shaving tool unless the post is about self-harm.
func razorCheck(c *matchCtx, w float64) float64 {
	if strings.Contains(c.phrase, "razor") && !strings.Contains(c.phrase, "blade") && !harmWordsRe.MatchString(c.sentence) {
		return 0.3
	}
	return w
}

var urgentRe = regexp.MustCompile(`\b(?:right now|now|tonight|waiting|about to|ready)\b`)

// edgeCheck: standing on a bridge is stronger when it is happening now.
func edgeCheck(c *matchCtx, w float64) float64 {
	if urgentRe.MatchString(c.sentence) {
		return 0.7
	}
	return w
}

// neverWakeCheck: "I could sleep and never wake up" after a long week is
// tiredness; wanting or hoping never to wake up is a death wish.
func neverWakeCheck(c *matchCtx, w float64) float64 {
	lt := c.leftToks
	if len(lt) > 4 {
		lt = lt[len(lt)-4:]
	}
	for _, t := range lt {
		if intentCue[t] && t != "can" && t != "could" {
			return w
		}
	}
	return 0.45
}

// wishDiedCheck: "I wish I had died instead of him" is survivor's guilt
// more often than intent; it still counts, with less weight.
func wishDiedCheck(c *matchCtx, w float64) float64 {
	if strings.HasPrefix(c.after, " instead") {
		return 0.45
	}
	return w
}

// objWeight gives a weight to phrases containing word.
type objWeight struct {
	word   string
	weight float64
}

// objectWeight weighs a match by the first listed word its phrase contains,
// so one pattern can cover "want it all to end" and "want the pain to stop"
// with different strength.
func objectWeight(def float64, weights ...objWeight) func(c *matchCtx, w float64) float64 {
	return func(c *matchCtx, w float64) float64 {
		for _, o := range weights {
			if strings.Contains(c.phrase, o.word) {
				return o.weight
			}
		}
		return def
	}
}

var (
	lastDayOrdinaryLeft = regexp.MustCompile(`\b(?:on|for|during|before|after|until|till|since|by) $`)
	lastDayOrdinaryRe   = regexp.MustCompile(`\b(?:work|job|office|coworkers?|colleagues?|boss|school|term|semester|uni|college|holiday|vacation|trip|contract|shift|placement|internship|leaving do|retire\w*)\b`)
)

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

var selfHarmVerbLeft = wordSet(`i to been and still started keep kept again then just`)

// selfHarmCheck: "I self harmed last night" is an act; "self-harm
// statistics" is a topic.
func selfHarmCheck(c *matchCtx, w float64) float64 {
	verb := strings.HasSuffix(c.phrase, "ed") || strings.HasSuffix(c.phrase, "ing")
	if n := len(c.leftToks); n > 0 && selfHarmVerbLeft[c.leftToks[n-1]] {
		verb = true
	}
	if verb {
		return w
	}
	return 0.25
}

var aboutNotesLeft = regexp.MustCompile(`(?:about|on|regarding|read|reading|found|find|finding|saw|see|seen) (?:the |a |an |some |his |her |their )?$`)

// notesCheck: writing a goodbye letter counts, reading about one does not.
func notesCheck(c *matchCtx, w float64) float64 {
	if aboutNotesLeft.MatchString(c.left) {
		return 0.15
	}
	return w
}

var (
	methodPurposeRe = regexp.MustCompile(`(?:to|of) [a-z ]+$`)
	methodOtherRe   = regexp.MustCompile(`^ (?:to|of|on|about|in|that|for (?:the|a|an|my|our|your|his|her|their|class|uni|school|work|thesis|dissertation|essay|project|paper|assignment|cooking|baking))\b`)
)

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

func endClauseOr(weight float64, after *regexp.Regexp) func(c *matchCtx, w float64) float64 {
	return func(c *matchCtx, w float64) float64 {
		switch {
		case after.MatchString(c.after):
			return weight
		case endOfClauseRe.MatchString(c.after):
			return w
		}
		return 0
	}
}

// compiledPatterns is the read-only state every Detector shares.
type compiledPatterns struct {
	patterns []*pattern
	index    *literalIndex
	guards   map[*regexp.Regexp]idFilter // prefilters of guardedRegexps
}

// guardedRegexps are the context expressions Assess checks through
// matchCtx.match or textInfo.matchText: the large ones that run on every
// match or every post. Their prefilters join the patterns' literals in the
// index, so finding them costs nothing beyond the one scan.
func guardedRegexps() []*regexp.Regexp {
	return []*regexp.Regexp{pastRe, recentRe, mediaRe, absenceRe, trivialRe, laughRe, deliberateRe, mediaTopicLeft, makesMeRe, helpRe, deathRe}
}

func compilePatterns() compiledPatterns {
	ps := buildPatterns()
	idx := newLiteralIndex()
	for _, p := range ps {
		p.ids = idx.add(p.needs)
	}
	guards := make(map[*regexp.Regexp]idFilter)
	for _, re := range guardedRegexps() {
		if f := newIndexedPrefilter(re.String()); len(f) > 0 {
			guards[re] = idx.add(f)
		}
	}
	idx.build()
	return compiledPatterns{patterns: ps, index: idx, guards: guards}
}

// buildPatterns compiles the pattern table. Weights are the evidence one
// match gives on its own: >= CrisisThreshold means "enough by itself".
func buildPatterns() []*pattern {
	ps := []*pattern{
		// Wishes to die or not to exist.
		{name: "wish to die", weight: 0.85, subject: true, hyperbole: true,
			re:       re(`\b(?:want(?:ed|ing)?|would (?:love|like)|wish) to {A}(?:die|perish|be dead|not be alive|not exist|stop existing|stop living|stop breathing|cease to exist|not be here anymore|disappear (?:forever|for good|permanently)|be gone (?:forever|for good)|end it all|end my (?:own )?life|end everything|end it|end things|kill myself|off myself|not wake up|never wake up|go to sleep forever|sleep forever|fall asleep forever|rest forever)\b`),
			notAfter: re(dieIdiomAfter + `|` + endWithAfter + `|^ (?:after|once|when) (?:this|that|the|my|i)\b`)},
		{name: "intent", weight: 0.8, subject: true, hyperbole: true, check: waterLeisureCheck,
			re:       re(`\b{INTENT} {A}(?:{METHOD}|not be here anymore|stop living|stop existing|cease to exist|disappear (?:forever|for good|permanently)|leave this (?:world|earth|life))\b`),
			notAfter: re(`^ (?:with (?:him|her|them|my (?:boyfriend|girlfriend|partner|ex|husband|wife|friend|job))|between|with me|on (?:holiday|the trip)|as prescribed|on time|today as|laughing|back|into my own hands|in (?:a )?new direction|seriously|more seriously|one day at a time|off hold|off pause|to (?:the|a) (?:next level|new level))\b`)},
		{name: "method contemplation", weight: 0.75, subject: true, check: waterLeisureCheck,
			re: re(`\b(?:think|thinking|thought|thoughts|considering|considered|contemplating|contemplated|fantasi[sz]ing|dreaming|obsessing|imagining|planning|picturing|researching|stop thinking) (?:about |of |on )?{A}{METHODING}\b`)},
		{name: "thinking about jumping", weight: 0.6, subject: true,
			re:        re(`\b(?:think|thinking|thought|thoughts) (?:about|of) {A}(?:jumping|stepping out|leaping)\b`),
			notBefore: re(`\bintrusive $`),
			check:     heightsCheck},
		{name: "voices telling me to", weight: 0.75,
			re: re(`\b(?:brain|head|mind|voices?|thoughts|depression|illness|something inside me|a voice) (?:(?:will|would|does|do|can) not stop |never stops? |keeps? on |keeps |keep |is |are |has been |have been |just |always |constantly )*(?:telling|tells|told|screaming at|saying to|urging|begging|pushing|ordering) me to {A}(?:jump|die|kill myself|end it|end my life|do it|cut|hurt myself|overdose|take the pills|take them all|step in front|drive into|hang myself)\b`)},
		{name: "part of me wants to die", weight: 0.75, hyperbole: true,
			re: re(`\b(?:part of me|a part of me|half of me|some of me|something in me|everything in me|all of me) (?:\w+ )?(?:wants|wanted|is wanting|just wants|really wants) to {A}(?:die|be dead|stop existing|end it(?: all)?|kill myself|not wake up|not exist|give up on life)\b`)},
		{name: "ready to die", weight: 0.8, subject: true, hyperbole: true,
			re:       re(`\b(?:ready|prepared|decided|deciding|planning|plan|deserve|need|time for me|made up my mind|should|just want|wish i could) to {A}(?:die|perish)\b|\bshould {A}die\b|\bdeserve to die\b`),
			notAfter: re(dieIdiomAfter)},
		{name: "better off dead", weight: 0.75, subject: true, hyperbole: true,
			re: re(`\b(?:better off|happier|more at peace|better|at peace|at rest) dead\b`)},
		{name: "rather die", weight: 0.8, subject: true, hyperbole: true,
			re: re(`\b(?:would|had) {A}rather {A}(?:die|be dead|not exist|not be alive|not wake up)\b`), check: ratherCheck},
		{name: "makes me want to die", weight: 0.45, hyperbole: true,
			re: re(`\b(?:makes?|made|making) me {A}(?:want to|wish i could|wish i was|wish i were|feel like) {A}(?:die|be dead|dead|dying|kill myself|end it all|end it|end my life|disappear forever|not exist|not be alive|not be here)\b`), check: makesMeCheck},
		{name: "no wish to live", weight: 0.8, subject: true,
			re:       re(`\b(?:do not|does not|did not|no longer|never|not|can not|could not) {A}(?:want|wish|feel like|care) to {A}(?:live|be alive|exist|be here|wake up|go on|keep going|keep living|carry on|continue|be around|stay alive|survive|be in this world|be on this earth|see tomorrow|see another day|see (?:the )?morning|be alive tomorrow)\b`),
			notAfter: re(liveAfter + `|` + wakeAfter)},
		{name: "can not be bothered living", weight: 0.65, subject: true,
			re: re(`\b(?:can not|could not|can no longer) {A}be bothered (?:to )?(?:living|live|being alive|be alive|existing|exist|staying alive|stay alive|waking up|wake up|breathing)\b`), notAfter: re(liveAfter)},
		{name: "do not care if I live", weight: 0.6, subject: true,
			re: re(`\b(?:do not|does not) {A}care (?:if|whether) i (?:live|die|wake up|make it|survive)\b`)},
		{name: "not sure I want to live", weight: 0.65, subject: true, notAfter: re(liveAfter),
			re: re(`\b(?:not sure|do not know|no idea|unsure) (?:if |whether |that )?i {A}(?:want to|wanna) {A}(?:live|be alive|be here|exist|stay alive|keep living|wake up)\b`)},
		{name: "not sure I can go on", weight: 0.45, subject: true, notAfter: re(liveAfter),
			re: re(`\b(?:not sure|do not know|no idea|unsure) (?:if |whether |how (?:much )?(?:longer|long) )?i {A}(?:can|will|am going to) {A}(?:go on|keep going|keep living|carry on|hold on|survive|last|stay alive|do this|keep doing this|make it)\b`)},
		{name: "no reason to live", weight: 0.75, subject: true, hyperbole: true,
			re:       re(`\b(?:no|zero|no more|not any|not a|not one|nothing|lost (?:all |the |my )?|without (?:a |any )?|(?:do not|can not|could not|no longer) (?:see|find|have|think of|feel)(?: any| a| the| one)?) {A}(?:reason|reasons|point|purpose|will|desire|motivation) (?:(?:in|to|for|of) )?(?:me )?(?:to )?{A}(?:living|live|life|go on|going on|being alive|be alive|being here|be here|staying alive|stay alive|existing|exist|keep going|keeping going|keep living|carry on|carrying on|continuing|continue|staying|wake up|waking up|survive|surviving)\b`),
			notAfter: re(`^ (?:with|about|to (?:the|a|work|class|school|uni)|in (?:this|that|the) (?:job|city|house|relationship|class|course))\b`)},
		{name: "nothing to live for", weight: 0.75, subject: true,
			re: re(`\bnothing (?:left )?(?:to live for|worth living for|to stay (?:alive )?for|keeping me (?:here|alive|going))\b|\bnothing left for me (?:here|in this world|anymore)\b`)},
		{name: "nothing left", weight: 0.4, subject: true,
			re: re(`\bnothing left (?:for me|in me|to give|to lose)\b`)},
		{name: "what is the point of living", weight: 0.6, notAfter: re(liveAfter),
			re: re(`\bwhat is {A}the point (?:of|in) {A}(?:living|going on|being alive|life|existing|staying alive|staying|staying here|being here|carrying on|waking up|keeping going|anything anymore|trying anymore|fighting anymore|me being here|me being alive)\b`)},
		{name: "not worth living", weight: 0.75, subject: true,
			re: re(`\b(?:life|living|my life|this life|existence|it) (?:is|feels|seems|is just) (?:not|no longer|never going to be) worth (?:living|it anymore|continuing)\b|\bnot worth living\b`)},
		{name: "thinking about suicide", weight: 0.8, subject: true,
			re:       re(`\b(?:think|thinking|thought|thoughts|considering|considered|consider|contemplating|contemplated|contemplate|fantasi[sz]ing|fantasi[sz]e|dreaming|obsessing|obsessed|imagining|imagine|planning|planned|plan|idea|ideas|picturing) (?:about |of |on )?{A}(?:suicide|killing myself|kill myself|ending my (?:own )?life|end my (?:own )?life|taking my (?:own )?life|take my (?:own )?life|hanging myself|overdosing|jumping (?:off|from|in front of)|my (?:own )?suicide|ending it all|how to die|ways to die|how to kill myself|ways to kill myself|dying by suicide|killing myself)\b`),
			notAfter: re(`^ (?:prevention|awareness|rates?|statistics|research|hotlines?|lines?|helplines?|risk|survivors?|loss|bereavement|squad|notes? in)\b`)},
		{name: "thinking about ending it", weight: 0.7, subject: true,
			re:       re(`\b(?:think|thinking|thought|thoughts|considering|considered|contemplating|fantasi[sz]ing|dreaming|imagining|planning) (?:about |of |on )?{A}(?:ending (?:it|things|everything)|end (?:it|things|everything))\b`),
			notAfter: re(endWithAfter)},
		{name: "thinking about not existing", weight: 0.6, subject: true,
			re: re(`\b(?:think|thinking|thought|thoughts|fantasi[sz]ing|dreaming|imagining) (?:about |of )?{A}not (?:being here|being alive|existing|waking up|being around)\b`)},
		{name: "thinking about death", weight: 0.3, subject: true,
			re: re(`\b(?:think|thinking|thought|thoughts|fantasi[sz]ing|dreaming|obsessing|imagining) (?:about |of )?{A}(?:death|dying|my (?:own )?death|my (?:own )?funeral|being dead)\b`)},
		{name: "planning how", weight: 0.65, subject: true,
			re:    re(`\b(?:planning|plan|planned|planning out|figuring out|figured out|worked out|working out|decided|deciding|know exactly|decided on) (?:how|when|where) (?:i (?:would|will|am going to|could|can) (?:do it|die|end it|go|kill myself)|to (?:do it|die|end it|kill myself))\b`),
			check: vagueActCheck},
		{name: "suicide", weight: 0.25, subject: true,
			re:       re(`\bsuicide\b`),
			notAfter: re(`^ (?:prevention|awareness|rates?|statistics|research|hotlines?|hot line|lines?|helplines?|crisis lines?|risk|survivors?|loss|bereavement|squad|doors?|bombers?|bombing|watch|training|course|first aid|charity|charities|fundraiser|walk|month|day|week|cluster|pact)\b`)},
		{name: "suicidal", weight: 0.75, subject: true,
			re:       re(`\bsuicidal\b`),
			notAfter: re(`^ (?:{KIN}|friends?|people|persons?|patients?|teens?|teenagers?|kids?|children|child|youth|clients?|callers?|members?|users?|individuals?|someone|character|behaviou?r (?:in|among)|crisis (?:lines?|services?)|hotline|ideation (?:research|rates?|screening|among|in)|(?:thoughts|feelings|ideation|urges) (?:are|is) (?:common|normal|a symptom|not uncommon|more common|often|usually|frequent|linked|associated|higher|rising|treatable|part of)|(?:thoughts|feelings|ideation|urges) (?:can|in|among|affect))\b`)},
		{name: "kill myself", weight: 0.85, subject: true, hyperbole: true,
			re:       re(`\b(?:kill|killing|killed|kills|hang|hanging|hanged|shoot|shooting|drown|drowning|poison|poisoning|suffocate|suffocating|electrocute|stab|stabbing|end|ending|top|topping|delete|deleting|erase|erasing|unalive|unaliving) myself\b`),
			notAfter: re(`^ (?:laughing|up|from|off (?:of )?(?:social|the|this|instagram|facebook|twitter|tiktok|here)|at (?:work|the gym|the office)|with (?:work|revision|studying|exercise|training)|over (?:this|that|it|nothing)|for (?:this|that|forgetting|not|being|saying|doing|letting|missing|eating|buying|a|an|the)|trying to|to (?:get|finish|make|meet|keep|pass|impress|please|be)|studying|working|running|training|in the gym)\b`),
			check:    killMyselfCheck},
		{name: "end my life", weight: 0.85, subject: true,
			re:       re(`\b(?:end|ending|ended|ends|take|taking|took|takes|finish|finishing) my (?:own )?life\b`),
			notAfter: re(`^ (?:back|into my own hands|in (?:my|a) new direction|seriously|more seriously|one day at a time|to (?:the|a) (?:next level|new)|as i know it|in my hands|off hold|off pause)\b`)},
		{name: "end it all", weight: 0.75, subject: true, hyperbole: true,
			re:       re(`\b(?:end|ending|ended) (?:it all|everything)\b`),
			notAfter: re(`^ (?:with|between|on a|for (?:the|this|that|good measure)|and (?:start|move|begin))\b`)},
		{name: "end it", weight: 0.6, subject: true,
			re:        re(`\b(?:end|ending) (?:it|things)\b`),
			notAfter:  re(endWithAfter + `|^ (?:all|now with)\b`),
			notBefore: re(`(?:let us|how (?:do|should|can|could) i|how to|way to) $`)},
		{name: "commit suicide", weight: 0.8, subject: true, hyperbole: true,
			re: re(`\b(?:commit|committing|do|doing|attempt|attempting|try|going to try) suicide\b|\b(?:going to|will|want to|plan to|planning to) die by (?:suicide|my own hand)\b`)},
		{name: "attempt", weight: 0.8, subject: true, kind: kAttempt, hyperbole: true,
			re:       re(`\b(?:attempted(?: suicide)?|(?:tried|attempted) to (?:{METHOD}|end it|die)|overdosed|took an overdose|made (?:an|a suicide) attempt)\b`),
			notAfter: re(`^ (?:a|an|the|my|his|her|it|this|that|some|several|on (?:caffeine|coffee|tea|sugar|chocolate|easter eggs|energy drinks?|tv|netflix|cake|sweets|candy|cuteness|kindness|memes|pizza|cheese|music|books|anime|youtube|tiktok|\w+ (?:tv|shows?|series|videos))|to (?:call|reach|get|make|fix|contact|explain|talk|do|finish|cook|bake|run|draw|paint|write|learn))\b`)},
		{name: "my attempt", weight: 0.5, subject: true, kind: kAttempt,
			re:       re(`\bmy (?:suicide |last |first |second |third |most recent )?attempts?\b`),
			notAfter: re(`^ (?:at|of|was (?:a|an) (?:success|failure|disaster|mess)|to (?:bake|cook|make|learn|run|write|draw|paint|quit|fix))\b`)},

		// Self-harm.
		{name: "self-harm intent", weight: 0.75, subject: true,
			re:    re(`\b(?:going to|about to|want to|wanted to|wanting to|need to|needing to|have to|urge to|urges to|tempted to|planning to|plan to|craving to|itching to|might|ready to|will|gonna|so close to|close to|scared i will|afraid i will|worried i will|scared i am going to|afraid i am going to|worried i might|scared i might|afraid i might|feel like) {A}(?:cut(?: myself)?|self harm|harm myself|hurt myself|burn myself|sh|hit myself|punch myself|scratch myself|relapse on self harm)\b`),
			check: cutCheck},
		{name: "cutting again", weight: 0.65, subject: true, kind: kHarm,
			re:        re(`\b(?:cut|cutting)(?: myself)? {A}(?:again|deeper|too deep|harder)\b|\b(?:went|cut|cutting|cut myself) (?:too|really|so|very|pretty|quite) deep\b|\b(?:burned|burning|burnt|burn|hurt|hurting|harmed|harming|scratched|scratching|hit|hitting) myself {A}(?:again|deeper|worse|harder)\b`),
			notBefore: re(`(?:got|get|gets|getting|was|were|been|be|being|is|are|will be|my \w+|the \w+) $`),
			check:     selfActCheck},
		{name: "self-harm act", weight: 0.55, subject: true, kind: kHarm,
			re:    re(`\b(?:cut|cutting|cuts|burned|burnt|burning|burn|harmed|harming|hurt|hurting|scratched|scratching|punched|punching|hit|hitting|bruised|bruising) myself\b`),
			check: selfActCheck},
		{name: "been cutting", weight: 0.6, subject: true, kind: kHarm,
			re:    re(`\b(?:been|started|start|keep|keeps|kept|am|still|began|begun|back to) {A}(?:cutting|self harming|harming myself|hurting myself|burning myself)\b`),
			check: cutCheck},
		{name: "self harm", weight: 0.55, subject: true, kind: kHarm,
			re: re(`\bself harm(?:ed|ing|s)?\b`), check: selfHarmCheck},
		{name: "relapse self-harm", weight: 0.6, subject: true, kind: kHarm,
			re: re(`\brelapsed? (?:on |with |into |and )?(?:self harm|sh|cutting|cut|hurting myself|burning myself)\b`)},
		{name: "urges", weight: 0.6, subject: true,
			re:        re(`\b(?:self harm|sh|cutting|suicidal|suicide) (?:urges?|cravings?|impulses?)\b|\b(?:urges?|cravings?|impulses?|itch|temptation) (?:to|for) {A}(?:self harm|sh|cut|cutting|harm myself|hurt myself|burn myself|die|kill myself|end it|relapse)\b`),
			notBefore: re(`(?:resisted|resist|resisting|fought|fighting|fight|beat|beaten|ignored|managed|rode out|riding out|surfed|surfing|overcame|overcome|no|without|fewer|less|handled|coped with|got through|delay|delayed|distracted from|distracting from) (?:the |my |an? |these |those |all |with )?$`),
			check:     cutCheck},
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

		// Means and plans.
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

		// Method questions, plans with a date, and means in hand.
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
		{name: "no point anymore", weight: 0.35, subject: true, hyperbole: true,
			re: re(`\b(?:there is )?no point (?:anymore|in anything|in anything anymore|to anything|in trying anymore|in me)\b|\bwhat is (?:even )?the point anymore\b`)},
		{name: "going to do it", weight: 0.45, subject: true, hyperbole: true,
			re:    re(`\b(?:going to|gonna|will|ready to|planning to|about to|finally going to|decided to|tonight i will|tonight i am going to|want to|need to) {A}(?:do it|go through with it|make it happen|act on it)\b`),
			check: endClauseOr(0.55, re(`^ (?:tonight|today|soon|this (?:weekend|week|time)|tomorrow|right now|now|properly|for real|after|when|once|before)\b`))},
		{name: "travelled to the edge", weight: 0.45, subject: true, kind: kPrep,
			re:       re(`\b(?:drove|driven|walked|went|came|climbed|got the bus|took the bus|took a taxi) (?:up |out |down )?to (?:the|a|that) (?:bridge|cliff|cliffs|train tracks|tracks|railway|railway line|roof|rooftop|ledge|car park roof|top of (?:the|a) (?:building|car park|multi ?stor(?:e)?y))\b`),
			notAfter: re(scenicAfter + `|^ (?:to (?:see|watch|take|meet|look|walk|photograph)|with)\b`),
			check:    edgeCheck},
		{name: "remember me", weight: 0.7, kind: kPrep,
			re: re(`\b(?:please )?remember me (?:when|after|once) i am (?:gone|dead|not here)\b`)},
		{name: "ready to go", weight: 0.4, hyperbole: true, endClause: true,
			re: re(`\bi am {A}ready to go\b`)},
		{name: "this is it", weight: 0.4, endClause: true,
			re: re(`\bthis is (?:it|the end)(?: for me)?\b`)},
		{name: "closing goodbye", weight: 0.4, kind: kPrep, absence: true,
			re: re(`^\s*(?:goodbye|bye|farewell)(?: (?:everyone|everybody|all|all of you|friends|forever|for now))?\s*$`)},
		{name: "closing last post", weight: 0.6, kind: kPrep, absence: true,
			re: re(`^\s*(?:my |this is my )?(?:last|final) (?:post|message|words)(?: here| on here| ever)?\s*$`)},
		{name: "love you all", weight: 0.3, kind: kPrep,
			re: re(`^\s*(?:i )?love (?:you|you all|you guys|all of you|everyone|y'?all)\s*$`)},
		{name: "apology", weight: 0.3,
			re:    re(`\b(?:i am )?(?:so |really |truly )?sorry (?:to everyone|for everything|to all of you|for what i am about to do|for what i am going to do|for leaving|for leaving you|for being a burden|for being such a burden|for all the trouble|that i could not (?:be better|do better|stay|hold on))\b|\bplease forgive me\b`),
			check: objectWeight(0.3, objWeight{"about to do", 0.7}, objWeight{"going to do", 0.7}, objWeight{"leaving", 0.45}, objWeight{"could not stay", 0.6}, objWeight{"could not hold on", 0.6})},
		{name: "can not wait to die", weight: 0.6, subject: true, hyperbole: true,
			re: re(`\bcan not wait (?:to die|until i am dead|to be dead|for (?:death|it all to be over))\b`)},
		{name: "death would be a relief", weight: 0.6, subject: true, hyperbole: true,
			re: re(`\b(?:death|dying|being dead|not existing|not being here|killing myself) (?:would|will) (?:be )?{A}(?:such )?(?:a )?(?:relief|release|mercy|blessing|peaceful|easier than this|better than this|so much easier)\b`)},
		{name: "planning my funeral", weight: 0.6, subject: true,
			re:       re(`\b(?:planning|planned|plan|organi[sz]ing|arranging|writing) (?:my own|my) (?:funeral|exit|death)\b`),
			notAfter: re(`^ (?:from|out of|strategy|interview)\b`)},
		{name: "suicide plan", weight: 0.75, subject: true, kind: kPrep,
			re: re(`\b(?:suicide|exit) (?:plan|plans|method|date|kit)\b`)},
		{name: "had enough of life", weight: 0.6, subject: true, hyperbole: true,
			re: re(`\b(?:had|have had) (?:more than )?enough of (?:life|living|everything|it all|being alive|this life|this world|existing)\b`)},
		{name: "checking out", weight: 0.4, subject: true, endClause: true,
			re:    re(`\bi am {A}(?:checking out|going to check out)\b|\b(?:it is )?time (?:for me )?to check out\b`),
			check: endClauseOr(0.7, re(`^ (?:for good|permanently|forever|of (?:life|this life|this world))\b`))},
		{name: "time for me to go", weight: 0.45, subject: true, endClause: true,
			re: re(`\b(?:it is|it feels like it is|i think it is) {A}time (?:for me )?to (?:go|leave|say goodbye|let go)\b`)},
		{name: "see myself alive", weight: 0.65, subject: true,
			re: re(`\b(?:do not|can not|could not) (?:see|picture|imagine) myself (?:alive|being alive|still alive|here|still here|around|living|making it)(?: \w+)? (?:by|next|in|after|much longer|for long|at|this time|past|beyond|to see)\b|\b(?:do not think|doubt|do not expect|do not see how) (?:that )?i (?:will|am going to|would) (?:be alive|be here|be around|make it|survive|still be alive|still be here)(?: \w+)? (?:next|by|tomorrow|much longer|for long|after|this time next|to see|past|through)\b|\bi do not expect to (?:be alive|be here|wake up|survive)\b`)},
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

		// Time-bound finality.
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

		// Goodbyes.
		{name: "final post", weight: 0.75, kind: kPrep, absence: true,
			re:       re(`\b(?:this is|this will be|this is going to be|it is|here is|consider this|i guess this is|so this is|probably) {A}(?:my|the) (?:last|final) (?:post|message|update|entry|words|thing i (?:write|post|say)|time (?:i post|i write|you hear from me|anyone hears from me|posting))\b`),
			notAfter: re(`^ (?:of the (?:day|night|week|year)|for (?:today|tonight|the day|the night|now|a while|the week|this week|this year|the year|the month|a bit|some time|a few)|in (?:the|this) \w+ thread|before (?:i|my|the) (?:go|leave|holiday|trip|break|bed|exam|surgery|move)|about|on (?:this|the) (?:topic|subject|thread)|as (?:a )?mod|as (?:an )?admin|in this series|until|till|til)\b`)},
		{name: "not hear from me", weight: 0.7, kind: kPrep, absence: true,
			re: re(`\b(?:you will not|you all will not|nobody will|no one will|you will never) (?:hear from|see) me (?:again|anymore)\b|\bthe last (?:time )?(?:you will|anyone will) (?:hear|see) (?:from )?me\b`)},
		{name: "goodbye letters", weight: 0.8, subject: true, kind: kPrep,
			re:       re(`\b(?:goodbye|suicide|farewell) (?:letters?|notes?|messages?|texts?|videos?|emails?|voicemails?)\b|\bfinal (?:letters?|notes?)\b`),
			notAfter: re(`^ (?:in (?:the|a|that) (?:book|film|movie|show|novel|story|game|song)|from (?:the|a|my|his|her)|for (?:my|the|a) (?:coworker|colleague|teacher|boss|class|team|students?)|to (?:my|the|a) (?:old )?(?:job|school|house|home|city|team|ex))\b`),
			check:    notesCheck},
		{name: "letters to family", weight: 0.45, subject: true, kind: kPrep,
			re: re(`\b(?:wrote|written|writing|write|left|leaving|finished|drafted|drafting|recorded|recording) (?:a |my |some |the )?(?:letters?|notes?|messages?|videos?|voice messages?) (?:to|for) (?:my (?:\w+ )?{KIN}|everyone|each of|all of (?:them|you|my)|the people i (?:love|care about)|my loved ones|everybody|them|my family)\b`)},
		{name: "explaining why", weight: 0.5, subject: true, kind: kPrep,
			re: re(`\b(?:explaining|explain|to explain|telling them|tell them) why i (?:had to|have to|need to|needed to|did it|did this|am doing this|am going to|could not|can not|chose to|left|went)\b`)},
		{name: "tell them I love them", weight: 0.7, kind: kPrep,
			re:        re(`\b(?:please )?tell (?:my (?:\w+ )?{KIN}|everyone|everybody|them|him|her|my family|my friends|my loved ones) (?:that )?i (?:love|loved|am sorry|was sorry|never meant|did not mean|will miss|miss)\b`),
			notBefore: re(`(?:need to|should|want to|going to|will|have to|remember to|forgot to|always|never|can not|could not|must|gonna|try to|tried to|trying to|did not|do not|to|i|how (?:do|can|should) i|how to|wish i could|wish i had|meant to|mean to|often|sometimes|just|every day|usually|and) $`),
			notAfter:  re(`^ (?:\w+ )?(?:\w+ )?(?:more|every day|today|tomorrow|when|after (?:work|school)|on (?:her|his|their) birthday)\b`)},
		{name: "this is goodbye", weight: 0.6, kind: kPrep, absence: true,
			re:       re(`\b(?:this is|it is|so this is|i guess this is|i think this is|that is|this will be|time to say|time for me to say|i have to say|i need to say|i must say) (?:my )?goodbyes?\b`),
			notAfter: re(`^ (?:to (?:my|the|our|this|that|a|an|his|her|their|summer|winter|spring|autumn|\w+ (?:job|house|phone|car|school|city|flat|home|hair))|for now|for today|for tonight|until|till|til|see you)\b`)},
		{name: "saying goodbye", weight: 0.55, kind: kPrep, absence: true,
			notBefore: re(`\b(?:how|whether|when|where)(?: (?:do|can|should|would|could) i)? $`),
			re:        re(`\b(?:say|saying|said|wanted to say|want to say|just wanted to say|here to say|wanted to come and say|came to say|to say) {A}(?:my )?(?:goodbyes?|farewell|final goodbyes?)\b`), check: sayGoodbyeCheck},
		{name: "goodbye forever", weight: 0.6, hyperbole: true, absence: true,
			re:       re(`\bgoodbyes? (?:forever|for good|for the last time|world|cruel world|everyone|everybody|friends|my friends|y'?all|guys|you guys|all|you all|all of you|folks|people|lovelies|everyone here)\b`),
			notAfter: re(`^ (?:see you|i am off|off to|going to|night|good ?night|have a|enjoy|until|till|talk|catch|back|for now|for today|for tonight)\b`),
			check:    goodbyeForeverCheck},
		{name: "thank you for everything", weight: 0.2,
			re: re(`\bthank(?:s| you)(?: all| everyone| guys)?(?: so much)? for (?:everything|trying|all you have done|all (?:your|the) (?:help|support|kindness))\b`)},
		{name: "when I am gone", weight: 0.45, kind: kPrep,
			re: re(`\b(?:when|after|once) i am (?:gone|dead|not here anymore|not around anymore|in the ground|six feet under|in (?:my|a) grave|buried)\b|\bafter i die\b`)},
		{name: "look after them when I am gone", weight: 0.75, kind: kPrep,
			re: re(`\b(?:look after|take care of|care for|feed|walk|love|look out for) (?:my|the) \w+(?: \w+)? (?:when|after|once) i am (?:gone|dead|not here|not around)\b`)},
		{name: "giving away", weight: 0.4, subject: true, kind: kPrep,
			re:       re(`\b(?:gave|giving|give|given) away (?:all )?(?:of )?my (?:stuff|things|belongings|possessions|books|clothes|cat|dog|pets?|guitar|games|jewellery|jewelry|savings|art|records|plants|collection)\b|\b(?:gave|giving|give|given) (?:all )?(?:of )?my (?:stuff|things|belongings|possessions|books|clothes|cat|dog|pets?|guitar|games|jewellery|jewelry|savings|art|records|plants|collection) away\b`),
			notAfter: re(`^ (?:to (?:charity|a charity|the charity|goodwill|oxfam|the (?:shop|library|charity shop))|because (?:i am|we are) moving)\b`)},
		{name: "will not need them", weight: 0.6, subject: true,
			re:    re(`\b(?:will not|am not going to|will no longer) {A}need (?:them|it|anything|those|my things|my stuff|any of (?:it|this|them)) (?:anymore|soon|where i am going|after (?:tonight|this week|this weekend)|much longer)\b|\bbecause i (?:will not|am not going to) need (?:them|it)\b`),
			check: replacedCheck},

		// Burden and nobody-would-notice.
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

		// Finality and hopelessness.
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
		{name: "on my mind", weight: 0.75,
			re:    re(`\b(?:suicide|death|dying|killing myself|ending it|ending my life|ending it all|self harm|cutting) (?:is|has been|keeps|is always|is constantly|are|is all|has been all) (?:on my mind|all i (?:can )?think about|all i want|the only thing i (?:can )?think about|coming back|stuck in my head)\b|\b(?:all|the only thing) i (?:can )?(?:think about|want) is (?:suicide|dying|death|killing myself|ending it|ending my life|how to die|how to kill myself|to die|cutting|self harm)\b`),
			check: objectWeight(0.75, objWeight{"death", 0.45}, objWeight{"dying", 0.5})},
		{name: "feel like dying", weight: 0.75, subject: true, hyperbole: true,
			re:       re(`\bfeel(?:ing|s)? like {A}(?:dying|killing myself|ending it(?: all)?|ending my life|i want to die|giving up on life|not existing|disappearing forever|i should die|i should not be alive|i do not deserve to live)\b`),
			notAfter: re(dieIdiomAfter)},
		{name: "do not deserve to live", weight: 0.7, subject: true,
			re: re(`\b(?:do not|does not|no longer) deserve to (?:live|be alive|exist|be here)\b`)},
		{name: "should not be alive", weight: 0.55, subject: true,
			re:       re(`\bshould not (?:be alive|exist|be here|have been born|be on this earth|still be alive)\b`),
			notAfter: re(`^ (?:at|in|with|on|for|right now|today|tonight|because (?:i have|of))\b`)},
		{name: "sleep and never wake", weight: 0.8, subject: true,
			re:       re(`\b(?:go to sleep|going to sleep|fall asleep|falling asleep|sleep|close my eyes|go to bed|lie down)(?: \w+){0,3}? (?:and|then) {A}(?:never|not) {A}(?:have to |need to |ever )?(?:wake up|wake|open them|open my eyes|get up)(?: again)?\b`),
			notAfter: re(`^ (?:until|till|til|before|for|early|late|at|when|in (?:the|a))\b`),
			check:    neverWakeCheck},
		{name: "hope I do not wake", weight: 0.8, notAfter: re(wakeAfter),
			re: re(`\b(?:hope|hoping|wish|pray|praying) (?:that )?i {A}(?:do not|did not|never|will not|would not|could not|will never|would never|do not ever) {A}wake up\b`)},
		{name: "wish I could die", weight: 0.75,
			re: re(`\b(?:wish|hope|pray|praying|hoping) (?:that )?i (?:could |would |will )?{A}(?:die|be dead|not exist|stop existing|stop breathing|cease to exist|fade away|vanish forever|disappear forever|disappear for good|never be born|had never been born|was never born|were never born|sleep forever|go to sleep forever|never wake up|not wake up|fall asleep and never wake up|just die)\b`)},
		{name: "wish I was dead", weight: 0.75,
			re:       re(`\bwish i (?:was|were|had been) (?:dead|never born|gone|not alive|not here)\b|\bwish i (?:had )?(?:never been born|died|had died|did not exist|never existed|never woken up|not woken up|never woke up|not woke up)\b`),
			notAfter: re(`^ (?:from|for (?:the|a|this|that|now)|by|before|on (?:holiday|a trip)|to|away|abroad|out of)\b`),
			check:    wishDiedCheck},
		{name: "wish a car would hit me", weight: 0.6,
			re: re(`\b(?:wish|hope|hoping|praying|pray) (?:that )?(?:a|the|some|someone|something) (?:car|bus|truck|lorry|train|one|thing)? ?(?:would |will )?(?:hits?|run me over|kill) me\b|\b(?:wish|hope) (?:someone|something) (?:would )?kills? me\b`)},
		{name: "wish I could disappear", weight: 0.35, subject: true, hyperbole: true,
			re: re(`\bwish i could {A}disappear\b`)},
		{name: "sleep forever", weight: 0.75, subject: true, notAfter: re(`^ (?:after|once|when|this|tonight|tomorrow|until|till|on (?:the|my) (?:weekend|day off)|lol)\b`),
			re: re(`\b(?:want|wanted|wanting|wish i could|just want|would like|would love|need|ready) to {A}(?:go to sleep|sleep|fall asleep|rest|close my eyes) (?:forever|for good|permanently)\b`)},
		{name: "want it to end", weight: 0.35, subject: true, hyperbole: true,
			re:    re(`\b(?:want|need|wish for) (?:it all|everything|it|all of (?:it|this)|this|life|my life|the pain|the suffering|things) to {A}(?:end|stop|be over)(?: for good| forever| permanently)?\b`),
			check: objectWeight(0.35, objWeight{"it all", 0.6}, objWeight{"everything", 0.6}, objWeight{"life", 0.6}, objWeight{"for good", 0.6}, objWeight{"forever", 0.6}, objWeight{"permanently", 0.6}, objWeight{"the pain", 0.3}, objWeight{"the suffering", 0.3})},
		{name: "want out", weight: 0.4, subject: true, hyperbole: true,
			re:    re(`\bwant(?:ed)? out\b`),
			check: endClauseOr(0.65, re(`^ (?:for good|forever|permanently|of (?:this life|life|this world|existence|here for good))\b`))},
		{name: "join them", weight: 0.75, subject: true,
			re:       re(`\b(?:join|be with|be reunited with) (?:her|him|them|my (?:\w+ )?{KIN}|my (?:late|dead|deceased) \w+)(?: again| soon| in heaven| on the other side| wherever (?:she|he|they) (?:is|are)| in the afterlife| up there)?\b`),
			notAfter: re(`^ (?:for|at|in (?:the|a|an)|on|tomorrow|later|next|this|to (?:the|a)|when|after (?:work|school|class)|and|with|today|soon for|at the)\b`),
			check:    joinCheck},

		// Fear of one's own actions.
		{name: "scared of what I might do", weight: 0.6, subject: true,
			re:       re(`\b(?:scared|afraid|frightened|terrified|worried) (?:of|about) what i (?:might|will|could|am going to) do(?: to myself)?\b|\b(?:scared|afraid|frightened|terrified) of myself\b|\b(?:do not|can not|could not) trust myself (?:tonight|right now|to (?:stay|be|keep myself) safe|alone|anymore|around (?:my|the) (?:pills|meds|knives|razor|tablets))\b|\b(?:i am not|i do not feel|i am no longer|i no longer feel|not feeling) safe(?: with myself| from myself| tonight| right now| anymore| alone)?\b`),
			notAfter: re(`^ (?:at|in|with (?:him|her|them|my)|around (?:him|her|them|my)|walking|going|driving|to (?:go|drive|walk))\b`),
			check:    objectWeight(0.6, objWeight{"of myself", 0.5}, objWeight{"trust myself", 0.55}, objWeight{"safe", 0.55})},
		{name: "act on the thoughts", weight: 0.45, subject: true,
			re: re(`\b(?:scared|afraid|worried|terrified) (?:that )?i (?:will|might|am going to|could) act on (?:them|it|these thoughts|the thoughts|my thoughts|the urges|these urges)\b`)},
	}
	ps = append(ps, extraPatterns()...)
	ps = append(ps, probeIPatterns()...)
	ps = append(ps, probeJPatterns()...)
	for _, p := range ps {
		p.needs = newIndexedPrefilter(p.re.String())
	}
	return ps
}
