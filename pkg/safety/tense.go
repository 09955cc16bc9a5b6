package safety

// isPastForm reports whether the phrase or the words just before it are in
// the past tense. "have had" and "have thought" are present perfect and still
// current; "the thought of" is a noun.
func isPastForm(c *matchCtx) bool {
	lt := c.leftToks
	if len(lt) > 3 {
		lt = lt[len(lt)-3:]
	}
	toks := append(append([]string(nil), lt...), tokens(c.phrase)...)
	for i, w := range toks {
		if !pastWords[w] {
			continue
		}
		if subjunctive(toks[:i]) {
			continue
		}
		if i > 0 {
			switch toks[i-1] {
			case "have", "has":
				continue
			case "the", "a", "this", "that", "my", "every", "one", "no":
				if w == "thought" {
					continue
				}
			}
		}
		return true
	}
	return false
}

// subjunctive reports "if I was gone", "I wish I were dead" and "nobody
// would know I was gone": the past form there is a mood, not a time.
func subjunctive(before []string) bool {
	for j := len(before) - 1; j >= 0 && j >= len(before)-4; j-- {
		if before[j] == "if" || before[j] == "wish" || before[j] == "rather" || before[j] == "would" {
			return true
		}
	}
	return false
}

// tenseFactor discounts accounts of the past. Preparation ("I bought a
// rope") counts in any tense unless the post places it in the past; an act
// like cutting counts when it is recent; a wish or thought in the past tense
// counts only with a marker of now ("I wanted to die all day today").
func tenseFactor(k kind, c *matchCtx) float64 {
	if k == kNow {
		return 1
	}
	if c.match(pastRe, c.clause) {
		return 0.15
	}
	pastSentence := c.match(pastRe, c.sentence)
	recent := c.match(recentRe, c.sentence)
	switch k {
	case kPrep:
		if pastSentence && !recent {
			return 0.15
		}
		return 1
	case kHarm:
		switch {
		case recent || presentCue(c.leftToks):
			return 1
		case pastSentence:
			return 0.15
		}
		return 0.7
	case kAttempt:
		switch {
		case recent:
			return 1
		case pastSentence:
			return 0.15
		}
		return 0.45
	}
	if isPastForm(c) {
		switch {
		case recent:
			return 1
		case pastSentence:
			return 0.15
		}
		return 0.45
	}
	return 1
}

// presentCue reports an ongoing act: "I've been cutting", "I keep hurting
// myself", "I am burning myself".
func presentCue(left []string) bool {
	if len(left) > 3 {
		left = left[len(left)-3:]
	}
	for _, w := range left {
		switch w {
		case "am", "been", "keep", "keeps", "still", "started", "again", "currently":
			return true
		}
	}
	return false
}
