package auth

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalizePseudonymAccepts(t *testing.T) {
	tests := []struct {
		raw, display string
	}{
		{"quiet_river", "quiet_river"},
		{"  Luna  ", "Luna"},
		{"\tsam.k-7\n", "sam.k-7"},
		{"Jose\u0301", "José"}, // decomposed input is stored composed
		{"Ünal", "Ünal"},
		{"Ольга", "Ольга"},
		{"Ωμέγα", "Ωμέγα"},
		{"名前です", "名前です"},     // Han with Hiragana
		{"Kai_名前", "Kai_名前"}, // Latin with Han
		{"김민지", "김민지"},
		{"मेरा_नाम", "मेरा_नाम"}, // vowel signs are combining marks
		{"عمر", "عمر"},
		{"abc123456", "abc123456"}, // six digits are not a phone number
		{"abc", "abc"},
		{strings.Repeat("x", 24), strings.Repeat("x", 24)},
		{"badminton_fan", "badminton_fan"},
		// Ordinary words that share letters with staff and service words.
		{"modern_love", "modern_love"},
		{"modus", "modus"},
		{"teamwork_tom", "teamwork_tom"},
		{"supportive_sam", "supportive_sam"},
		{"helpful_hannah", "helpful_hannah"},
		{"theodora", "theodora"},
		{"line_cook", "line_cook"},
		{"careful_cat", "careful_cat"},
		{"the_desk", "the_desk"}, // role words, none of them a staff title
	}
	for _, tt := range tests {
		display, key, err := NormalizePseudonym(tt.raw)
		if err != nil {
			t.Errorf("NormalizePseudonym(%q) error: %v", tt.raw, err)
			continue
		}
		if display != tt.display {
			t.Errorf("NormalizePseudonym(%q) display = %q, want %q", tt.raw, display, tt.display)
		}
		if key != PseudonymKey(display) {
			t.Errorf("NormalizePseudonym(%q) key = %q, want PseudonymKey(display) = %q", tt.raw, key, PseudonymKey(display))
		}
	}
}

