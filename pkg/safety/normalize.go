package safety

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Quoted speech is marked with these control characters so that later stages
// can tell the author's words from the words they report. Control characters
// in the input are removed first, so the markers cannot be forged.
const (
	quoteOpen  = '\x01'
	quoteClose = '\x02'
)

// laughEmoji are read as laughter: "I'm dead 💀" is a joke, not a report.
var laughEmoji = map[rune]bool{
	'😂': true, '🤣': true, '💀': true, '😆': true, '😹': true, '😅': true,
}

// slang maps single tokens (already lower-cased) to their plain form. It covers
// apostrophe-less contractions, chat abbreviations and the euphemisms people
// use to get past filters on social media.
var slang = map[string]string{
	"im": "i am", "ive": "i have", "dont": "do not", "cant": "can not", "cannot": "can not",
	"wont": "will not", "didnt": "did not", "doesnt": "does not", "isnt": "is not",
	"wasnt": "was not", "werent": "were not", "arent": "are not", "couldnt": "could not",
	"wouldnt": "would not", "shouldnt": "should not", "havent": "have not", "hasnt": "has not",
	"hadnt": "had not", "aint": "is not", "thats": "that is", "theres": "there is",
	"whats": "what is", "shes": "she is", "hes": "he is", "youre": "you are",
	"theyre": "they are", "theyve": "they have", "youve": "you have", "everyones": "everyone is",
	"everybodys": "everybody is", "nobodys": "nobody is", "itll": "it will", "ill've": "i will have",
	"gonna": "going to", "gunna": "going to", "finna": "going to", "wanna": "want to",
	"wana": "want to", "gotta": "got to", "tryna": "trying to", "kinda": "kind of",
	"sorta": "sort of", "outta": "out of", "lemme": "let me", "gimme": "give me",
	"dunno": "do not know", "idk": "i do not know", "idc": "i do not care", "ik": "i know",
	"u": "you", "ur": "your", "r": "are", "ya": "you", "ppl": "people", "rn": "right now",
	"atm": "at the moment", "tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow",
	"tomoz": "tomorrow", "tomorow": "tomorrow", "tommorow": "tomorrow", "tommorrow": "tomorrow",
	"2moro": "tomorrow", "2morrow": "tomorrow", "2day": "today", "2nite": "tonight",
	"2night": "tonight", "tonite": "tonight", "tnite": "tonight", "bc": "because",
	"bcos": "because", "bcuz": "because", "cuz": "because", "coz": "because", "cos": "because",
	"becuz": "because", "becuase": "because", "becasue": "because", "b4": "before",
	"abt": "about", "smth": "something", "sth": "something", "every1": "everyone",
	"any1": "anyone", "no1": "no one", "noone": "no one", "some1": "someone",
	"pls": "please", "plz": "please", "srsly": "seriously", "alot": "a lot",
	"everyday": "every day", "nomore": "no more",
	"goin": "going", "tryin": "trying", "livin": "living", "nothin": "nothing",
	"somethin": "something", "thinkin": "thinking", "cuttin": "cutting", "killin": "killing",
	"dyin": "dying", "bf": "boyfriend", "gf": "girlfriend", "bff": "best friend",
	"bestie": "best friend", "wnat": "want", "wamt": "want", "kil": "kill",
	// Fillers that often precede a disclosure. "ngl" literally contains a
	// negation that must not leak into the next clause.
	"ngl": "honestly", "tbh": "honestly", "tbf": "honestly", "imo": "honestly",
	"imho": "honestly", "fr": "honestly", "frfr": "honestly", "lowkey": "honestly",
	"deadass": "honestly", "istg": "honestly",
	// Self-referential euphemisms.
	"kms": "kill myself", "kmsl": "lol", "kys": "kill yourself", "ctb": "kill myself",
	"od": "overdose", "oding": "overdosing", "oded": "overdosed", "od'd": "overdosed",
	"od'ing": "overdosing", "selfharm": "self harm", "selfharming": "self harming",
	"selfharmed": "self harmed", "sewerslide": "suicide", "sewerslided": "suicided",
	"sewerslidal": "suicidal", "suicidial": "suicidal", "unalive": "die",
	"unalived": "died", "unaliving": "dying",
	// Laughter marks hyperbole.
	"lol": "lol", "lmao": "lol", "lmfao": "lol", "rofl": "lol", "lolol": "lol",
	"lolz": "lol", "xd": "lol", "lel": "lol", "kek": "lol", "jk": "lol", "haha": "lol",
	"hahaha": "lol", "hahahaha": "lol", "hehe": "lol", "hehehe": "lol",
}

