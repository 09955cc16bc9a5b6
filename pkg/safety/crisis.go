package safety

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

// ruleThreshold is the rule score from which the rules alone read a text
// as a crisis. A single strong statement ("I want to die", "I bought a
// rope") reaches it on its own; weaker signals ("I'm done", "I feel like a
// burden") need company.
const ruleThreshold = 0.5

// matchFloor hides signals so weak that listing them would only distract a
// moderator.
const matchFloor = 0.2

// ruleResult is what the phrase rules found in one text.
type ruleResult struct {
	// score is in [0,1]; it combines the weights of every matched phrase as
	// independent pieces of evidence (1 - Π(1-w)).
	score float64
	// hits are the strongest match of each span, in text order.
	hits []hit
}

// matches are the phrases that raised the score, in text order, in the
// normalised form the rules saw (lower case, contractions and slang
// expanded: "gonna kms" reads "going to kill myself").
func (r ruleResult) matches() []string {
	var out []string
	seen := make(map[string]bool)
	for _, h := range r.hits {
		if h.weight >= matchFloor && !seen[h.phrase] {
			seen[h.phrase] = true
			out = append(out, h.phrase)
		}
	}
	return out
}

// rules are the compiled phrase patterns with their literal index. They
// are read-only, so one value serves any number of goroutines.
type rules struct {
	patterns []*pattern
	index    *literalIndex
	guards   map[*regexp.Regexp]idFilter
}

// sharedCompiled compiles the pattern table once per process; every
// Detector points at the same read-only state.
var sharedCompiled = sync.OnceValue(compilePatterns)

func sharedPatterns() []*pattern { return sharedCompiled().patterns }

func sharedRules() *rules {
	c := sharedCompiled()
	return &rules{patterns: c.patterns, index: c.index, guards: c.guards}
}

type hit struct {
	start, end int
	weight     float64
	phrase     string
	pattern    string
}

// assess runs the rules over normalised text. Empty or unrelated text
// scores 0.
func (r *rules) assess(normalised string) ruleResult {
	t := analyse(normalised)
	var hits []hit
	// Patterns never span a sentence break, so each runs only on the
	// sentences its literals allow; most sentences of a long post are
	// skipped without touching a regular expression.
	inText, inSentence := r.index.scan(t.text, t.sentences)
	t.inText, t.inSentence, t.guards = inText, inSentence, r.guards
	t.help = t.matchText(helpRe)
	t.bereaved = t.matchText(deathRe)
	for _, p := range r.patterns {
		if !p.ids.allows(inText) {
			continue
		}
		for si, sp := range t.sentences {
			if !p.ids.allows(inSentence[si]) {
				continue
			}
			sentence := t.text[sp.start:sp.end]
			for _, loc := range p.re.FindAllStringIndex(sentence, -1) {
				start, end := sp.start+loc[0], sp.start+loc[1]
				c := t.context(start, end)
				if w := p.score(c); w > 0 {
					hits = append(hits, hit{start: start, end: end, weight: w, phrase: c.phrase, pattern: p.name})
				}
			}
		}
	}
	res := ruleResult{hits: strongestPerSpan(hits)}
	keep := 1.0
	for _, h := range res.hits {
		keep *= 1 - h.weight
	}
	res.score = clamp01(1 - keep)
	return res
}

// strongestPerSpan keeps, among overlapping hits, only the strongest, so one
// sentence matched by a general and a specific pattern counts once. The
// result is in text order.
func strongestPerSpan(hits []hit) []hit {
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].weight != hits[j].weight {
			return hits[i].weight > hits[j].weight
		}
		return hits[i].start < hits[j].start
	})
	var kept []hit
	for _, h := range hits {
		overlaps := false
		for _, k := range kept {
			if h.start < k.end && k.start < h.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, h)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

func clamp01(x float64) float64 {
	switch {
	case x < 0:
		return 0
	case x > 1:
		return 1
	}
	return x
}

type span struct{ start, end int }

// textInfo is a normalised text with its sentence, clause and quotation
// structure, computed once per Assess call.
type textInfo struct {
	text      string
	sentences []span
	bounds    []span
	quotes    []span
	help      bool
	bereaved  bool
	// inText and inSentence are the indexed literals present in the text
	// and in each sentence; guards are the prefilters of the context
	// expressions, over the same index (see guardedRegexps).
	inText     bitset
	inSentence []bitset
	guards     map[*regexp.Regexp]idFilter
	// matched remembers what match found, because every match in a
	// sentence asks again whether the sentence is past or recent.
	matched map[matchKey]bool
}

type matchKey struct {
	re *regexp.Regexp
	s  string
}

func analyse(text string) *textInfo {
	t := &textInfo{text: text}
	start := 0
	for i := 0; i < len(text); i++ {
		ch := text[i]
		if ch != '.' && ch != '!' && ch != '?' {
			continue
		}
		if ch == '.' && i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) {
			continue
		}
		if i > start {
			t.sentences = append(t.sentences, span{start, i})
		}
		start = i + 1
	}
	if start < len(text) {
		t.sentences = append(t.sentences, span{start, len(text)})
	}
	t.bounds = clauseBounds(text)
	open := -1
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case quoteOpen:
			open = i
		case quoteClose:
			if open >= 0 {
				t.quotes = append(t.quotes, span{open, i})
				open = -1
			}
		}
	}
	return t
}

