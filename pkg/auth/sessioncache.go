package auth

import (
	"slices"
	"time"

	"hearth/pkg/vcache"
)

// sessionCache keeps what Resolve read for a session token between the
// member's requests: the session, the member and, for a moderator of some
// groups, those groups. Looking a session up is a 22-column query on every
// request a member makes, about an eighth of a thread page's time on
// SQLite.
//
// An entry is served only while version is the one it was read at, so
// version must grow with every write this process makes, and no other
// process may write the database but within ttl (on SQLite: one process
// writes the file, and ttl bounds what a command run beside the server,
// such as create-admin, could leave stale). Logging out, a password change,
// a suspension or a role change all write, so each ends the entry at once.
// The times the query checks (the session's expiry and idle timeout) are
// checked again on every use, so an entry never outlives its session.
type sessionCache struct {
	version func() uint64
	entries *vcache.Cache[string, sessionEntry]
}

type sessionEntry struct {
	sess   Session
	user   User
	groups []int64
}

// sessionCacheBytes bounds the sessions kept (about 2,000 of them).
const sessionCacheBytes = 1 << 20

// sessionEntryBytes is what one entry is taken to cost.
const sessionEntryBytes = 512

// WithSessionCache keeps resolved sessions for up to ttl, checked against
// version (see sessionCache). Zero ttl or a nil version leaves it off. It
// is for a database only this process writes.
func WithSessionCache(version func() uint64, ttl time.Duration) Option {
	return func(s *Service) {
		if version != nil && ttl > 0 {
			s.sessions = &sessionCache{version: version, entries: vcache.New[string, sessionEntry](ttl, sessionCacheBytes)}
		}
	}
}

// get returns the entry for hash if it is current and its session is
// still live at now.
func (sc *sessionCache) get(hash string, now time.Time) (sessionEntry, uint64, bool) {
	v := sc.version()
	e, ok := sc.entries.Get(hash, v)
	if !ok || !e.sess.ExpiresAt.After(now) || !e.sess.LastSeenAt.After(now.Add(-IdleTimeout)) {
		return sessionEntry{}, v, false
	}
	e.groups = slices.Clone(e.groups)
	return e, v, true
}

func (sc *sessionCache) put(hash string, v uint64, e sessionEntry) {
	e.groups = slices.Clip(slices.Clone(e.groups))
	sc.entries.Put(hash, v, e, sessionEntryBytes+8*len(e.groups))
}
