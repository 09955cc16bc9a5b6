package safety

type subject int

const (
	subjImplicit subject = iota
	subjSelf
	subjOther
)

// subjectOf finds who a phrase is about by walking back from it to the
// nearest person word. With none ("Suicidal again.", "wanna die") the author
// is meant. A person after a preposition ("letters to my kids") is an object
// and is passed over.
func subjectOf(left []string) subject {
	for i := len(left) - 1; i >= 0; i-- {
		w := left[i]
		if otherPerson[w] && isObject(left, i) {
			continue
		}
		if askingFor[w] && i+1 < len(left) && askVerbs[left[i+1]] {
			// "Does anyone know how many pills..." asks the forum; the
			// question is still the author's.
			continue
		}
		switch {
		case firstPerson[w], w == "else":
			// "else" as in "does anyone else want to die": the author too.
			return subjSelf
		case otherPerson[w]:
			return subjOther
		case i == len(left)-1 && thirdPersonVerbs[w]:
			return subjOther
		}
	}
	return subjImplicit
}

// isObject reports whether the word at i follows a preposition, directly or
// through up to two determiners ("to my kids", "with her friend", "to my
// best friend").
func isObject(left []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if prepositions[left[j]] {
			return true
		}
		if !determiners[left[j]] {
			return false
		}
	}
	return false
}

// negated reports whether a negation governs the phrase that follows left.
// It looks back a few words and stops at the subject or at a verb that takes
// the negation for itself.
func negated(left []string) bool {
	for i, n := len(left)-1, 0; i >= 0 && n < 5; i, n = i-1, n+1 {
		w := left[i]
		if negators[w] {
			return true
		}
		if w == "i" {
			// "not that I want to die", "no way I would kill myself".
			if i >= 2 && (left[i-1] == "that" || left[i-1] == "like" || left[i-1] == "way") && negators[left[i-2]] {
				return true
			}
			return false
		}
		if scopeBreak[w] {
			return false
		}
	}
	return false
}

// isHypothetical reports a conditional frame ("if I ever feel suicidal").
// "what if" is rumination and "if only" a wish; neither counts.
func isHypothetical(left []string) bool {
	for i, w := range left {
		if w == "if" && (i > 0 && left[i-1] == "what" || i+1 < len(left) && left[i+1] == "only") {
			continue
		}
		if hypothetical[w] {
			return true
		}
		if w == "case" && i > 0 && left[i-1] == "in" {
			return true
		}
	}
	return false
}

// reportedByOther reports whether left contains "X said/thinks" with X not
// the author, for patterns whose own words fix the person ("everyone would be
// better off without me").
func reportedByOther(left []string) bool {
	for i := len(left) - 1; i >= 0; i-- {
		if reportVerbs[left[i]] {
			return subjectOf(left[:i]) == subjOther
		}
	}
	return false
}

// reporterIsOther reports whether a quotation is someone else's words: a
// friend's text, a song title, a line from a book.
func reporterIsOther(reporter string) bool {
	toks := tokens(reporter)
	for i := len(toks) - 1; i >= 0; i-- {
		if reportVerbs[toks[i]] {
			return subjectOf(toks[:i]) == subjOther
		}
	}
	return subjectOf(toks) == subjOther
}

var connectives = wordSet(`and then just also finally`)

// carriedIntent reports an intent stated earlier in the sentence and carried
// into a coordinated clause: "I'm going to drink everything and take the
// rest of my pills".
func carriedIntent(c *matchCtx) bool {
	for _, w := range c.leftToks {
		if !connectives[w] {
			return false
		}
	}
	before := tokens(c.t.text[c.sentenceStart:c.start])
	n := len(before)
	for n > 0 && connectives[before[n-1]] && before[n-1] != "and" {
		n--
	}
	if n == 0 || before[n-1] != "and" {
		return false
	}
	for i := n - 2; i >= 0 && i >= n-12; i-- {
		switch before[i] {
		case "going", "gonna", "will", "want", "planning", "about", "ready", "decided", "plan", "need":
			return true
		}
	}
	return false
}