// refusedPseudonyms are names NormalizePseudonym refuses, with why.
var refusedPseudonyms = []struct {
	name, raw, msg string
}{
	{"empty", "", msgEmpty},
	{"whitespace only", " \t\n\u00a0\u3000", msgEmpty},
	{"too short", "ab", msgTooShort},
	{"too short after trimming", "  ab  ", msgTooShort},
	{"too long", strings.Repeat("a", 25), msgTooLong},
	{"ten thousand characters", strings.Repeat("a", 10000), msgTooLong},
	{"long multibyte", strings.Repeat("é", 25), msgTooLong},
	{"invalid UTF-8", "ab\xffcd", msgUnreadable},
	{"NUL", "ad\x00min", msgInvisible},
	{"escape", "ab\x1bcd", msgInvisible},
	{"DEL", "abc\x7f", msgInvisible},
	{"zero-width space", "ad\u200bmin", msgInvisible},
	{"zero-width non-joiner", "ad\u200cmin", msgInvisible},
	{"zero-width joiner", "ad\u200dmin", msgInvisible},
	{"word joiner", "ad\u2060min", msgInvisible},
	{"byte-order mark", "\ufeffsamuel", msgInvisible},
	{"right-to-left override", "sam\u202eleumas", msgInvisible},
	{"first strong isolate", "sam\u2068uel", msgInvisible},
	{"left-to-right mark", "samuel\u200e", msgInvisible},
	{"soft hyphen", "sam\u00aduel", msgInvisible},
	{"combining grapheme joiner", "sam\u034fuel", msgInvisible},
	{"variation selector", "sam\ufe0fuel", msgInvisible},
	{"Hangul filler", "sam\u3164uel", msgInvisible},
	{"tag character", "sam\U000E0041uel", msgInvisible},
	{"private use", "sam\ue000uel", msgInvisible},
	{"inner space", "quiet river", msgSpace},
	{"inner no-break space", "quiet\u00a0river", msgSpace},
	{"inner tab", "quiet\triver", msgSpace},
	{"full-width letters", "ｑｕｉｅｔ", msgDecorative},
	{"mathematical script", "𝓼𝓪𝓶𝓶𝔂", msgDecorative},
	{"ligature", "ﬁsher", msgDecorative},
	{"superscript", "sam²", msgDecorative},
	{"punctuation", "sam!", msgCharset},
	{"hash", "sam#1", msgCharset},
	{"at sign without domain", "s@m", msgCharset},
	{"emoji", "sam🙂", msgCharset},
	{"leading separator", "_sam", msgSeparators},
	{"trailing separator", "sam.", msgSeparators},
	{"double separator", "sa__m", msgSeparators},
	{"mixed double separator", "sa.-m", msgSeparators},
	{"leading combining mark", "\u0301abc", msgSeparators},
	{"mark after separator", "ab_\u0301c", msgSeparators},
	{"zalgo", "sa\u0301\u0302\u0303\u0304\u0305m", msgMarks},
	{"Latin with Cyrillic", "pаypal", msgMixedScript},
	{"Cyrillic a in admin", "аdmin", msgMixedScript},
	{"Greek capital alpha", "ΑDMIN", msgMixedScript},
	{"Arabic-Indic digit", "adm١n", msgMixedScript},
	{"Lisu look-alikes", "ꓮꓓꓟꓲꓠ", msgRareScript},
	{"email", "me@example.com", msgEmail},
	{"email with subdomain", "someone@mail.co.uk", msgEmail},
	{"full-width at sign", "me＠example.com", msgEmail},
	{"email with spaces around", "  me@example.org ", msgEmail},
	{"international phone", "+44 20 7946 0958", msgPhone},
	{"phone with parentheses", "(555) 123-4567", msgPhone},
	{"bare phone", "07700900123", msgPhone},
	{"name with phone", "sam5551234567", msgPhone},
	{"full-width digits", "sam５５５１２３４", msgPhone},
	{"reserved", "admin", msgReserved},
	{"reserved capitals", "ADMIN", msgReserved},
	{"reserved mixed case", "Moderator", msgReserved},
	{"reserved with separators", "a.d.m.i.n", msgReserved},
	{"reserved with digit one", "adm1n", msgReserved},
	{"reserved with zero", "m0d", msgReserved},
	{"reserved rn for m", "rnod", msgReserved},
	{"reserved two words", "former_member", msgReserved},
	{"reserved two words hyphen", "Former-Member", msgReserved},
	{"reserved null", "null", msgReserved},
	{"reserved undefined", "undefined", msgReserved},
	{"reserved crisis", "Crisis", msgReserved},
	{"reserved support", "support", msgReserved},
	{"reserved staff", "Staff", msgReserved},
	{"reserved all Cyrillic", "гоот", msgReserved},    // looks like "root"
	{"reserved all Greek", "ΤΕΑΜ", msgReserved},       // looks like "TEAM"
	{"reserved all Cherokee", "ᎻᎬᎪᎡᎢᎻ", msgReserved},  // looks like "HEARTH"
	{"reserved small capitals", "ᴀᴅᴍɪɴ", msgReserved}, // looks like "admin"
	{"staff title prefix", "admin_sam", msgReserved},
	{"staff title suffix", "sam-moderator", msgReserved},
	{"product name prefix", "hearth-team", msgReserved},
	{"official suffix", "the_official", msgReserved},
	// Help services and staff look-alikes.
	{"crisis team", "crisis_team", msgReserved},
	{"crisis team run together", "CrisisTeam", msgReserved},
	{"samaritans", "samaritans", msgReserved},
	{"samaritans with a country", "Samaritans-UK", msgReserved},
	{"a service's name inside", "callsamaritans", msgReserved},
	{"mod team", "mod_team", msgReserved},
	{"mod team run together", "modteam", msgReserved},
	{"mod as a word", "sam.mod", msgReserved},
	{"the mods", "the_mods", msgReserved},
	{"support desk", "SupportDesk", msgReserved},
	{"team as a word", "team.rowan", msgReserved},
	{"crisis and a number", "crisis24", msgReserved},
	{"helpline", "helpline", msgReserved},
	{"helpline inside", "ukhelpline", msgReserved},
	{"hotline", "night-hotline", msgReserved},
	{"emergency number", "call_999", msgReserved},
	{"health service", "nhs_direct", msgReserved},
	{"therapist", "your_therapist", msgReserved},
	{"look-alike letters", "M0D_TEAM", msgReserved},
	{"look-alike letters run together", "crlsls_support", msgReserved},
}

func TestNormalizePseudonymRefuses(t *testing.T) {
	for _, tt := range refusedPseudonyms {
		t.Run(tt.name, func(t *testing.T) {
			display, key, err := NormalizePseudonym(tt.raw)
			if err == nil {
				t.Fatalf("NormalizePseudonym(%q) = %q, %q; want refusal", tt.raw, display, key)
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is %T, want *FieldError", err, err)
			}
			if fe.Field != "username" {
				t.Errorf("Field = %q, want username", fe.Field)
			}
			if fe.Message != tt.msg {
				t.Errorf("Message = %q, want %q", fe.Message, tt.msg)
			}
			if display != "" || key != "" {
				t.Errorf("refusal returned display %q key %q, want empty", display, key)
			}
		})
	}
}

func TestNormalizePseudonymLongInputIsCheap(t *testing.T) {
	huge := strings.Repeat("é", 10000)
	allocs := testing.AllocsPerRun(10, func() {
		if _, _, err := NormalizePseudonym(huge); err == nil {
			t.Fatal("accepted a 10,000-character name")
		}
	})
	// Only the error itself may be allocated: no copy, no normalisation.
	if allocs > 1 {
		t.Errorf("refusing a 10,000-character name made %v allocations, want at most 1", allocs)
	}
}

