package safety

import (
	"regexp"
	"strings"
)

// deliberateRe finds planning in front of a phrase.
var deliberateRe = regexp.MustCompile(`\b(?:planning|plan|planned|decided|deciding|made up my mind|picked|chosen|intend|intending)\b`)

// timeWordsRe finds trivial-cause words used as times: in "sick of waking
// up every morning" the morning is when, not why.
var timeWordsRe = regexp.MustCompile(`\b(?:every|each|this|tomorrow|on a|in the|all) (?:morning|mornings|monday|mondays|day|night|evening)\b`)

func stripTimes(s string) string {
	if strings.Contains(s, "result") || strings.Contains(s, "grade") || strings.Contains(s, "mark") {
		// Results are news, not a nuisance: "after my exam results come
		// out I'm going to kill myself" names a date and a real cause.
		s = resultsRe.ReplaceAllString(s, " results ")
	}
	if !strings.Contains(s, "morning") && !strings.Contains(s, "monday") {
		return s
	}
	return timeWordsRe.ReplaceAllString(s, " ")
}

// resultsRe finds the outcome of an exam, which is not a trivial cause.
var resultsRe = regexp.MustCompile(`\b(?:exams?|tests?|a levels?|gcses?|finals?|quiz|essays?|assignments?) (?:results?|grades?|marks?|scores?)\b`)

// hyperboleFactor discounts figures of speech: a death wish next to a
// trivial cause, or with laughter.
func hyperboleFactor(c *matchCtx) float64 {
	if c.match(deliberateRe, c.left) && !c.match(laughRe, c.sentence) {
		// Nobody plans a figure of speech: in "I'm planning to kill myself
		// after my exams" the exams are a date, not a cause.
		return 1
	}
	// The phrase itself is left out: "in front of a bus" names a method,
	// not a nuisance.
	f := 1.0
	left, rest := stripTimes(c.left), stripTimes(c.rest)
	switch {
	case c.match(trivialRe, left) || c.match(trivialRe, rest):
		f = 0.15
	case c.match(trivialRe, stripTimes(strings.Replace(c.sentence, c.phrase, " ", 1))):
		f = 0.5
	}
	if c.match(laughRe, c.sentence) {
		if f < 1 {
			f = 0.1
		} else {
			f = 0.6
		}
	}
	return f
}
