package auth

import (
	"context"
	"slices"
	"time"
)

// SessionCache keeps what Resolve read for a session token between a
// member's requests (hearth/pkg/cache.Sessions). An entry is served only at
// the database version it was read at, and the version must move with every
// commit any process makes to the database, so a logout, a password change,
// a sanction or a role change made on any instance ends the entry before
// the next request. Version is read before the query whose result is kept:
// a write that lands between the two leaves the entry at an older version,
// never the reverse.
type SessionCache interface {
	// Version is the database's version now.
	Version(ctx context.Context) (uint64, error)
	// Get is the entry for a token hash kept at version.
	Get(hash string, version uint64) (CachedSession, bool)
	// Put keeps e for hash at version.
	Put(hash string, version uint64, e CachedSession)
}

// CachedSession is one resolved session: the session, its member and, for
// a moderator of some groups, those groups.
type CachedSession struct {
	Session Session
	User    User
	Groups  []int64
}

// Option configures a Service.
type Option func(*Service)

// WithSessionCache keeps resolved sessions in c (nil for none).
func WithSessionCache(c SessionCache) Option {
	return func(s *Service) { s.sessions = c }
}

// cachedSession is the principal kept for hash at the database's version
// now, if there is one and its session is still live at now and needs no
// touch; version is that version, and ok whether it could be read.
func (s *Service) cachedSession(ctx context.Context, hash string, now time.Time) (p *Principal, version uint64, ok bool) {
	if s.sessions == nil {
		return nil, 0, false
	}
	v, err := s.sessions.Version(ctx)
	if err != nil {
		return nil, 0, false
	}
	e, hit := s.sessions.Get(hash, v)
	// The times the query checks are checked again on every use, and an
	// entry due a touch goes back to the database, so it never outlives
	// its session nor keeps it from being touched.
	if !hit || !e.Session.ExpiresAt.After(now) || !e.Session.LastSeenAt.After(now.Add(-IdleTimeout)) ||
		now.Sub(e.Session.LastSeenAt) > touchEvery {
		return nil, v, true
	}
	return &Principal{User: e.User, Actor: ActorFor(e.User, slices.Clone(e.Groups)), TokenHash: hash}, v, true
}
