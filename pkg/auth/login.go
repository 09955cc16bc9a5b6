package auth

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"hearth/pkg/forum"
)

// ErrBadCredentials is the one answer to a failed login, whether the
// pseudonym exists or not.
var ErrBadCredentials = errors.New("auth: pseudonym or password did not match")

// ErrBadCode refuses a two-factor code that is wrong, expired or used.
var ErrBadCode = errors.New("auth: two-factor code did not match")

// PendingLoginTTL is how long the second step of a login may take.
const PendingLoginTTL = 5 * time.Minute

// LoginInput is what the login form sends, with the request's client key
// and User-Agent.
type LoginInput struct {
	Username  string
	Password  string
	ClientKey string
	UserAgent string
}

// LoginResult is a signed-in session, or, for a member with two-factor
// codes, a pending login that LoginTOTP completes.
type LoginResult struct {
	User User
	// Token is the new session's cookie token; empty when Pending is set.
	Token string
	// Pending is a signed, short-lived ticket for the second step.
	Pending string
}

// Login checks a pseudonym and password. A wrong password and an unknown
// pseudonym both give ErrBadCredentials after the same amount of hashing;
// too many failures give a *ThrottleError. Suspended and banned members may
// log in (to read why, export or delete); the web layer keeps them to that.
func (s *Service) Login(ctx context.Context, in LoginInput) (LoginResult, error) {
	keys := s.attemptKeys(in.Username, in.ClientKey)
	var found *User
	if key := PseudonymKey(in.Username); key != "" {
		u, err := s.store.UserByKey(ctx, key)
		switch {
		case err == nil:
			found = &u
		case !errors.Is(err, forum.ErrNotFound):
			return LoginResult{}, fmt.Errorf("look up account: %w", err)
		}
	}
	ok, err := s.verifyThrottled(ctx, found, in.Password, keys)
	if err != nil {
		return LoginResult{}, err
	}
	if !ok {
		return LoginResult{}, ErrBadCredentials
	}
	u := *found
	if err := s.store.ClearFailures(ctx, keys[0].key); err != nil {
		return LoginResult{}, fmt.Errorf("clear failures: %w", err)
	}
	if s.hasher.NeedsRehash(u.PasswordHash) {
		hash, err := s.hasher.Hash(ctx, in.Password)
		if err != nil {
			return LoginResult{}, fmt.Errorf("rehash: %w", err)
		}
		if err := s.store.SetPasswordHash(ctx, u.ID, hash, s.now()); err != nil {
			return LoginResult{}, fmt.Errorf("store rehash: %w", err)
		}
		u.PasswordHash = hash
	}
	if u.TOTPEnabled {
		return LoginResult{User: u, Pending: s.pendingTicket(u, s.now().Add(PendingLoginTTL))}, nil
	}
	token, err := s.StartSession(ctx, u.ID, in.UserAgent)
	if err != nil {
		return LoginResult{}, err
	}
	return LoginResult{User: u, Token: token}, nil
}

// LoginTOTP completes a pending login with a two-factor code. A wrong,
// expired or reused code is ErrBadCode and counts as a failed login; an
// invalid or stale ticket is ErrBadCredentials (start again).
func (s *Service) LoginTOTP(ctx context.Context, pending, code, clientKey, userAgent string) (User, string, error) {
	uid, ok := s.readPendingTicket(pending)
	if !ok {
		return User{}, "", ErrBadCredentials
	}
	u, err := s.store.UserByID(ctx, uid)
	if errors.Is(err, forum.ErrNotFound) {
		return User{}, "", ErrBadCredentials
	} else if err != nil {
		return User{}, "", fmt.Errorf("load account: %w", err)
	}
	// The ticket names the password it was earned with: changing the
	// password (or recovering the account) voids tickets in flight.
	if !u.TOTPEnabled || !hmac.Equal([]byte(pending), []byte(s.pendingTicketAt(u, pending))) {
		return User{}, "", ErrBadCredentials
	}
	keys := s.attemptKeys(u.Username, clientKey)
	if err := s.checkThrottle(ctx, keys); err != nil {
		return User{}, "", err
	}
	if err := s.useTOTP(ctx, u, code); err != nil {
		if errors.Is(err, ErrBadCode) {
			if rerr := s.recordFailure(ctx, keys); rerr != nil {
				return User{}, "", rerr
			}
		}
		return User{}, "", err
	}
	token, err := s.StartSession(ctx, u.ID, userAgent)
	if err != nil {
		return User{}, "", err
	}
	return u, token, nil
}

// useTOTP accepts code for u once: a code of a step already used is
// refused, even within its 90 seconds of validity.
func (s *Service) useTOTP(ctx context.Context, u User, code string) error {
	step, ok := MatchTOTP(u.TOTPSecret, code, s.now())
	if !ok || step <= u.TOTPLastStep {
		return ErrBadCode
	}
	if err := s.store.UseTOTPStep(ctx, u.ID, step); err != nil {
		if errors.Is(err, forum.ErrConflict) {
			return ErrBadCode
		}
		return fmt.Errorf("record code: %w", err)
	}
	return nil
}

// pendingTicket signs "user id, expiry, password fingerprint".
func (s *Service) pendingTicket(u User, expires time.Time) string {
	payload := strconv.FormatInt(u.ID, 10) + "." + strconv.FormatInt(expires.Unix(), 10)
	return payload + "." + s.mac("pending-login", payload, passwordFingerprint(u.PasswordHash))
}

// pendingTicketAt recomputes the ticket u would have been given with the
// expiry written in ticket, for comparison.
func (s *Service) pendingTicketAt(u User, ticket string) string {
	parts := strings.Split(ticket, ".")
	if len(parts) != 3 {
		return ""
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return ""
	}
	return s.pendingTicket(u, time.Unix(exp, 0))
}

// readPendingTicket returns the user id of an unexpired, well-formed
// ticket; its signature is checked against the account by the caller.
func (s *Service) readPendingTicket(ticket string) (int64, bool) {
	if len(ticket) > 256 {
		return 0, false
	}
	parts := strings.Split(ticket, ".")
	if len(parts) != 3 {
		return 0, false
	}
	uid, err1 := strconv.ParseInt(parts[0], 10, 64)
	exp, err2 := strconv.ParseInt(parts[1], 10, 64)
	if err1 != nil || err2 != nil || uid <= 0 || !s.now().Before(time.Unix(exp, 0)) {
		return 0, false
	}
	return uid, true
}

func passwordFingerprint(hash string) string {
	sum := sha256.Sum256([]byte(hash))
	return base64.RawURLEncoding.EncodeToString(sum[:12])
}

// SessionHandle names a session in the member's session list without
// revealing its token hash.
func SessionHandle(tokenHash string) string {
	sum := sha256.Sum256([]byte("session-handle:" + tokenHash))
	return hex.EncodeToString(sum[:10])
}
