package auth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Pseudonym length bounds, counted in characters (runes) of the display form.
const (
	PseudonymMinLen = 3
	PseudonymMaxLen = 24
)

const (
	// maxPseudonymInput refuses a pasted essay by its byte length alone,
	// before any Unicode work. Twenty-four runes of four bytes plus generous
	// surrounding whitespace fit well inside it.
	maxPseudonymInput = 256

	// maxMarkRun allows the stacked vowel signs of Indic and other scripts
	// while refusing "zalgo" text that spills over neighbouring lines.
	maxMarkRun = 3

	// phoneDigits is where a run of numbers starts to look like a phone
	// number; real pseudonyms rarely carry that many.
	phoneDigits = 7
)

const (
	msgEmpty       = "Please choose a pseudonym."
	msgTooShort    = "Please use at least 3 characters for your pseudonym."
	msgTooLong     = "Please keep your pseudonym to 24 characters or fewer."
	msgUnreadable  = "Your pseudonym contains characters we can't read. Please type it again using ordinary letters and numbers."
	msgInvisible   = "Your pseudonym contains an invisible character, such as a zero-width space. Please delete it and type the name again."
	msgSpace       = "Pseudonyms can't contain spaces. You could use _ or - or . instead, for example quiet_river."
	msgDecorative  = "Your pseudonym uses decorative or full-width characters. Please type it with ordinary letters and numbers."
	msgCharset     = "Pseudonyms can use letters, numbers, and the characters _ - . only."
	msgSeparators  = "Please start and end your pseudonym with a letter or number, and don't put two of _ - . next to each other."
	msgMarks       = "Your pseudonym has too many accent marks on one letter. Please use fewer."
	msgMixedScript = "Please use letters from one alphabet. Mixing alphabets, for example Latin and Cyrillic, can make a name look like someone else's."
	msgRareScript  = "Your pseudonym uses an alphabet our look-alike check doesn't cover yet. Please write it in another alphabet, for example Latin, Cyrillic, Greek or Arabic letters."
	msgEmail       = "This looks like an email address. Please choose a pseudonym that doesn't identify you."
	msgPhone       = "This looks like a phone number. Please choose a pseudonym that doesn't identify you, with fewer than 7 digits."
	msgReserved    = "That name is reserved or could be mistaken for a member of staff or a help service. Please choose another."
)

// NormalizePseudonym checks a pseudonym a member asked for and returns the
// form to display and the key to compare it by.
//
// The display form is the trimmed input in NFC. Allowed are letters and
// digits of any one alphabet, combining accents on them, and the separators
// _ - . between them. Spaces are not allowed: they invite names that differ
// only in spacing ("quiet river" and "quiet  river"), they are easy to pad
// invisibly, and they make a name awkward in a profile address or a mention.
//
// The key is what uniqueness and reserved names are checked against: see
// PseudonymKey. Every refusal is a *FieldError for the "username" field.
func NormalizePseudonym(raw string) (display, key string, err error) {
	if len(raw) > maxPseudonymInput {
		return "", "", usernameError(msgTooLong)
	}
	if !utf8.ValidString(raw) {
		return "", "", usernameError(msgUnreadable)
	}
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", "", usernameError(msgEmpty)
	}

	// Shapes are judged on the compatibility form so that a full-width ＠
	// or full-width digits cannot slip an address or a number past us.
	compat := norm.NFKC.String(s)
	if looksLikeEmail(compat) {
		return "", "", usernameError(msgEmail)
	}
	if countDigits(compat) >= phoneDigits {
		return "", "", usernameError(msgPhone)
	}

	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			return "", "", usernameError(msgSpace)
		case invisible(r):
			return "", "", usernameError(msgInvisible)
		}
	}

	display = norm.NFC.String(s)
	// Names that NFKC would change (𝓼𝓬𝓻𝓲𝓹𝓽 letters, full-width forms,
	// ligatures, superscripts) are read out letter by letter by screen
	// readers and exist mostly to imitate plain names, so ask for the plain
	// characters instead.
	if compat != display {
		return "", "", usernameError(msgDecorative)
	}

	n := utf8.RuneCountInString(display)
	if n > PseudonymMaxLen {
		return "", "", usernameError(msgTooLong)
	}
	if n < PseudonymMinLen {
		return "", "", usernameError(msgTooShort)
	}
	if msg := checkShape(display); msg != "" {
		return "", "", usernameError(msg)
	}
	if msg := scriptProblem(display); msg != "" {
		return "", "", usernameError(msg)
	}

	key = PseudonymKey(display)
	if isReserved(display, key) {
		return "", "", usernameError(msgReserved)
	}
	return display, key, nil
}

