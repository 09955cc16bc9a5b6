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
	name string
	// re is the expression as the table writes it; buildPatterns moves
	// its source to lazy and drops it.
	re     *regexp.Regexp
	lazy   lazyRegexp
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
// Each family covers a way of saying something rather than one sentence: a
// vocabulary class (times, means, body parts, the euphemisms for dying)
// crossed with the frames people use for intent, preparation and goodbyes.
//
// The order of the tables is part of the rules: of two overlapping matches
// that weigh the same, the earlier pattern's is kept (strongestPerSpan), and
// that decides the phrase a moderator is shown and the rule the learned
// model reads.
func buildPatterns() []*pattern {
	var ps []*pattern
	for _, table := range []func() []*pattern{
		wishAndIntentPatterns,
		suicideThoughtPatterns,
		selfHarmPatterns,
		meansAtHandPatterns,
		gatheredMeansPatterns,
		methodQuestionPatterns,
		resolvePatterns,
		closingWordsPatterns,
		longingPatterns,
		underWayPatterns,
		timeBoundPatterns,
		goodbyePatterns,
		burdenPatterns,
		finalityPatterns,
		passiveWishPatterns,
		lossOfControlPatterns,
		intentWithTimePatterns,
		wishInOtherWordsPatterns,
		hopelessnessPatterns,
		burdenInOtherWordsPatterns,
		decidedPlanPatterns,
		notePatterns,
		readinessPatterns,
		covertGoodbyePatterns,
		meansInOtherWordsPatterns,
		endingInOtherWordsPatterns,
		preparedMeansPatterns,
		notWakingPatterns,
		meansNowPatterns,
		selfHarmInOtherWordsPatterns,
		everyTabletPatterns,
		vanishPatterns,
		freeOfMePatterns,
		lastMessagePatterns,
		heartStopsPatterns,
		steerIntoTrafficPatterns,
		bodyHarmPatterns,
		choosingDeathPatterns,
		betterWithoutMePatterns,
		methodVerbPatterns,
		notTheirFaultPatterns,
		bladeToSkinPatterns,
		countingPillsPatterns,
		notForLongPatterns,
		notComingDownPatterns,
		onlyOptionPatterns,
		bathMeansPatterns,
		unsafePatterns,
		atLeastPatterns,
		actingNowPatterns,
		leavingWorldPatterns,
	} {
		ps = append(ps, table()...)
	}
	for _, p := range ps {
		p.lazy.src = p.re.String()
		p.re = nil
		p.needs = newIndexedPrefilter(p.lazy.src)
	}
	return ps
}