// matchText is re.MatchString(t.text), skipping the expression when the
// text lacks the literals every match of re needs.
func (t *textInfo) matchText(re *regexp.Regexp) bool {
	if f, ok := t.guards[re]; ok && !f.allows(t.inText) {
		return false
	}
	return re.MatchString(t.text)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// clauseWords are the words clauseBoundaryRe ends a clause at. None is a
// prefix of another and each must be a whole word, so at most one can match
// at a position and their order does not matter.
var clauseWords = []string{"but", "however", "though", "although", "yet", "and", "while", "whereas", "because", "cause"}

// clauseBounds returns clauseBoundaryRe.FindAllStringIndex(text, -1) as
// spans without running the expression, which took a tenth of Assess on an
// ordinary post. The alternatives start with different bytes (punctuation,
// a space, a letter), so the leftmost match is the first position where one
// of them matches; \b is Go's ASCII word boundary, and a byte of a
// multi-byte rune is never a word byte, just as the rune is not.
func clauseBounds(text string) []span {
	var out []span
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == quoteOpen || c == quoteClose:
			out = append(out, span{i, i + 1})
			i++
			continue
		case c == ' ' && strings.HasPrefix(text[i:], " - "):
			out = append(out, span{i, i + 3})
			i += 3
			continue
		}
		if i == 0 || !isWordByte(text[i-1]) {
			if w := clauseWordAt(text, i); w > 0 {
				out = append(out, span{i, i + w})
				i += w
				continue
			}
		}
		i++
	}
	return out
}

// clauseWordAt returns the length of the clause word that starts at i and
// ends at a word boundary, 0 if none does.
func clauseWordAt(text string, i int) int {
	// Most words start with none of the clause words' first letters, and
	// the byte test is much cheaper than ten prefix tests.
	switch text[i] {
	case 'b', 'h', 't', 'a', 'y', 'w', 'c':
	default:
		return 0
	}
	for _, w := range clauseWords {
		end := i + len(w)
		if strings.HasPrefix(text[i:], w) && (end == len(text) || !isWordByte(text[end])) {
			return len(w)
		}
	}
	return 0
}

// isWordByte is \w, the word class of \b: [0-9A-Za-z_].
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func (t *textInfo) sentenceAt(pos int) span {
	s, _ := t.sentenceIndex(pos)
	return s
}

// sentenceIndex returns the sentence holding pos and its index, or the
// whole text and -1 when pos is in none.
func (t *textInfo) sentenceIndex(pos int) (span, int) {
	for i, s := range t.sentences {
		if pos >= s.start && pos < s.end {
			return s, i
		}
	}
	return span{0, len(t.text)}, -1
}

// matchCtx is everything a pattern may look at around one match.
type matchCtx struct {
	t        *textInfo
	phrase   string
	sentence string
	clause   string
	left     string   // clause text before the match
	rest     string   // clause text after the match
	leftToks []string // words of left
	after    string   // all text after the match
	quoted   bool
	reporter string // sentence text before the opening quote
	// start and sentenceStart locate the match in t.text.
	start, sentenceStart int
	// sentenceLits are the indexed literals present in sentence.
	sentenceLits bitset
}

// match is re.MatchString(s). When s is part of the match's sentence (the
// clause, the words either side, the sentence itself) and the sentence
// lacks the literals every match of re needs, no part of it can match and
// the expression is not run: the context expressions are large
// alternations that cost microseconds each on text they do not match.
func (c *matchCtx) match(re *regexp.Regexp, s string) bool {
	if f, ok := c.t.guards[re]; ok && c.sentenceLits != nil && strings.Contains(c.sentence, s) && !f.allows(c.sentenceLits) {
		return false
	}
	k := matchKey{re, s}
	if m, ok := c.t.matched[k]; ok {
		return m
	}
	m := re.MatchString(s)
	if c.t.matched == nil {
		c.t.matched = make(map[matchKey]bool)
	}
	c.t.matched[k] = m
	return m
}

func (t *textInfo) context(start, end int) *matchCtx {
	s, si := t.sentenceIndex(start)
	cs, ce := s.start, s.end
	for _, b := range t.bounds {
		if b.end <= start && b.end > cs && b.start >= s.start {
			cs = b.end
		}
		if b.start >= end && b.start < ce {
			ce = b.start
		}
	}
	if ce < end {
		ce = end
	}
	c := &matchCtx{
		t:             t,
		phrase:        strings.TrimSpace(t.text[start:end]),
		sentence:      t.text[s.start:s.end],
		clause:        t.text[cs:ce],
		left:          t.text[cs:start],
		rest:          t.text[end:ce],
		after:         t.text[end:],
		start:         start,
		sentenceStart: s.start,
		sentenceLits:  t.inText,
	}
	if si >= 0 && si < len(t.inSentence) {
		c.sentenceLits = t.inSentence[si]
	}
	c.leftToks = tokens(c.left)
	for _, q := range t.quotes {
		if q.start < start && start < q.end {
			c.quoted = true
			qs := t.sentenceAt(q.start)
			c.reporter = t.text[qs.start:q.start]
			break
		}
	}
	return c
}

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
