package auth

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"testing"
)

func TestNewSessionToken(t *testing.T) {
	token, hash, err := NewSessionToken()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(raw) != 32 {
		t.Fatalf("token %q is not 32 bytes of base64url: %v", token, err)
	}
	sum := sha256.Sum256([]byte(token))
	if hash != hex.EncodeToString(sum[:]) || hash != HashSessionToken(token) {
		t.Errorf("hash %q is not the hex SHA-256 of the token", hash)
	}
	other, _, _ := NewSessionToken()
	if other == token {
		t.Error("two tokens are equal")
	}
}

func TestHashSessionToken(t *testing.T) {
	// SHA-256 of "abc" from FIPS 180-2, appendix B.1.
	const want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	if got := HashSessionToken("abc"); got != want {
		t.Errorf("HashSessionToken(abc) = %s, want %s", got, want)
	}
}
