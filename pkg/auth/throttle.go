package auth

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Login throttling. Failed logins, recovery attempts, second-step codes and
// wrong passwords on settings pages are counted in the database (so every
// instance sees the same counts) under two kinds of key:
//
//   - the account: an HMAC of the pseudonym key that was typed, whether or
//     not such an account exists (so the throttle does not reveal which
//     names exist, and a password typed into the name field is never
//     stored);
//   - the client: the daily keyed hash of the address (ClientKeyer), never
//     the address.
//
// Over either limit within ThrottleWindow, attempts are refused without
// checking the password until the oldest counted failure leaves the
// window. Refused attempts are not counted, so waiting always works.
const (
	ThrottleWindow = 15 * time.Minute
	// AccountFailureLimit is generous for a member who mistypes and small
	// for someone guessing one account's password.
	AccountFailureLimit = 10
	// ClientFailureLimit allows for several people behind one address (a
	// library, a shared flat) while stopping one client from trying
	// passwords across many accounts.
	ClientFailureLimit = 30
)

// ThrottleError refuses an attempt after too many failures.
type ThrottleError struct {
	// RetryAfter is how long until the next attempt will be considered.
	RetryAfter time.Duration
}

// Error says how long to wait, for logs.
func (e *ThrottleError) Error() string {
	return fmt.Sprintf("auth: too many failed attempts; retry after %s", e.RetryAfter.Round(time.Second))
}

// Minutes is RetryAfter in whole minutes, rounded up, at least 1.
func (e *ThrottleError) Minutes() int {
	m := int((e.RetryAfter + time.Minute - 1) / time.Minute)
	return max(m, 1)
}

// throttleKey is one counter with its limit.
type throttleKey struct {
	key   string
	limit int
}

// attemptKeys are the counters an attempt on the account named typed, from
// clientKey, is charged to. typed may be anything the member typed.
func (s *Service) attemptKeys(typed, clientKey string) []throttleKey {
	name := PseudonymKey(typed)
	if name == "" {
		// Not a possible pseudonym: still counted, under its own hash.
		if len(typed) > maxPseudonymInput {
			typed = typed[:maxPseudonymInput]
		}
		name = "raw\x00" + typed
	}
	keys := []throttleKey{{"account:" + s.mac("throttle-account", name), AccountFailureLimit}}
	if clientKey != "" {
		keys = append(keys, throttleKey{"client:" + clientKey, ClientFailureLimit})
	}
	return keys
}

// checkThrottle returns a *ThrottleError when any key is at its limit.
func (s *Service) checkThrottle(ctx context.Context, keys []throttleKey) error {
	now := s.now()
	var wait time.Duration
	for _, k := range keys {
		times, err := s.store.FailureTimes(ctx, k.key, now.Add(-ThrottleWindow))
		if err != nil {
			return fmt.Errorf("throttle: %w", err)
		}
		if len(times) < k.limit {
			continue
		}
		// Once the failure at this position leaves the window, the count
		// drops below the limit again.
		free := times[len(times)-k.limit].Add(ThrottleWindow)
		wait = max(wait, free.Sub(now))
	}
	if wait > 0 {
		return &ThrottleError{RetryAfter: wait}
	}
	return nil
}

// recordFailure counts a failed attempt against keys.
func (s *Service) recordFailure(ctx context.Context, keys []throttleKey) error {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.key
	}
	now := s.now()
	if err := s.store.RecordFailure(ctx, names, now, now.Add(-ThrottleWindow)); err != nil {
		return fmt.Errorf("record failure: %w", err)
	}
	return nil
}

// verifyThrottled checks pw against u's password (or does the same work
// for a missing account when u is nil), charging a failure to keys. It
// returns whether the password matched; a throttled attempt is an error.
func (s *Service) verifyThrottled(ctx context.Context, u *User, pw string, keys []throttleKey) (bool, error) {
	if err := s.checkThrottle(ctx, keys); err != nil {
		return false, err
	}
	ok := false
	if u != nil {
		var err error
		ok, err = s.hasher.Verify(ctx, pw, u.PasswordHash)
		switch {
		case errors.Is(err, ErrMalformedHash):
			// An account without a usable password (made by a fixture or
			// an import) cannot log in, and takes as long as any other.
			if err := s.hasher.VerifyDummy(ctx, pw); err != nil {
				return false, err
			}
		case err != nil:
			return false, err
		}
	} else if err := s.hasher.VerifyDummy(ctx, pw); err != nil {
		return false, err
	}
	if !ok {
		if err := s.recordFailure(ctx, keys); err != nil {
			return false, err
		}
	}
	return ok, nil
}