// isContraction lists the words whose "'s" means "is"; elsewhere it is a
// possessive and is kept.
var isContraction = map[string]bool{
	"it": true, "that": true, "there": true, "here": true, "what": true, "who": true,
	"he": true, "she": true, "everyone": true, "everybody": true, "nobody": true,
	"everything": true, "nothing": true, "life": true, "tonight": true, "today": true,
	"where": true, "how": true, "this": true, "someone": true, "somebody": true,
}

// fuzzyTargets are words that matter to the detector and are long enough that
// a single typo cannot turn another English word into them.
var fuzzyTargets = []string{"suicide", "suicidal", "myself", "anymore", "tonight", "goodbye"}

var (
	urlRe        = regexp.MustCompile(`https?://\S+|www\.\S+`)
	hyphenWordRe = regexp.MustCompile(`([a-z])-([a-z])`)
	// tokenRe and whitespaceRe define what expandTokens and collapseSpace
	// do by hand; TestScannersMatchRegexps holds them to it.
	tokenRe       = regexp.MustCompile(`[a-z0-9']+`)
	whitespaceRe  = regexp.MustCompile(`\s+`)
	phraseRewrite = []rewrite{
		newRewrite(`\bmy self\b`, "myself"),
		newRewrite(`\bany (?:more|longer)\b`, "anymore"),
		newRewrite(`\bsewer ?slide\b`, "suicide"),
		newRewrite(`\bsewer ?slidal\b`, "suicidal"),
		newRewrite(`\bself harm(s|ed|ing)?\b`, "self harm$1"),
		newRewrite(`\bun ?alive myself\b`, "kill myself"),
		newRewrite(`\bdie myself\b`, "kill myself"),
		newRewrite(`\bdied myself\b`, "killed myself"),
		newRewrite(`\bdying myself\b`, "killing myself"),
		newRewrite(`\b(want|need|going|have|got|used|ready) 2\b`, "$1 to"),
		// "I'd never woken up" is "I had", not "I would".
		newRewrite(`\b(i|you|he|she|we|they) would (never |not |just |already )?(been|woken|gone|died|done|had|seen|known|met|taken|given|written|left|felt|lost|become|tried|thought|wanted)\b`, "$1 had $2$3"),
		// Emphatic preambles contain a negation that would otherwise cancel
		// the disclosure that follows ("not gonna lie, I want to die").
		newRewrite(`\b(?:i am |i will )?not (?:going to|gon) lie\b|\bi will not lie\b|\bto be (?:honest|truthful)\b|\bif i am (?:being )?(?:honest|truthful)\b|\b(?:i am )?not (?:even )?(?:joking|kidding|exaggerating)\b|\bno joke\b|\bnot to be dramatic\b`, "honestly"),
		newRewrite(`\bs[u*]+[i1!*]+c[i1!*]+d(e|al)\b`, "suicid$1"),
	}
)

// rewrite is one phrase-level substitution, skipped cheaply when the text
// lacks the literals every match needs.
type rewrite struct {
	re    *regexp.Regexp
	needs prefilter
	with  string
}

func newRewrite(src, with string) rewrite {
	return rewrite{re: regexp.MustCompile(src), needs: newPrefilter(src), with: with}
}

// rewriteFilters are the prefilters of phraseRewrite over one literal
// index, so that the fourteen rewrites cost one scan of the text instead of
// a strings.Contains per literal (the "honestly" rewrite alone has dozens).
type rewriteFilters struct {
	index *literalIndex
	ids   []idFilter // ids[i] is phraseRewrite[i].needs
}

