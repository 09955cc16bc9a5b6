package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// RecoveryCodeCount is how many recovery codes a member is given at a time.
const RecoveryCodeCount = 10

// recoveryAlphabet leaves out 0, 1, i, l and o, which are easy to misread
// when copied from paper. Twelve characters from it carry about 59 bits.
const recoveryAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"

const (
	recoveryGroups    = 3
	recoveryGroupLen  = 4
	recoveryCodeChars = recoveryGroups * recoveryGroupLen
	maxRecoveryInput  = 64
	maxRecoveryCodes  = 100
)

// GenerateRecoveryCodes returns n new recovery codes such as
// "k7q2-m9xp-4hzt", drawn uniformly from crypto/rand. Show them to the
// member once and store only HashRecoveryCode of each.
func GenerateRecoveryCodes(n int) ([]string, error) {
	if n < 1 || n > maxRecoveryCodes {
		return nil, fmt.Errorf("auth: cannot generate %d recovery codes", n)
	}
	codes := make([]string, n)
	for i := range codes {
		codes[i] = formatRecoveryCode(randomRecoveryChars())
	}
	return codes, nil
}

// randomRecoveryChars draws by rejection sampling so that every character
// of the 31-letter alphabet is equally likely.
func randomRecoveryChars() []byte {
	out := make([]byte, 0, recoveryCodeChars)
	var buf [32]byte
	for len(out) < recoveryCodeChars {
		rand.Read(buf[:])
		for _, b := range buf {
			if v := int(b & 31); v < len(recoveryAlphabet) && len(out) < recoveryCodeChars {
				out = append(out, recoveryAlphabet[v])
			}
		}
	}
	return out
}

func formatRecoveryCode(chars []byte) string {
	var b strings.Builder
	for i, c := range chars {
		if i > 0 && i%recoveryGroupLen == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// NormalizeRecoveryCode turns what a member typed into the form codes are
// generated in: surrounding space trimmed, lower case, and dashes and
// spaces anywhere ignored, so "K7Q2 M9XP 4HZT" and "k7q2m9xp4hzt" both
// become "k7q2-m9xp-4hzt". Input that cannot be a code comes back
// ungrouped or empty, which matches no stored code.
func NormalizeRecoveryCode(s string) string {
	if len(s) > maxRecoveryInput {
		return ""
	}
	var chars []byte
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r == '-' || r == ' ' || r == '\t':
		case r < 0x80:
			chars = append(chars, byte(r)) // #nosec G115 -- r < 0x80 here, so it fits a byte
		default:
			return ""
		}
	}
	if len(chars) != recoveryCodeChars {
		return string(chars)
	}
	for _, c := range chars {
		if !strings.ContainsRune(recoveryAlphabet, rune(c)) {
			return string(chars)
		}
	}
	return formatRecoveryCode(chars)
}

// HashRecoveryCode returns the hex HMAC-SHA256 of the normalised code under
// the server secret; store this, never the code. A fast keyed hash is
// enough here, unlike for passwords: codes are random with about 59 bits
// each, so there is no dictionary to try, and without the secret a stolen
// database does not even allow guessing offline.
func HashRecoveryCode(secret []byte, code string) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("recovery-code:"))
	mac.Write([]byte(NormalizeRecoveryCode(code)))
	return hex.EncodeToString(mac.Sum(nil))
}