func TestPseudonymKeyCollisions(t *testing.T) {
	same := [][]string{
		{"admin", "Admin", "ADMIN", "аdmin", "ΑDMIN", "ａｄｍｉｎ", "𝐚𝐝𝐦𝐢𝐧", "ᴀᴅᴍɪɴ", "adm1n", "admln", "admIn", "ad\u200bmin", "a_d-m.in", " admin "},
		{"root", "r00t", "ROOT", "гоот"},
		{"Instagram", "lnstagram", "1nstagram", "Ɩnstagram", "ınstagram"},
		{"moderator", "rnoderator", "MODERAT0R"},
		{"wave", "vvave"},
		{"inci", "İnci", "INCI"},
		{"strasse", "straße", "STRASSE"},
		{"hearth", "ᎻᎬᎪᎡᎢᎻ", "ꮋꭼꭺꭱꭲꮋ"},
		{"Ꭳꭳ", "ꭳᎣ", "ᎣᎣ"}, // Cherokee letters without a look-alike still fold
		{"team", "ΤΕΑΜ", "τεαμ"},
		{"ünal", "Ünal", "u\u0308nal"},
		{"Ольга", "ольга", "ОЛЬГА"},
	}
	for _, group := range same {
		want := PseudonymKey(group[0])
		for _, name := range group[1:] {
			if got := PseudonymKey(name); got != want {
				t.Errorf("PseudonymKey(%q) = %q, want %q (same as %q)", name, got, want, group[0])
			}
		}
	}

	different := [][2]string{
		{"josé", "jose"},
		{"sam", "5am"},
		{"nick", "mick"},
		{"sam", "sum"},
		{"ølaf", "olaf"},
	}
	for _, pair := range different {
		if PseudonymKey(pair[0]) == PseudonymKey(pair[1]) {
			t.Errorf("PseudonymKey(%q) == PseudonymKey(%q) = %q, want different", pair[0], pair[1], PseudonymKey(pair[0]))
		}
	}
}

func TestPseudonymKeyRefusesJunk(t *testing.T) {
	for _, raw := range []string{strings.Repeat("a", maxPseudonymInput+1), "ab\xffcd"} {
		if k := PseudonymKey(raw); k != "" {
			t.Errorf("PseudonymKey(%.20q...) = %q, want empty", raw, k)
		}
	}
}

func TestFieldErrorMessage(t *testing.T) {
	err := &FieldError{Field: "username", Message: "Please choose a pseudonym."}
	if got := err.Error(); got != "username: Please choose a pseudonym." {
		t.Errorf("Error() = %q", got)
	}
}

func FuzzPseudonymKey(f *testing.F) {
	seeds := []string{
		"", " ", "quiet_river", "аdmin", "ΑDMIN", "ａｄｍｉｎ", "𝐚𝐝𝐦𝐢𝐧", "adm1n",
		"ad\x00min", "ad\u200bmin", "ad\u200dmin", "ad\u200cmin", "ad\u2060min",
		"\ufeffadmin", "sam\u202eleumas", "sam\u2066uel", "ab\xffcd",
		"me@example.com", "+44 20 7946 0958", "(555) 123-4567", "former member",
		"İnci", "straße", "rnoderator", "vvvv", "i\u0307\u0307", "ᎻᎬᎪᎡᎢᎻ",
		"sa\u0301\u0302\u0303\u0304m", "मेरा_नाम", "名前です", strings.Repeat("a", 300),
		"ǅemal", "ﬃx", "Ⅻabc", "ΐΰ", "\u0345abc", "ꭰꭱꭲ",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		k := PseudonymKey(raw)
		if again := PseudonymKey(k); again != k {
			t.Fatalf("PseudonymKey not idempotent: %q -> %q -> %q", raw, k, again)
		}

		display, key, err := NormalizePseudonym(raw)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != "username" || fe.Message == "" {
				t.Fatalf("NormalizePseudonym(%q) error %#v is not a username FieldError", raw, err)
			}
			return
		}
		if !utf8.ValidString(display) {
			t.Fatalf("display %q is not valid UTF-8", display)
		}
		for _, r := range display {
			if invisible(r) {
				t.Fatalf("display %q contains invisible %U", display, r)
			}
		}
		if n := utf8.RuneCountInString(display); n < PseudonymMinLen || n > PseudonymMaxLen {
			t.Fatalf("display %q has %d runes", display, n)
		}
		if !norm.NFC.IsNormalString(display) {
			t.Fatalf("display %q is not NFC", display)
		}
		if key == "" || key != PseudonymKey(display) {
			t.Fatalf("key %q, want PseudonymKey(%q) = %q", key, display, PseudonymKey(display))
		}
		if again := PseudonymKey(key); again != key {
			t.Fatalf("key of accepted %q not idempotent: %q -> %q", display, key, again)
		}
		d2, k2, err := NormalizePseudonym(display)
		if err != nil || d2 != display || k2 != key {
			t.Fatalf("normalising %q again gave %q, %q, %v", display, d2, k2, err)
		}
	})
}
