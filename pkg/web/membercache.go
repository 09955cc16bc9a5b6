package web

import (
	"sync"
	"sync/atomic"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// memberCacheSize bounds how many members' settings are kept: an entry is
// a few hundred bytes, and a small instance rarely has this many members
// signed in at once.
const memberCacheSize = 4096

// memberCache keeps, for each signed-in member, what every page they view
// reads about them besides their users row: their trigger-warning
// preferences, the members they blocked, their breaks and the moderators'
// notices to them. Without it a member's page makes four more queries.
//
// An entry is valid while the member's settings version is the one it was
// filled at. The database moves that version in the same transaction as
// any change to those rows (triggers, migration 16), and the session
// lookup reads it with the member on every request, so an entry never
// outlives a change, whichever instance made it, and checking costs no
// query. Breaks also end by the clock: the breaks are kept only until the
// first of them ends, when they are read again.
//
// Entries and the values in them are shared between requests: callers
// must not change what they get. Every page reads the entry several
// times, so reading takes no lock (a sync.Map of immutable entries);
// filling copies the entry. When more than memberCacheSize members are
// kept, the map is replaced by an empty one.
type memberCache struct {
	m    atomic.Pointer[sync.Map]
	n    atomic.Int64
	fill sync.Mutex
}

// memberState is one member's cached settings; each part is loaded on
// first use.
type memberState struct {
	version int64

	prefs    forum.Prefs
	hasPrefs bool

	blocked    map[int64]bool
	hasBlocked bool

	breaks      forum.BreakSet
	breaksUntil time.Time
	hasBreaks   bool

	notices    []moderation.Notice
	hasNotices bool
}

func newMemberCache() *memberCache {
	mc := &memberCache{}
	mc.m.Store(&sync.Map{})
	return mc
}

// get returns the member's entry at version, or an empty one.
func (mc *memberCache) get(userID, version int64) memberState {
	if v, ok := mc.m.Load().Load(userID); ok {
		if e := v.(*memberState); e.version == version {
			return *e
		}
	}
	return memberState{version: version}
}

// update applies fill to a copy of the member's entry at version (a fresh
// one when the entry was filled at another version) and stores the copy.
func (mc *memberCache) update(userID, version int64, fill func(*memberState)) {
	mc.fill.Lock()
	defer mc.fill.Unlock()
	m := mc.m.Load()
	e := memberState{version: version}
	old, ok := m.Load(userID)
	if ok && old.(*memberState).version == version {
		e = *old.(*memberState)
	}
	fill(&e)
	if !ok {
		if mc.n.Add(1) > memberCacheSize {
			m = &sync.Map{}
			mc.m.Store(m)
			mc.n.Store(1)
		}
	}
	m.Store(userID, &e)
}

// breaksEnd is when a set of current breaks next changes by the clock:
// when the first of them ends. New and shortened breaks move the settings
// version instead. A member with no break gets the zero time, which the
// caller treats as "until the version moves".
func breaksEnd(bs forum.BreakSet) time.Time {
	var end time.Time
	for _, b := range bs {
		if end.IsZero() || b.EndsAt.Before(end) {
			end = b.EndsAt
		}
	}
	return end
}