var rewriteIndex = sync.OnceValue(func() rewriteFilters {
	x := newLiteralIndex()
	ids := make([]idFilter, len(phraseRewrite))
	for i, p := range phraseRewrite {
		ids[i] = x.add(p.needs)
	}
	x.build()
	return rewriteFilters{index: x, ids: ids}
})

// normalize turns free text into the canonical form the patterns are written
// against: NFKC, lower case, straight apostrophes, quoted speech marked,
// contractions and chat spellings expanded, whitespace collapsed. Line breaks
// become sentence breaks because posts are often written one thought a line.
func normalize(s string) string {
	s = norm.NFKC.String(s)
	// Every address urlRe matches starts with "http" or "www.", and most
	// posts have neither; running the expression costs more than the check.
	if strings.Contains(s, "http") || strings.Contains(s, "www.") {
		s = urlRe.ReplaceAllString(s, " ")
	}

	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		// ASCII, nearly every byte of a post, takes the short way: none
		// of it is a laughing emoji or a format character.
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'A' <= c && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			case c == '`':
				b.WriteByte('\'')
			case c == '\n' || c == '\r':
				b.WriteString(". ")
			case c == '_' || c == '~' || c == '#' || c == '>' || c == '/' || c == '|' || c == '\\' || c < ' ' || c == 0x7f:
				b.WriteByte(' ')
			default:
				b.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\u2018' || r == '\u2019' || r == '\u201B' || r == '\u02BC' || r == '\u2032' || r == '\u00B4':
			b.WriteByte('\'')
		case r == '\u201C' || r == '\u201D' || r == '\u201E' || r == '\u201F' || r == '\u2033' || r == '\u00AB' || r == '\u00BB':
			b.WriteByte('"')
		case r == '\u2013' || r == '\u2014' || r == '\u2015' || r == '\u2212':
			b.WriteString(" - ")
		case r == '\u2028' || r == '\u2029':
			b.WriteString(". ")
		case laughEmoji[r]:
			b.WriteString(" lol ")
		case unicode.Is(unicode.Cf, r):
			// Zero-width joiners and similar are used to dodge filters.
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	s = collapseElongation(b.String())
	s = markQuotes(s)
	if strings.IndexByte(s, '-') >= 0 {
		s = hyphenWordRe.ReplaceAllString(s, "$1 $2")
	}
	s = expandTokens(s)
	// present is always the scan of the current s, so each check gives
	// p.needs.allows(s); s changes only when a rewrite matched, which is
	// rare, and then it is scanned again.
	rw := rewriteIndex()
	present, _ := rw.index.scan(s, nil)
	for i, p := range phraseRewrite {
		if !rw.ids[i].allows(present) {
			continue
		}
		if r := p.re.ReplaceAllString(s, p.with); r != s {
			s = r
			present, _ = rw.index.scan(s, nil)
		}
	}
	s = strings.ReplaceAll(s, "*", " ")
	s = collapseSpace(s)
	return strings.TrimSpace(s)
}

// isTokenByte is the class of tokenRe, [a-z0-9'].
func isTokenByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\''
}

// expandTokens is tokenRe.ReplaceAllStringFunc(s, expandToken) without the
// regular expression: a match of [a-z0-9']+ is a maximal run of those bytes
// (all ASCII, so never part of a multi-byte rune), and each run is replaced
// by expandToken of it.
func expandTokens(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		if !isTokenByte(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isTokenByte(s[j]) {
			j++
		}
		b.WriteString(expandToken(s[i:j]))
		i = j
	}
	return b.String()
}

// isSpaceByte is the class of \s in Go's regular expressions, [\t\n\f\r ].
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// hasSpaceToCollapse: s has a \s other than a lone space, which
// collapseSpace would change.
func hasSpaceToCollapse(s string) bool {
	for i := 0; i < len(s); i++ {
		if isSpaceByte(s[i]) && (s[i] != ' ' || i+1 < len(s) && isSpaceByte(s[i+1])) {
			return true
		}
	}
	return false
}

