package cache

import (
	"context"
	"time"

	"hearth/pkg/auth"
)

// sessionTTL bounds how long a session is kept unread. Resolve also goes
// back to the database for a session due its five-minute touch, which
// moves the version, so an entry rarely lives this long.
const sessionTTL = 10 * time.Minute

// sessionBytes is what one kept session is taken to cost (the member's
// row, the session's, a moderator's groups).
const sessionBytes = 512

// Sessions keeps resolved sessions between a member's requests
// (auth.SessionCache), each served only at the database version it was
// read at. The version (store.DB.DataVersion: SQLite's data_version) moves
// with every commit by any connection of any process, so an entry ends at
// the first write anywhere, a logout, password change, sanction or role
// change among them.
type Sessions struct {
	version func(context.Context) (uint64, error)
	entries *Versioned[string, auth.CachedSession]
}

var _ auth.SessionCache = (*Sessions)(nil)

// NewSessions keeps about n sessions, checked against version.
func NewSessions(version func(context.Context) (uint64, error), n int) *Sessions {
	return &Sessions{version: version, entries: NewVersioned[string, auth.CachedSession](sessionTTL, n*sessionBytes)}
}

// Version implements auth.SessionCache.
func (sc *Sessions) Version(ctx context.Context) (uint64, error) { return sc.version(ctx) }

// Get implements auth.SessionCache.
func (sc *Sessions) Get(hash string, version uint64) (auth.CachedSession, bool) {
	return sc.entries.Get(hash, version)
}

// Put implements auth.SessionCache.
func (sc *Sessions) Put(hash string, version uint64, e auth.CachedSession) {
	sc.entries.Put(hash, version, e, sessionBytes+8*len(e.Groups))
}

// Len is the number of sessions kept.
func (sc *Sessions) Len() int { return sc.entries.Len() }
