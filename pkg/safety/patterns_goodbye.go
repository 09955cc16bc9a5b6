package safety

import (
	"regexp"
)

// Goodbyes and notes: final posts, letters, things given away, words left
// for after. Many are ordinary partings, so the checks ask for company.

// closingWordsPatterns returns the patterns for closing words: remember me, ready to go, a last line, an apology.
func closingWordsPatterns() []*pattern {
	return []*pattern{
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
	}
}

// goodbyePatterns returns the patterns for goodbyes, letters, and things given away.
func goodbyePatterns() []*pattern {
	return []*pattern{
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
	}
}

// notePatterns returns the patterns for notes and words left for after.
func notePatterns() []*pattern {
	return []*pattern{
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
	}
}

// covertGoodbyePatterns returns the patterns for a goodbye in everyday words.
func covertGoodbyePatterns() []*pattern {
	return []*pattern{
		{name: "covert goodbye", weight: 0.7, kind: kPrep,
			re:       reX(`\b(?:said|say|saying|wanted to say) (?:my )?goodbyes? (?:to (?:\w+ ){1,3})?without (?:her|him|them|anyone|anybody|my \w+) (?:knowing|realising|realizing|noticing)\b|\bit was (?:a |the |my )?(?:last |final )?goodbye\b`),
			notAfter: re(`^ (?:to|for|from|at|in)\b`)},
	}
}

// lastMessagePatterns returns the patterns for a last message to the forum.
func lastMessagePatterns() []*pattern {
	return []*pattern{
		{name: "last time I talk to you", weight: 0.7, kind: kPrep, absence: true,
			re: reX(`\bthe last time i (?:will|am going to|will ever|ever) (?:talk|speak|write|post|chat) (?:to|with|here|on here)(?: any of)?(?: you| you all| you guys| everyone| anyone| this (?:forum|group|community))?\b`)},
		{name: "not posting again", weight: 0.7, kind: kPrep, absence: true,
			re:    reX(`\b(?:posting|post|writing|be back|coming back|come back|logging on|log on) (?:here |on here )?(?:again|anymore|ever again)\b`),
			check: notPostingCheck},
	}
}

// notTheirFaultPatterns returns the patterns for telling family it is not their fault.
func notTheirFaultPatterns() []*pattern {
	return []*pattern{
		{name: "not her fault", weight: 0.6,
			re:    reX(`\b(?:tell|please tell) (?:my (?:\w+ )?{KIN}|{KIN}|everyone|them|her|him) (?:that )?(?:it is|it was|this is|this was|none of this is) not (?:her|his|their|your|anyone's|anybody's|my \w+'s) fault\b`),
			check: endClauseOr(0.6, re(`^ (?:for good|forever)\b`))},
	}
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

var aboutNotesLeft = regexp.MustCompile(`(?:about|on|regarding|read|reading|found|find|finding|saw|see|seen) (?:the |a |an |some |his |her |their )?$`)

// notesCheck: writing a goodbye letter counts, reading about one does not.
func notesCheck(c *matchCtx, w float64) float64 {
	if aboutNotesLeft.MatchString(c.left) {
		return 0.15
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

var notPostingLeftRe = regexp.MustCompile(`\bi (?:will not|am not going to|will never) (?:be )?$`)

// notPostingCheck: "I won't be posting again" is a last message; "I'll be
// posting again tomorrow" is not.
func notPostingCheck(c *matchCtx, w float64) float64 {
	if notPostingLeftRe.MatchString(c.left) {
		return w
	}
	return 0
}
