package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// The headers of a delivery.
const (
	// HeaderSignature is "sha256=" and the hex HMAC-SHA256 of the body
	// under the endpoint's secret.
	HeaderSignature = "X-Hearth-Signature"
	// HeaderEvent names the event, as the body's "event" does.
	HeaderEvent = "X-Hearth-Event"
	// HeaderDelivery is the delivery's id, the same on every attempt, so a
	// receiver can ignore a repeat.
	HeaderDelivery = "X-Hearth-Delivery"
)

// Sign returns the signature header's value for body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether signature is body's under secret, comparing in
// constant time. Receivers written in Go can use it as it is.
func Verify(secret string, body []byte, signature string) bool {
	got, ok := strings.CutPrefix(signature, "sha256=")
	if !ok {
		return false
	}
	want := Sign(secret, body)[len("sha256="):]
	return hmac.Equal([]byte(got), []byte(want))
}
