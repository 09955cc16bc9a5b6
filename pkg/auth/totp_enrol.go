package auth

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"

	"hearth/pkg/forum"
)

// TOTPIssuer names Hearth in authenticator apps.
const TOTPIssuer = "Hearth"

const (
	msgTOTPCode     = "That code didn't match. Please enter the newest six-digit code from your app; if it keeps failing, check that your phone's clock is set automatically."
	msgTOTPNoSetup  = "Please start setting up two-factor codes first."
	msgTOTPEnabled  = "Two-factor codes are already on."
	msgTOTPDisabled = "Two-factor codes are already off."
)

// StartTOTP gives the member a new, unconfirmed TOTP secret to scan. It
// replaces any earlier unconfirmed one; it refuses while codes are on.
func (s *Service) StartTOTP(ctx context.Context, p *Principal) error {
	if p.User.TOTPEnabled {
		return &forum.ValidationError{Fields: map[string]string{"code": msgTOTPEnabled}}
	}
	secret, _, err := NewTOTPSecret(TOTPIssuer, p.User.Username)
	if err != nil {
		return err
	}
	if err := s.store.SetTOTPSecret(ctx, p.User.ID, secret, s.now()); err != nil {
		return fmt.Errorf("store TOTP secret: %w", err)
	}
	return nil
}

// TOTPURL is the otpauth:// URL of secret for account, as authenticator
// apps read it from a QR code.
func TOTPURL(account, secret string) string {
	q := url.Values{}
	q.Set("secret", secret)
	q.Set("issuer", TOTPIssuer)
	q.Set("algorithm", "SHA1")
	q.Set("digits", strconv.Itoa(totpOpts.Digits.Length()))
	q.Set("period", strconv.Itoa(totpPeriod))
	u := url.URL{Scheme: "otpauth", Host: "totp", Path: "/" + TOTPIssuer + ":" + account, RawQuery: q.Encode()}
	return u.String()
}

// PendingTOTP returns the otpauth URL and secret of the member's
// unconfirmed setup, if one is under way.
func PendingTOTP(u User) (otpauthURL, secret string, ok bool) {
	if u.TOTPEnabled || u.TOTPSecret == "" {
		return "", "", false
	}
	return TOTPURL(u.Username, u.TOTPSecret), u.TOTPSecret, true
}

// ConfirmTOTP turns two-factor codes on once the member shows a code from
// the secret StartTOTP gave them. The code's step is recorded, so it cannot
// be used again to log in.
func (s *Service) ConfirmTOTP(ctx context.Context, p *Principal, code string) error {
	u := p.User
	if _, _, ok := PendingTOTP(u); !ok {
		msg := msgTOTPNoSetup
		if u.TOTPEnabled {
			msg = msgTOTPEnabled
		}
		return &forum.ValidationError{Fields: map[string]string{"code": msg}}
	}
	step, ok := MatchTOTP(u.TOTPSecret, code, s.now())
	if !ok || step <= u.TOTPLastStep {
		return &forum.ValidationError{Fields: map[string]string{"code": msgTOTPCode}}
	}
	err := s.store.EnableTOTP(ctx, u.ID, u.TOTPSecret, step, s.now())
	if errors.Is(err, forum.ErrConflict) {
		// Another tab started over or finished first.
		return &forum.ValidationError{Fields: map[string]string{"code": msgTOTPNoSetup}}
	}
	if err != nil {
		return fmt.Errorf("enable TOTP: %w", err)
	}
	return nil
}

// DisableTOTP turns two-factor codes off after checking the password and
// a current, unused code.
func (s *Service) DisableTOTP(ctx context.Context, p *Principal, password, code, clientKey string) error {
	if !p.User.TOTPEnabled {
		return &forum.ValidationError{Fields: map[string]string{"code": msgTOTPDisabled}}
	}
	if err := s.confirmPassword(ctx, p, password, clientKey); err != nil {
		return err
	}
	if err := s.useTOTP(ctx, p.User, code); err != nil {
		if errors.Is(err, ErrBadCode) {
			if rerr := s.recordFailure(ctx, s.attemptKeys(p.User.Username, clientKey)); rerr != nil {
				return rerr
			}
			return &forum.ValidationError{Fields: map[string]string{"code": msgTOTPCode}}
		}
		return err
	}
	if err := s.store.DisableTOTP(ctx, p.User.ID, s.now()); err != nil {
		return fmt.Errorf("disable TOTP: %w", err)
	}
	return nil
}
