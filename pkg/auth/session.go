package auth

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"hearth/pkg/forum"
)

// Session lifetimes. A session ends after IdleTimeout without a request, and
// after AbsoluteTimeout whatever happens; people share devices.
const (
	IdleTimeout     = 7 * 24 * time.Hour
	AbsoluteTimeout = 30 * 24 * time.Hour
	// touchEvery limits last-seen writes to one per session per interval, so
	// reading pages does not write to the database on every request.
	touchEvery = 5 * time.Minute
)

// ErrNoSession means the cookie names no live session; the request is a
// visitor's.
var ErrNoSession = errors.New("no live session")

// Principal is the signed-in member behind a request.
type Principal struct {
	User      User
	Actor     *Actor
	TokenHash string
}

// StartSession creates a session for userID and returns the cookie token.
// Callers starting a session after login or a role change must end the old
// one, so a token is never reused across privilege changes.
func (s *Service) StartSession(ctx context.Context, userID int64, userAgent string) (string, error) {
	token, sess, err := s.newSession(userID, userAgent)
	if err != nil {
		return "", err
	}
	if err := s.store.CreateSession(ctx, sess); err != nil {
		return "", fmt.Errorf("create session: %w", err)
	}
	return token, nil
}

// newSession is a new session of userID, not yet stored, and its token.
func (s *Service) newSession(userID int64, userAgent string) (string, *Session, error) {
	token, hash, err := NewSessionToken()
	if err != nil {
		return "", nil, fmt.Errorf("session token: %w", err)
	}
	now := s.now()
	return token, &Session{TokenHash: hash, UserID: userID, Device: DeviceHint(userAgent), CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(AbsoluteTimeout)}, nil
}

// Resolve returns the member behind token, or ErrNoSession. Any malformed
// token is simply no session.
func (s *Service) Resolve(ctx context.Context, token string) (*Principal, error) {
	if token == "" || len(token) > 128 {
		return nil, ErrNoSession
	}
	hash := HashSessionToken(token)
	now := s.now()
	p, version, keep := s.cachedSession(ctx, hash, now)
	if p != nil {
		return p, nil
	}
	sess, u, err := s.store.SessionUser(ctx, hash, now, now.Add(-IdleTimeout))
	if errors.Is(err, forum.ErrNotFound) {
		return nil, ErrNoSession
	}
	if err != nil {
		return nil, fmt.Errorf("resolve session: %w", err)
	}
	if now.Sub(sess.LastSeenAt) > touchEvery {
		if err := s.store.TouchSession(ctx, hash, now); err != nil {
			return nil, fmt.Errorf("touch session: %w", err)
		}
		// The touch moved the database's version: nothing read
		// before it is kept.
		keep = false
	}
	var groups []int64
	if u.Role == RoleModerator && !u.ModeratorSiteWide {
		if groups, err = s.store.ModeratorGroups(ctx, u.ID); err != nil {
			return nil, fmt.Errorf("moderator groups: %w", err)
		}
	}
	if keep {
		s.sessions.Put(hash, version, CachedSession{Session: sess, User: u, Groups: slices.Clip(slices.Clone(groups))})
	}
	return &Principal{User: u, Actor: ActorFor(u, groups), TokenHash: hash}, nil
}

// EndSession logs the browser holding token out.
func (s *Service) EndSession(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	if err := s.store.DeleteSession(ctx, HashSessionToken(token)); err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	return nil
}

// EndOtherSessions logs userID out everywhere except the session keepHash
// ("" ends them all).
func (s *Service) EndOtherSessions(ctx context.Context, userID int64, keepHash string) error {
	if err := s.store.DeleteUserSessions(ctx, userID, keepHash); err != nil {
		return fmt.Errorf("end sessions: %w", err)
	}
	return nil
}
