package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// sessionTokenBytes is 256 bits: far beyond guessing, online or offline.
const sessionTokenBytes = 32

// NewSessionToken returns a new random session token for the cookie and the
// hash to store. Only the hash is kept server-side, so a leaked copy of the
// sessions table cannot be replayed as cookies.
func NewSessionToken() (token string, hash string, err error) {
	b := make([]byte, sessionTokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashSessionToken(token), nil
}

// HashSessionToken returns the hex SHA-256 of a session token. A plain hash
// suffices because the token is 256 random bits; there is nothing to
// brute-force.
func HashSessionToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
