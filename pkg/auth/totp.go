package auth

import (
	"bytes"
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/boombuler/barcode/qr"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// TOTP settings: the RFC 6238 defaults (HMAC-SHA1, 30-second steps, six
// digits), which every authenticator app understands, accepting the step
// before and after the current one for clock drift.
const (
	totpPeriod     = 30
	totpSkew       = 1
	totpSecretSize = 20 // 160 bits, the HMAC-SHA1 block recommended by RFC 4226
)

var totpOpts = totp.ValidateOpts{
	Period:    totpPeriod,
	Skew:      totpSkew,
	Digits:    otp.DigitsSix,
	Algorithm: otp.AlgorithmSHA1,
}

// NewTOTPSecret makes a new random TOTP secret (base32) for account and the
// otpauth:// URL an authenticator app reads from a QR code.
func NewTOTPSecret(issuer, account string) (secret, otpauthURL string, err error) {
	key, err := totp.Generate(totp.GenerateOpts{
		Issuer:      issuer,
		AccountName: account,
		Period:      totpPeriod,
		SecretSize:  totpSecretSize,
		Digits:      totpOpts.Digits,
		Algorithm:   totpOpts.Algorithm,
	})
	if err != nil {
		return "", "", fmt.Errorf("auth: new TOTP secret: %w", err)
	}
	return key.Secret(), key.URL(), nil
}

// ValidateTOTP reports whether code is the six-digit code for secret at now,
// or one step either side of it. Spaces in the code are ignored.
//
// It cannot tell a fresh code from a replayed one; use MatchTOTP and keep
// the last accepted step to refuse a code that was already used.
func ValidateTOTP(secret, code string, now time.Time) bool {
	_, ok := MatchTOTP(secret, code, now)
	return ok
}

// MatchTOTP is ValidateTOTP that also returns the time step (Unix time
// divided by 30 seconds) the code belongs to. RFC 6238 section 5.2 asks
// verifiers to refuse a code whose step is not later than the last one
// accepted for the account.
func MatchTOTP(secret, code string, now time.Time) (step int64, ok bool) {
	code = strings.Join(strings.Fields(code), "")
	if strings.TrimSpace(secret) == "" || len(code) != totpOpts.Digits.Length() {
		return 0, false
	}
	current := now.Unix() / totpPeriod
	if now.Unix() < 0 && now.Unix()%totpPeriod != 0 {
		current-- // round toward minus infinity, as RFC 6238's floor does
	}
	// Every candidate is computed and compared, so the time taken does not
	// say which step matched.
	for offset := -int64(totpSkew); offset <= totpSkew; offset++ {
		s := current + offset
		want, err := totp.GenerateCodeCustom(secret, time.Unix(s*totpPeriod, 0), totpOpts)
		if err != nil {
			return 0, false
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 && !ok {
			step, ok = s, true
		}
	}
	return step, ok
}

// qrQuietZone is the four-module white border the QR specification
// requires around the symbol; scanners struggle without it.
const qrQuietZone = 4

// qrModulePixels is the default drawing size of one module; the SVG scales.
const qrModulePixels = 6

// QRCodeSVG renders content (an otpauth:// URL) as a QR code in a
// standalone SVG document: black modules on a white square with the quiet
// zone, no scripts, styles, fonts or external references, so it can be
// served as image/svg+xml under a strict Content-Security-Policy.
func QRCodeSVG(content string) ([]byte, error) {
	if content == "" {
		return nil, errors.New("auth: nothing to encode in a QR code")
	}
	code, err := qr.Encode(content, qr.M, qr.Auto)
	if err != nil {
		return nil, fmt.Errorf("auth: QR code: %w", err)
	}
	bounds := code.Bounds()
	n := bounds.Dx()
	dark := func(x, y int) bool {
		r, _, _, _ := code.At(bounds.Min.X+x, bounds.Min.Y+y).RGBA()
		return r < 0x8000
	}
	size := n + 2*qrQuietZone

	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 %d %d" width="%d" height="%d" shape-rendering="crispEdges" role="img" aria-label="QR code for your authenticator app">`,
		size, size, size*qrModulePixels, size*qrModulePixels)
	b.WriteString("\n<title>QR code for your authenticator app</title>\n")
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", size, size)
	b.WriteString(`<g fill="#000000">` + "\n")
	// One rectangle per horizontal run of dark modules keeps the document
	// small without changing what is drawn.
	for y := range n {
		for x := 0; x < n; {
			if !dark(x, y) {
				x++
				continue
			}
			start := x
			for x < n && dark(x, y) {
				x++
			}
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="1"/>`+"\n", start+qrQuietZone, y+qrQuietZone, x-start)
		}
	}
	b.WriteString("</g>\n</svg>\n")
	return b.Bytes(), nil
}
