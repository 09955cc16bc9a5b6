package forum

import (
	"context"
	"fmt"
)

// Subscription returns member userID's state for a thread: SubFollow,
// SubMute or "".
func (s *Service) Subscription(ctx context.Context, userID, threadID int64) (string, error) {
	st, err := s.store.Subscription(ctx, userID, threadID)
	if err != nil {
		return "", fmt.Errorf("subscription to thread %d: %w", threadID, err)
	}
	return st, nil
}

// ToggleSubscription switches state (SubFollow or SubMute) on for a thread,
// or off when it is already on, and returns the new state.
func (s *Service) ToggleSubscription(ctx context.Context, userID, threadID int64, state string) (string, error) {
	if state != SubFollow && state != SubMute {
		return "", fmt.Errorf("subscription state %q: %w", state, ErrForbidden)
	}
	cur, err := s.Subscription(ctx, userID, threadID)
	if err != nil {
		return "", err
	}
	next := state
	if cur == state {
		next = ""
	}
	if err := s.store.SetSubscription(ctx, userID, threadID, next, s.now()); err != nil {
		return "", fmt.Errorf("set subscription to thread %d: %w", threadID, err)
	}
	return next, nil
}
