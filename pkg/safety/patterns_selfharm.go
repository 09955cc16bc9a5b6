package safety

import (
	"regexp"
	"strings"
)

// Self-harm: intent, acts on a part of the body, relapse and urges. Acts
// count when recent or ongoing (kHarm).

// selfHarmPatterns returns the patterns for self-harm: intent, acts, relapse and urges.
func selfHarmPatterns() []*pattern {
	return []*pattern{
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
	}
}

// selfHarmInOtherWordsPatterns returns the patterns for self-harm in other words.
func selfHarmInOtherWordsPatterns() []*pattern {
	return []*pattern{
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

// bodyHarmPatterns returns the patterns for cutting or hitting a part of the body.
func bodyHarmPatterns() []*pattern {
	return []*pattern{
		{name: "slice a body part", weight: 0.75, subject: true,
			re:    reX(`\b{INTENT} {A}(?:cut|slice|carve|slash|burn|gouge|open up)(?: up| into| open)? my {BODY}\b|\b(?:carve|carving|carved|slice|slicing|sliced|slash|slashing|slashed) (?:up |into )?my {BODY}\b`),
			check: carelessCheck},
		{name: "hurt until it breaks", weight: 0.6, subject: true, kind: kHarm,
			re: reX(`\b(?:punch|punching|punched|hit|hitting|smash|smashing|smashed|bang|banging|banged|slam|slamming|slammed|headbutt|headbutting) (?:my (?:head|fist|fists|hand|hands) (?:against|into|on) )?(?:the |a |my )?(?:wall|walls|mirror|window|door|floor)s? (?:until|till|til) (?:my (?:\w+ )?(?:hand|hands|knuckles|fist|fists|head|fingers) (?:bleed|bleeds|bled|break|breaks|broke|split|splits|crack|cracks)|i (?:bleed|break something|pass out|black out))\b`)},
	}
}

// bladeToSkinPatterns returns the patterns for a blade put to the skin.
func bladeToSkinPatterns() []*pattern {
	return []*pattern{
		{name: "blade to my skin", weight: 0.7, subject: true, kind: kHarm,
			re: reX(`\b(?:take|taking|took|put|putting|hold|holding|press|pressing|drag|dragging|run|running) (?:a|the|my) (?:blade|razor|razor blade|knife|scissors|lighter|compass|shard|glass) (?:to|against|into|across|over) my {BODY}\b`)},
	}
}

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

// nearMissLeft: "nearly relapsed", "almost cut" are not acts.
var nearMissLeft = regexp.MustCompile(`\b(?:nearly|almost|did not|do not|never|not)(?: \w+)? $`)

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

var carelessRe = regexp.MustCompile(`\b(?:not careful|by accident|accidentally|clumsy|oops)\b`)

// carelessCheck: "I'm going to burn my hand on this pan if I'm not careful"
// is an accident foretold.
func carelessCheck(c *matchCtx, w float64) float64 {
	if carelessRe.MatchString(c.sentence) {
		return 0
	}
	return selfActCheck(c, w)
}
