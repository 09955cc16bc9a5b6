package auth

import (
	"regexp"
	"strings"
	"testing"
)

func TestGenerateRecoveryCodes(t *testing.T) {
	codes, err := GenerateRecoveryCodes(RecoveryCodeCount)
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != RecoveryCodeCount {
		t.Fatalf("got %d codes, want %d", len(codes), RecoveryCodeCount)
	}
	shape := regexp.MustCompile(`^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$`)
	seen := map[string]bool{}
	for _, c := range codes {
		if !shape.MatchString(c) {
			t.Errorf("code %q has the wrong shape or an ambiguous character", c)
		}
		if seen[c] {
			t.Errorf("code %q repeated", c)
		}
		seen[c] = true
		if NormalizeRecoveryCode(c) != c {
			t.Errorf("generated code %q is not in normal form", c)
		}
	}
	for _, n := range []int{0, -1, 101} {
		if _, err := GenerateRecoveryCodes(n); err == nil {
			t.Errorf("GenerateRecoveryCodes(%d) succeeded", n)
		}
	}
}

func TestRecoveryCodesUseWholeAlphabet(t *testing.T) {
	counts := map[byte]int{}
	for range 200 {
		for _, c := range randomRecoveryChars() {
			counts[c]++
		}
	}
	// 2,400 draws over 31 letters: every letter is expected about 77
	// times, so a missing one means the sampling is broken.
	for i := range len(recoveryAlphabet) {
		if counts[recoveryAlphabet[i]] == 0 {
			t.Errorf("letter %q never drawn", recoveryAlphabet[i])
		}
	}
	for c := range counts {
		if !strings.ContainsRune(recoveryAlphabet, rune(c)) {
			t.Errorf("drew %q, outside the alphabet", c)
		}
	}
}

func TestNormalizeRecoveryCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"k7q2-m9xp-4hzt", "k7q2-m9xp-4hzt"},
		{"K7Q2-M9XP-4HZT", "k7q2-m9xp-4hzt"},
		{"k7q2m9xp4hzt", "k7q2-m9xp-4hzt"},
		{"  k7q2 m9xp 4hzt \n", "k7q2-m9xp-4hzt"},
		{"k7q2--m9xp - 4hzt", "k7q2-m9xp-4hzt"},
		{"k-7-q-2-m-9-x-p-4-h-z-t", "k7q2-m9xp-4hzt"},
		{"k7q2-m9xp-4hz", "k7q2m9xp4hz"},   // too short: no grouping
		{"k7q2-m9xp-4hzo", "k7q2m9xp4hzo"}, // o is not in the alphabet
		{"k7q2-m9xp-4hzté", ""},            // not ASCII
		{strings.Repeat("k7q2-", 20), ""},  // far too long
	}
	for _, tt := range tests {
		if got := NormalizeRecoveryCode(tt.in); got != tt.want {
			t.Errorf("NormalizeRecoveryCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHashRecoveryCode(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	h := HashRecoveryCode(secret, "k7q2-m9xp-4hzt")
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(h) {
		t.Fatalf("hash %q is not hex SHA-256", h)
	}
	if h2 := HashRecoveryCode(secret, " K7Q2 M9XP 4HZT "); h2 != h {
		t.Error("typing variations of one code hash differently")
	}
	if HashRecoveryCode(secret, "k7q2-m9xp-4hzu") == h {
		t.Error("different codes hash alike")
	}
	if HashRecoveryCode([]byte("another secret, another server.."), "k7q2-m9xp-4hzt") == h {
		t.Error("hash does not depend on the secret")
	}
	// Pinned so that a change to the normalisation or the domain prefix,
	// which would lock every member out of their codes, cannot go unnoticed.
	// Computed independently with:
	// echo -n "recovery-code:k7q2-m9xp-4hzt" | openssl dgst -sha256 -hmac "$secret"
	const want = "1deedf158974c977063c2aea66368a62bd5c286f6b92810bea977c881f743d95"
	if h != want {
		t.Errorf("HashRecoveryCode = %s, want %s", h, want)
	}
}
