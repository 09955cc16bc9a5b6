package safety

import (
	"regexp"
	"strings"
)

// Suicidal ideation in words: a wish to be dead or not to wake, thoughts of
// suicide, intent, and longing for death as relief. These are the first
// rungs of the Columbia scale (C-SSRS): wish, thoughts, intent.

// wishAndIntentPatterns returns the patterns for wishes to die or not to exist, with intent and reasons to live stated in words.
func wishAndIntentPatterns() []*pattern {
	return []*pattern{
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
	}
}

// suicideThoughtPatterns returns the patterns for thoughts of suicide, the plain words for it, and attempts.
func suicideThoughtPatterns() []*pattern {
	return []*pattern{
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
	}
}

// longingPatterns returns the patterns for longing for death: relief, a funeral planned, checking out, no future seen.
func longingPatterns() []*pattern {
	return []*pattern{
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
	}
}

// passiveWishPatterns returns the patterns for passive wishes: to die in one's sleep, not to wake, to be hit, to join the dead.
func passiveWishPatterns() []*pattern {
	return []*pattern{
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
	}
}

// wishInOtherWordsPatterns returns the patterns for wishes in other words: to be gone, not to wake, death as comfort.
func wishInOtherWordsPatterns() []*pattern {
	return []*pattern{
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
	}
}

// endingInOtherWordsPatterns returns the patterns for the end in other words: peace only in death, it will be over soon, do not stop me.
func endingInOtherWordsPatterns() []*pattern {
	return []*pattern{
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
	}
}

// notWakingPatterns returns the patterns for not waking up.
func notWakingPatterns() []*pattern {
	return []*pattern{
		{name: "not going to wake up", weight: 0.6, subject: true,
			re:       reX(`\b(?:am not going to|will not|will never|am never going to|not gonna) {A}wake up (?:tomorrow|again|in the morning|ever again|this time)\b`),
			notAfter: re(wakeAfter)},
	}
}

// vanishPatterns returns the patterns for vanishing for good.
func vanishPatterns() []*pattern {
	return []*pattern{
		{name: "vanish for good", weight: 0.6, subject: true, hyperbole: true,
			re: reX(`\b{INTENT} {A}(?:vanish|disappear|fade away|cease to be)(?: this time)? (?:for good|forever|permanently|without a trace|off the face of the earth)\b`)},
	}
}

// heartStopsPatterns returns the patterns for a heart that stops, eyes that never open again.
func heartStopsPatterns() []*pattern {
	return []*pattern{
		{name: "heart or eyes never again", weight: 0.75, subject: true,
			re:       reX(`\bmy (?:heart|breathing) (?:will |would |to |just |finally )?(?:stop|stops|give out|gives out|give up|gives up)\b|\bmy eyes (?:never|do not|will not|would not|will never|would never|do not ever) {A}open (?:again|tomorrow|in the morning|ever again)\b`),
			notAfter: heartIdiomRe,
			check:    wishCueCheck},
	}
}

// choosingDeathPatterns returns the patterns for choosing death, a last wish to die.
func choosingDeathPatterns() []*pattern {
	return []*pattern{
		{name: "choosing death", weight: 0.75, subject: true,
			re:    reX(`\b(?:choosing|choose|chose|chosen|picking|opting for|opt for|opted for) (?:death|to die|to end it|to end my life|suicide|to kill myself|to not be here|not to live|not to be alive|not to wake up)\b`),
			check: choosingDeathCheck},
		{name: "last wish is to die", weight: 0.8, subject: true,
			re:       reX(`\bmy (?:last|only|final|one|dying|biggest|greatest|deepest|real) (?:wish|dream|hope|desire|goal|plan|want) (?:is|would be|right now is) (?:to|that i|for me to) {A}(?:die|be dead|not wake up|stop existing|not exist|{METHOD})\b`),
			notAfter: re(dieIdiomAfter)},
	}
}

// onlyOptionPatterns returns the patterns for death as the only option left.
func onlyOptionPatterns() []*pattern {
	return []*pattern{
		{name: "death the only thing left", weight: 0.7, subject: true,
			re: reX(`\b(?:suicide|death|dying|ending it|ending my life|killing myself|the end|not existing|being dead) (?:is|feels like|seems like|seems|feels) (?:like )?(?:the )?only (?:option|answer|choice|way out|escape|thing (?:that makes sense|left|i have left|i want|to look forward to|i look forward to|i can think of|that would help|i have left to look forward to))\b|\blooking forward to (?:dying|death|being dead|my death|not existing|not being here)\b`)},
	}
}

// atLeastPatterns returns the patterns for if I die, at least the pain stops.
func atLeastPatterns() []*pattern {
	return []*pattern{
		{name: "if I die at least", weight: 0.6, subject: true,
			re: reX(`\bif i (?:die|am dead|was dead|were dead|do not wake up|go|end it|kill myself)(?: \w+){0,2},? (?:then )?at least (?:the pain|it|everything|this|the hurt|the suffering|i) (?:will |would |finally )?(?:stop|stops|end|ends|be over|is over|stop hurting|be free|am free)\b`)},
	}
}

// leavingWorldPatterns returns the patterns for leaving this world.
func leavingWorldPatterns() []*pattern {
	return []*pattern{
		{name: "leaving this world", weight: 0.75, subject: true,
			re:       reX(`\b(?:i am|am) {A}(?:leaving|departing|exiting|quitting|checking out of) (?:this|the) (?:world|earth|life|planet)\b`),
			notAfter: re(`^ (?:of|behind|for a|for the|to go)\b`)},
	}
}

var commandLeftRe = regexp.MustCompile(`\b(told|tell|tells|telling|said|says|saying|asked|asks|wants|wanted|want|urging|urged|urges|encouraged|encouraging|dared|daring|ordering|ordered) me to (?:\w+ )?$`)

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

// vagueActCheck: planning how to "do it" is a plan, but merely knowing how
// one will "do it" means dying only in a post that talks of dying.
func vagueActCheck(c *matchCtx, w float64) float64 {
	if strings.HasPrefix(c.phrase, "know") && (strings.HasSuffix(c.phrase, " do it") || strings.HasSuffix(c.phrase, " go")) && !deathTalkRe.MatchString(c.t.text) {
		return 0.35
	}
	return w
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

// continueLifeCheck: "I'm not going to continue it" is about life only when
// the sentence names life.
func continueLifeCheck(c *matchCtx, w float64) float64 {
	if strings.HasSuffix(c.phrase, " it") && !lifeWordRe.MatchString(c.sentence) {
		return 0
	}
	return w
}

var heartIdiomRe = regexp.MustCompile(`^ (?:racing|pounding|beating (?:so|this)|hurting|aching|breaking|skipping|fluttering|doing that|from (?:racing|pounding))\b`)

var wishCueLeftRe = regexp.MustCompile(`\b(?:hope|hoping|wish|wishing|pray|praying|want|wanting|please|let|just want|would love)\b`)

var overTrivialRe = regexp.MustCompile(`^ (?:over|than|instead of)\b`)

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

// waterLeisureCheck: going into the river for a kayaking lesson is not
// drowning.
func waterLeisureCheck(c *matchCtx, w float64) float64 {
	if waterRe.MatchString(c.phrase) && leisureRe.MatchString(c.sentence) {
		return 0
	}
	return w
}