// PseudonymKey returns the comparison key of a name: two names with the same
// key are treated as the same name. It does not validate, so the login form
// can look an account up by whatever the member typed.
//
// The key is NFKC, then full case folding, then a confusables skeleton
// (look-alike letters of other scripts become the Latin letter they imitate;
// i, l, 1 and I all become l; 0 and O become o; "rn" becomes m and "vv"
// becomes w), with the separators _ - . and any whitespace or invisible
// characters dropped, then NFC. Input longer than any pseudonym could be, or
// not valid UTF-8, gives "", which is never the key of an account.
func PseudonymKey(name string) string {
	if len(name) > maxPseudonymInput || !utf8.ValidString(name) {
		return ""
	}
	s := norm.NFKC.String(strings.TrimSpace(name))
	// A Caser keeps state between calls, so each call gets its own.
	s = cases.Fold().String(s)
	// NFKD rather than NFD: folding can produce compatibility characters,
	// and the skeleton table is written for bare base letters.
	s = norm.NFKD.String(s)

	var b strings.Builder
	b.Grow(len(s))
	afterDotted := false
	for _, r := range s {
		// A dot above an i or j is drawn on top of the dot it already has,
		// so "i̇" (from folding İ) must look up the same as "i".
		if r == '\u0307' && afterDotted {
			continue
		}
		if r == '_' || r == '-' || r == '.' || unicode.IsSpace(r) || invisible(r) {
			continue
		}
		r = skeletonRune(r)
		afterDotted = r == 'l' || r == 'j'
		b.WriteRune(r)
	}
	return norm.NFC.String(skeletonSequences.Replace(b.String()))
}

// invisible reports characters that render as nothing, or as nothing the
// reader can see: controls, format characters (zero-width joiners and
// spaces, bidi controls, the byte-order mark, word joiner), private use,
// variation selectors and the other default-ignorable code points such as
// the Hangul fillers.
func invisible(r rune) bool {
	return unicode.In(r,
		unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs, unicode.Zl, unicode.Zp,
		unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

func looksLikeEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return false
	}
	domain := s[at+1:]
	dot := strings.LastIndexByte(domain, '.')
	return dot > 0 && dot < len(domain)-1
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// checkShape enforces the allowed characters and where separators and marks
// may stand. It returns the message to show, or "" when the shape is fine.
func checkShape(s string) string {
	const (
		atStart = iota
		afterBase
		afterMark
		afterSep
	)
	prev, marks := atStart, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			prev, marks = afterBase, 0
		case unicode.In(r, unicode.Mn, unicode.Mc):
			if prev != afterBase && prev != afterMark {
				return msgSeparators
			}
			marks++
			if marks > maxMarkRun {
				return msgMarks
			}
			prev = afterMark
		case r == '_' || r == '-' || r == '.':
			if prev == atStart || prev == afterSep {
				return msgSeparators
			}
			prev = afterSep
		default:
			return msgCharset
		}
	}
	if prev == afterSep {
		return msgSeparators
	}
	return ""
}

// allowedScripts are the scripts a pseudonym may be written in: the
// "Recommended" scripts of Unicode TR31 table 5, which are in everyday use,
// plus Cherokee, whose look-alikes the confusables table covers. Historic
// and limited-use scripts are refused because several of them (Lisu,
// Coptic, Carian ...) are made largely of Latin look-alikes that the table
// does not list.
var allowedScripts = map[string]bool{
	"Latin": true, "Cyrillic": true, "Greek": true, "Armenian": true,
	"Cherokee": true, "Han": true, "Hiragana": true, "Katakana": true,
	"Hangul": true, "Bopomofo": true, "Arabic": true, "Hebrew": true,
	"Thaana": true, "Devanagari": true, "Bengali": true, "Gurmukhi": true,
	"Gujarati": true, "Oriya": true, "Tamil": true, "Telugu": true,
	"Kannada": true, "Malayalam": true, "Sinhala": true, "Thai": true,
	"Lao": true, "Tibetan": true, "Myanmar": true, "Khmer": true,
	"Georgian": true, "Ethiopic": true,
}

// commonScripts are tried first because nearly every name is written in
// one of them; anything else falls back to the full table.
var commonScripts = []string{
	"Latin", "Cyrillic", "Greek", "Han", "Hiragana", "Katakana", "Hangul",
	"Arabic", "Hebrew", "Devanagari", "Armenian", "Cherokee", "Thai",
}

func scriptOf(r rune) string {
	for _, name := range commonScripts {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	for name, table := range unicode.Scripts {
		if unicode.Is(table, r) {
			return name
		}
	}
	return ""
}

// cjkMixes are the combinations of scripts that are ordinary in one name,
// following the "highly restrictive" level of Unicode TR39 section 5.2.
var cjkMixes = []map[string]bool{
	{"Latin": true, "Han": true, "Hiragana": true, "Katakana": true},
	{"Latin": true, "Han": true, "Bopomofo": true},
	{"Latin": true, "Han": true, "Hangul": true},
}

// scriptProblem refuses letters and digits from scripts outside
// allowedScripts, and names that mix alphabets not normally written
// together, the usual way of building a look-alike that the confusables
// table does not know about ("pаypal" with a Cyrillic а, "adm١n" with an
// Arabic-Indic one). It returns the message to show, or "".
func scriptProblem(s string) string {
	seen := map[string]bool{}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		switch sc := scriptOf(r); sc {
		case "Common", "Inherited":
		default:
			if !allowedScripts[sc] {
				return msgRareScript
			}
			seen[sc] = true
		}
	}
	if len(seen) <= 1 {
		return ""
	}
	for _, mix := range cjkMixes {
		within := true
		for sc := range seen {
			if !mix[sc] {
				within = false
				break
			}
		}
		if within {
			return ""
		}
	}
	return msgMixedScript
}
