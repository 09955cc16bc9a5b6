package auth

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Password length bounds, counted in characters (runes). There are no
// composition rules: length and not being a known common password matter,
// "one capital and one symbol" does not (NIST SP 800-63B, section 5.1.1.2).
const (
	PasswordMinLen = 10
	PasswordMaxLen = 256
)

const (
	msgPasswordUnreadable = "Your password contains characters we can't read. Please type it again."
	msgPasswordShort      = "Please use at least 10 characters. A few unrelated words together make a password that is long and easy to remember." // #nosec G101 -- a message shown to members, not a credential
	msgPasswordLong       = "Please keep your password to 256 characters or fewer."
	msgPasswordPseudonym  = "Please don't use your pseudonym as your password: it is the first thing someone would try."
	msgPasswordCommon     = "That password is one of the most commonly used, so it is easy to guess. Please choose something less common, for example a few unrelated words."
)

//go:embed data/common-passwords.txt
var commonPasswordFile string

// commonPasswords holds only the listed passwords that ValidatePassword
// would otherwise accept: anything shorter than PasswordMinLen is refused by
// length before the list is consulted, so keeping it would only cost memory.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	set := make(map[string]struct{})
	for _, pw := range commonPasswordEntries() {
		if utf8.RuneCountInString(pw) >= PasswordMinLen {
			set[pw] = struct{}{}
		}
	}
	return set
})

// commonPasswordEntries returns every password in the embedded list, in
// rank order, without the comment header.
func commonPasswordEntries() []string {
	var out []string
	for line := range strings.Lines(commonPasswordFile) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// ValidatePassword checks a new password for the member called pseudonym.
// It refuses passwords shorter than PasswordMinLen or longer than
// PasswordMaxLen characters, the pseudonym itself (ignoring case), and
// common passwords (ignoring case). Every refusal is a *FieldError for the
// "password" field.
func ValidatePassword(pw, pseudonym string) error {
	// Checked in bytes first so that a huge paste is refused without
	// being scanned.
	if len(pw) > PasswordMaxLen*utf8.UTFMax {
		return passwordError(msgPasswordLong)
	}
	if !utf8.ValidString(pw) {
		return passwordError(msgPasswordUnreadable)
	}
	n := utf8.RuneCountInString(pw)
	if n < PasswordMinLen {
		return passwordError(msgPasswordShort)
	}
	if n > PasswordMaxLen {
		return passwordError(msgPasswordLong)
	}
	folded := strings.ToLower(norm.NFKC.String(pw))
	if samePseudonym(pw, folded, pseudonym) {
		return passwordError(msgPasswordPseudonym)
	}
	if _, ok := commonPasswords()[folded]; ok {
		return passwordError(msgPasswordCommon)
	}
	return nil
}

// samePseudonym reports a password that is the pseudonym, ignoring case, or
// that merely dresses it up with separators or look-alike characters
// ("Quiet.River.S0ng" for quiet_river_song).
func samePseudonym(pw, folded, pseudonym string) bool {
	name := strings.TrimSpace(pseudonym)
	if name == "" {
		return false
	}
	if folded == strings.ToLower(norm.NFKC.String(name)) {
		return true
	}
	key := PseudonymKey(pw)
	return key != "" && key == PseudonymKey(name)
}