// collapseSpace is whitespaceRe.ReplaceAllString(s, " ") without the regular
// expression: every run of \s becomes one space.
func collapseSpace(s string) string {
	if !hasSpaceToCollapse(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if !isSpaceByte(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteByte(' ')
		for i < len(s) && isSpaceByte(s[i]) {
			i++
		}
	}
	return b.String()
}

// collapseElongation shortens stretched words ("dieeee", "sooo", "helllp"):
// runs of three or more vowels become one, runs of other letters become two.
//
// The result is built as UTF-8 bytes rather than runes: the text comes from
// ranging over runes, so it is valid UTF-8, and a run only ever drops an
// ASCII vowel, one byte.
func collapseElongation(s string) string {
	if !mayBeElongated(s) {
		return s
	}
	out := make([]byte, 0, len(s))
	var prev rune
	run := 0
	for _, r := range s {
		if r == prev && unicode.IsLetter(r) {
			run++
		} else {
			prev, run = r, 1
		}
		switch {
		case run <= 2:
			out = utf8.AppendRune(out, r)
		case run == 3 && strings.ContainsRune("aeiou", r):
			out = out[:len(out)-1]
		}
	}
	return string(out)
}

// mayBeElongated: s has an ASCII letter three times in a row, or a
// non-ASCII byte (for which collapseElongation looks closer); otherwise
// collapseElongation would give s back unchanged.
func mayBeElongated(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == s[i+1] && c == s[i+2] && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return true
		}
	}
	return false
}

// markQuotes replaces paired double quotes, and single quotes that clearly
// open and close a phrase of two or more words, with the quote markers. An
// apostrophe between letters (don't, mum's) is left alone.
func markQuotes(s string) string {
	if !strings.ContainsAny(s, `"'`) {
		// Nothing to mark; s is valid UTF-8, so the rune round trip below
		// would give s back unchanged.
		return s
	}
	rs := []rune(s)
	isWord := func(i int) bool {
		return i >= 0 && i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]))
	}
	open := -1
	for i, r := range rs {
		if r != '"' {
			continue
		}
		if open < 0 {
			open = i
			continue
		}
		rs[open], rs[i] = quoteOpen, quoteClose
		open = -1
	}
	if open >= 0 {
		rs[open] = ' '
	}
	for i := 0; i < len(rs); i++ {
		if rs[i] != '\'' || isWord(i-1) || !isWord(i+1) {
			continue
		}
		for j := i + 1; j < len(rs); j++ {
			if rs[j] != '\'' || !isWord(j-1) && !strings.ContainsRune(".!?,", rs[j-1]) || isWord(j+1) {
				continue
			}
			if strings.ContainsRune(string(rs[i+1:j]), ' ') {
				rs[i], rs[j] = quoteOpen, quoteClose
				i = j
			}
			break
		}
	}
	return string(rs)
}

// expandToken rewrites one word: slang table, then contractions, then a
// one-edit typo fix for the few words the detector depends on.
func expandToken(tok string) string {
	tok = strings.Trim(tok, "'")
	if tok == "" {
		return " "
	}
	if v, ok := slang[tok]; ok {
		return v
	}
	if i := strings.IndexByte(tok, '\''); i > 0 {
		return expandContraction(tok, i)
	}
	if len(tok) >= 5 {
		for _, t := range fuzzyTargets {
			if tok != t && withinOneEdit(tok, t) {
				return t
			}
		}
	}
	return tok
}

func expandContraction(tok string, i int) string {
	switch tok {
	case "can't":
		return "can not"
	case "won't":
		return "will not"
	case "shan't":
		return "shall not"
	case "ain't":
		return "is not"
	case "let's":
		return "let us"
	}
	base, suf := tok[:i], tok[i:]
	switch suf {
	case "'m":
		return base + " am"
	case "'re":
		return base + " are"
	case "'ve":
		return base + " have"
	case "'ll":
		return base + " will"
	case "'d":
		return base + " would"
	case "'s":
		if isContraction[base] {
			return base + " is"
		}
		return tok
	case "'t":
		if strings.HasSuffix(base, "n") {
			return expandToken(base[:len(base)-1]) + " not"
		}
	}
	return tok
}

// withinOneEdit reports whether a and b differ by at most one insertion,
// deletion, substitution or transposition of adjacent letters.
func withinOneEdit(a, b string) bool {
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	if i == la || i == lb {
		return true
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}
