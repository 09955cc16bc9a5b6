package auth

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"hearth/pkg/forum"
)

const (
	msgCurrentPassword = "That isn't your current password. Please try again."
	msgConfirmPassword = "Please enter your password to confirm."
	msgCountry         = "Please choose a country from the list."
	msgLanguage        = "Please choose a language from the list."
)

// confirmPassword checks the signed-in member's password before a
// sensitive change. A wrong one is a *forum.ValidationError on the field
// "current_password" and counts towards the login throttle.
func (s *Service) confirmPassword(ctx context.Context, p *Principal, password, clientKey string) error {
	if password == "" {
		return &forum.ValidationError{Fields: map[string]string{"current_password": msgConfirmPassword}}
	}
	u := p.User
	ok, err := s.verifyThrottled(ctx, &u, password, s.attemptKeys(u.Username, clientKey))
	if err != nil {
		return err
	}
	if !ok {
		return &forum.ValidationError{Fields: map[string]string{"current_password": msgCurrentPassword}}
	}
	return nil
}

// ChangePassword replaces the member's password after checking the current
// one and ends every session of the account, the one it was asked from
// included: whoever was signed in with the old password (or holds a copy
// of this browser's cookie) is signed out. The member stays signed in
// here through a new session, whose token it returns for the cookie.
func (s *Service) ChangePassword(ctx context.Context, p *Principal, current, next, clientKey, userAgent string) (string, error) {
	v := &forum.ValidationError{}
	if next == "" {
		v.Add("password", msgPasswordMissing)
	} else {
		addFieldError(v, ValidatePassword(next, p.User.Username))
	}
	if err := v.OrNil(); err != nil {
		if current == "" {
			v.Add("current_password", msgConfirmPassword)
		}
		return "", err
	}
	if err := s.confirmPassword(ctx, p, current, clientKey); err != nil {
		return "", err
	}
	hash, err := s.hasher.Hash(ctx, next)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	token, sess, err := s.newSession(p.User.ID, userAgent)
	if err != nil {
		return "", err
	}
	if err := s.store.ChangePassword(ctx, p.User.ID, hash, sess, s.now()); err != nil {
		return "", fmt.Errorf("change password: %w", err)
	}
	return token, nil
}

// countryCode is an ISO 3166-1 alpha-2 code ("ZZ" stands for "other / not
// listed"), or empty for no choice.
var countryCode = regexp.MustCompile(`^(?:[A-Z]{2})?$`)

// SetCountry stores the member's country, which chooses the helplines on
// the crisis page. Which codes are offered is the web layer's list; here
// only the shape is checked.
func (s *Service) SetCountry(ctx context.Context, p *Principal, code string) error {
	if !countryCode.MatchString(code) {
		return &forum.ValidationError{Fields: map[string]string{"country": msgCountry}}
	}
	if err := s.store.SetCountry(ctx, p.User.ID, code, s.now()); err != nil {
		return fmt.Errorf("set country: %w", err)
	}
	return nil
}

// languageCode is the shape of a BCP 47 language tag ("es", "pt-BR"), or
// empty for no choice.
var languageCode = regexp.MustCompile(`^(?:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?$`)

// SetLanguage stores the language the member reads Hearth in. Which codes
// are offered is the web layer's list (the catalogues it has); here only
// the shape is checked.
func (s *Service) SetLanguage(ctx context.Context, p *Principal, code string) error {
	if !languageCode.MatchString(code) {
		return &forum.ValidationError{Fields: map[string]string{"language": msgLanguage}}
	}
	if err := s.store.SetLanguage(ctx, p.User.ID, code, s.now()); err != nil {
		return fmt.Errorf("set language: %w", err)
	}
	return nil
}

// SessionInfo is one of the member's sessions as the settings page shows
// it: no token, no address.
type SessionInfo struct {
	Handle     string
	Device     string
	CreatedAt  time.Time
	LastSeenAt time.Time
	Current    bool
}

// Sessions lists the member's live sessions, marking the current one.
func (s *Service) Sessions(ctx context.Context, p *Principal) ([]SessionInfo, error) {
	now := s.now()
	ss, err := s.store.UserSessions(ctx, p.User.ID, now, now.Add(-IdleTimeout))
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	out := make([]SessionInfo, len(ss))
	for i, x := range ss {
		out[i] = SessionInfo{Handle: SessionHandle(x.TokenHash), Device: x.Device, CreatedAt: x.CreatedAt, LastSeenAt: x.LastSeenAt, Current: x.TokenHash == p.TokenHash}
	}
	return out, nil
}

// EndSessionByHandle ends one of the member's own sessions. A handle that
// is not one of theirs is forum.ErrNotFound: nobody can end someone else's
// session by changing it. It reports whether the session ended was the
// current one.
func (s *Service) EndSessionByHandle(ctx context.Context, p *Principal, handle string) (current bool, err error) {
	now := s.now()
	ss, err := s.store.UserSessions(ctx, p.User.ID, now, now.Add(-IdleTimeout))
	if err != nil {
		return false, fmt.Errorf("list sessions: %w", err)
	}
	for _, x := range ss {
		if SessionHandle(x.TokenHash) == handle {
			if err := s.store.DeleteSession(ctx, x.TokenHash); err != nil {
				return false, fmt.Errorf("end session: %w", err)
			}
			return x.TokenHash == p.TokenHash, nil
		}
	}
	return false, fmt.Errorf("session %q: %w", handle, forum.ErrNotFound)
}
