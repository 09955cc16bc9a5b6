package safety

import (
	"unicode"
	"unicode/utf8"
)

// The detector reads English only: its rules, word classes and training
// data are English. A text in another language is not scored (a low score
// would read as "safe"); it is marked as not screened so that moderators
// know. The check is deliberately simple and leans towards screening: a
// text counts as another language only when most of its letters are of
// another script, or when it has several common words of Spanish, French,
// German, Italian, Portuguese or Dutch and far fewer English ones.

// englishWords are common English function words.
var englishWords = wordSet(`the and to of a i is it you that in my me for this not but with
	have be are was just so on do what all like can if at about they he she we no
	get from or how when up out feel know want really because been am would there
	one an by will your his her them im don't i'm it's can't its been had has did
	dont cant got more some any than then just too very much ever never`)

// foreignWords are common function words of other languages written in the
// Latin script, none of them also an English word or a word of forum
// English ("op", "ya", "wat").
var foreignWords = wordSet(`
	el los las que y por es se del pero más muy como está estoy yo tengo
	quiero porque cuando también sí hay esto eso nada todo ser una un
	le les des et est je tu il elle nous vous ils une du qui pas pour dans sur avec ce mais
	mon mes ne suis plus tout être avoir fait sont très veux
	der das und ist ich nicht ein eine zu mit sich auf für es du sie wir ihr mein
	meine auch noch wie aber habe oder wenn nur schon
	gli di che è sono ti ci della questo quello anche io voglio
	não eu é ele ela mais muito estou tenho isso
	het een en ik je dat te zijn met voor maar ook nog`)

// readable reports whether the detector can read text.
func readable(text string) bool {
	latin, other := 0, 0
	for _, r := range text {
		switch {
		case r < unicode.MaxASCII:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				latin++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	if other >= 4 && other > latin {
		return false
	}
	en, foreign, words := 0, 0, 0
	// Each word is lower-cased into buf; a word too long for it is no
	// function word of any language.
	var buf [32]byte
	w := buf[:0]
	count := func() {
		if len(w) > 0 {
			words++
			switch {
			case englishWords[string(w)]:
				en++
			case foreignWords[string(w)]:
				foreign++
			}
		}
		w = buf[:0]
	}
	for _, r := range text {
		if r < utf8.RuneSelf {
			// ASCII, most of a post: a word's runes are letters and
			// apostrophes, as notWordRune says.
			c := byte(r) // #nosec G115 -- r is ASCII here
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			switch {
			case (c < 'a' || c > 'z') && c != '\'':
				count()
			case len(w)+utf8.UTFMax <= len(buf):
				w = append(w, c)
			default:
				w = append(buf[:0], "\x00long"...)
			}
			continue
		}
		switch {
		case notWordRune(r):
			count()
		case len(w)+utf8.UTFMax <= len(buf):
			w = utf8.AppendRune(w, unicode.ToLower(r))
		default:
			w = append(buf[:0], "\x00long"...)
		}
	}
	count()
	return words < 5 || foreign < 3 || foreign <= 2*en
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }
