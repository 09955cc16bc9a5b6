package cache

import (
	"context"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// Member names a signed-in member with the two versions the database keeps
// on their users row and the session lookup reads with it. Settings grows
// with every change to their trigger-warning preferences, blocks, breaks,
// the moderators' notices to them (migration 16), the tag vocabulary
// (migration 20) and the moderation hours (migration 22); Notices with every change their unread count depends on,
// the threads they follow or mute included (migration 20).
type Member struct {
	ID       int64
	Settings int64
	Notices  int64
}

// Members keeps, for each signed-in member, what every page they view
// reads about them besides their users row: preferences, the members they
// blocked, their breaks, the moderators' notices to them, their unread
// count, whether they follow the threads they read, and the tag
// vocabulary. Each part is valid while the version it was read at is the one
// the session lookup just read, which triggers move in the writing
// transaction: exact on both databases and for any number of instances,
// at no query to check. Breaks also end by the clock, so they are kept
// only until the first of them ends.
//
// Entries are immutable and shared: callers must not change what they get.
// Reading takes no lock (a sync.Map of entries); filling copies the entry.
// Past the size bound the map is replaced by an empty one. A nil *Members
// keeps nothing: every method loads.
type Members struct {
	max int64
	// vocab is the vocabulary last loaded, which members' entries share
	// while the database returns the same.
	vocab atomic.Pointer[[]forum.Tag]
	m     atomic.Pointer[sync.Map]
	n     atomic.Int64
	fill  sync.Mutex
}

// memberEntry is one member's kept parts, each with the version it was
// read at (0 when not read: the versions start at 0, so a part is marked
// by its has flag).
type memberEntry struct {
	settings, notices int64

	prefs    forum.Prefs
	hasPrefs bool

	blocked    map[int64]bool
	hasBlocked bool

	breaks      forum.BreakSet
	breaksUntil time.Time
	hasBreaks   bool

	modNotices    []moderation.Notice
	hasModNotices bool

	unread    int
	hasUnread bool

	// follows maps thread ids to the member's follow state ("" for none).
	follows map[int64]string

	vocab    []forum.Tag
	hasVocab bool

	hours    moderation.Hours
	hasHours bool

	// visitAt is when this process last recorded the member's visit, and
	// visitSince what that visit answered; kept across versions, since a
	// visit depends on the clock alone.
	visitAt    time.Time
	visitSince time.Time
}

// VisitRefresh is how long a recorded visit stands for the member's later
// page views in this process: within it, Visit answers from memory and
// writes nothing. The visit's time is exact to within it, far below the
// hour forum.VisitGap measures.
const VisitRefresh = 5 * time.Minute

// followsKept bounds the threads whose follow state one entry keeps.
const followsKept = 64

// NewMembers returns a cache for up to size members, or nil (no caching)
// for size <= 0.
func NewMembers(size int) *Members {
	if size <= 0 {
		return nil
	}
	mc := &Members{max: int64(size)}
	mc.m.Store(&sync.Map{})
	return mc
}

// entry returns k's entry with the parts of another version cleared.
func (mc *Members) entry(k Member) memberEntry {
	v, ok := mc.m.Load().Load(k.ID)
	if !ok {
		return memberEntry{settings: k.Settings, notices: k.Notices}
	}
	e := *v.(*memberEntry)
	if e.settings != k.Settings {
		e.prefs, e.hasPrefs, e.blocked, e.hasBlocked = nil, false, nil, false
		e.breaks, e.breaksUntil, e.hasBreaks = nil, time.Time{}, false
		e.modNotices, e.hasModNotices = nil, false
		e.vocab, e.hasVocab = nil, false
		e.hours, e.hasHours = moderation.Hours{}, false
		e.settings = k.Settings
	}
	if e.notices != k.Notices {
		e.unread, e.hasUnread, e.follows, e.notices = 0, false, nil, k.Notices
	}
	return e
}

// update applies fill to a copy of k's entry and stores it.
func (mc *Members) update(k Member, fill func(*memberEntry)) {
	mc.fill.Lock()
	defer mc.fill.Unlock()
	m := mc.m.Load()
	e := mc.entry(k)
	fill(&e)
	if _, ok := m.Load(k.ID); !ok && mc.n.Add(1) > mc.max {
		m = &sync.Map{}
		mc.m.Store(m)
		mc.n.Store(1)
	}
	m.Store(k.ID, &e)
}

// Prefs returns the member's trigger-warning preferences, from memory or
// from load.
func (mc *Members) Prefs(ctx context.Context, k Member, load func(context.Context, int64) (forum.Prefs, error)) (forum.Prefs, error) {
	if mc != nil {
		if e := mc.entry(k); e.hasPrefs {
			return e.prefs, nil
		}
	}
	p, err := load(ctx, k.ID)
	if err == nil && mc != nil {
		mc.update(k, func(e *memberEntry) { e.prefs, e.hasPrefs = p, true })
	}
	return p, err
}

// Blocked returns the set of members the member has blocked.
func (mc *Members) Blocked(ctx context.Context, k Member, load func(context.Context, int64) (map[int64]bool, error)) (map[int64]bool, error) {
	if mc != nil {
		if e := mc.entry(k); e.hasBlocked {
			return e.blocked, nil
		}
	}
	b, err := load(ctx, k.ID)
	if err == nil && mc != nil {
		mc.update(k, func(e *memberEntry) { e.blocked, e.hasBlocked = b, true })
	}
	return b, err
}

// Breaks returns the member's current breaks at now. Kept breaks are
// served until the first of them ends; new and shortened breaks move the
// settings version instead.
func (mc *Members) Breaks(ctx context.Context, k Member, now time.Time, load func(context.Context, int64) (forum.BreakSet, error)) (forum.BreakSet, error) {
	if mc != nil {
		if e := mc.entry(k); e.hasBreaks && (e.breaksUntil.IsZero() || now.Before(e.breaksUntil)) {
			return e.breaks, nil
		}
	}
	bs, err := load(ctx, k.ID)
	if bs == nil {
		bs = forum.BreakSet{}
	}
	if err == nil && mc != nil {
		mc.update(k, func(e *memberEntry) { e.breaks, e.breaksUntil, e.hasBreaks = bs, breaksEnd(bs), true })
	}
	return bs, err
}

// breaksEnd is when a set of current breaks next changes by the clock:
// when the first of them ends (the zero time for none).
func breaksEnd(bs forum.BreakSet) time.Time {
	var end time.Time
	for _, b := range bs {
		if end.IsZero() || b.EndsAt.Before(end) {
			end = b.EndsAt
		}
	}
	return end
}

// Notices returns the moderators' notices to the member.
func (mc *Members) Notices(ctx context.Context, k Member, load func(context.Context, int64) ([]moderation.Notice, error)) ([]moderation.Notice, error) {
	if mc != nil {
		if e := mc.entry(k); e.hasModNotices {
			return e.modNotices, nil
		}
	}
	ns, err := load(ctx, k.ID)
	if err == nil && mc != nil {
		mc.update(k, func(e *memberEntry) { e.modNotices, e.hasModNotices = ns, true })
	}
	return ns, err
}

// Unread returns the member's unread count. A count load reports as not
// Stable (it may change without the notices version moving) is not kept.
func (mc *Members) Unread(ctx context.Context, k Member, load func(context.Context, int64) (forum.Unread, error)) (int, error) {
	if mc != nil {
		if e := mc.entry(k); e.hasUnread {
			return e.unread, nil
		}
	}
	u, err := load(ctx, k.ID)
	if err == nil && mc != nil && u.Stable {
		mc.update(k, func(e *memberEntry) { e.unread, e.hasUnread = u.Count, true })
	}
	return u.Count, err
}

// Following returns the member's follow state for thread threadID
// (forum.SubFollow, forum.SubMute or "").
func (mc *Members) Following(ctx context.Context, k Member, threadID int64, load func(context.Context, int64, int64) (string, error)) (string, error) {
	if mc != nil {
		if st, ok := mc.entry(k).follows[threadID]; ok {
			return st, nil
		}
	}
	st, err := load(ctx, k.ID, threadID)
	if err == nil && mc != nil {
		mc.update(k, func(e *memberEntry) {
			// The entry is shared: a new map, with room made when full.
			fs := make(map[int64]string, len(e.follows)+1)
			if len(e.follows) < followsKept {
				maps.Copy(fs, e.follows)
			}
			fs[threadID] = st
			e.follows = fs
		})
	}
	return st, err
}

// Vocabulary returns the tag vocabulary, in display order. Any change to
// it moves every member's settings version.
func (mc *Members) Vocabulary(ctx context.Context, k Member, load func(context.Context) ([]forum.Tag, error)) ([]forum.Tag, error) {
	if mc != nil {
		if e := mc.entry(k); e.hasVocab {
			return e.vocab, nil
		}
	}
	ts, err := load(ctx)
	if err == nil && mc != nil {
		if last := mc.vocab.Load(); last != nil && slices.Equal(*last, ts) {
			ts = *last
		} else {
			mc.vocab.Store(&ts)
		}
		mc.update(k, func(e *memberEntry) { e.vocab, e.hasVocab = ts, true })
	}
	return ts, err
}

// Hours returns the moderation hours. A change to them moves every
// member's settings version (migration 22).
func (mc *Members) Hours(ctx context.Context, k Member, load func(context.Context) (moderation.Hours, error)) (moderation.Hours, error) {
	if mc != nil {
		if e := mc.entry(k); e.hasHours {
			return e.hours, nil
		}
	}
	h, err := load(ctx)
	if err == nil && mc != nil {
		mc.update(k, func(e *memberEntry) { e.hours, e.hasHours = h, true })
	}
	return h, err
}

// Visit returns when the window of "new" began for the member (see
// forum.Activity.Visit): from memory while this process recorded their
// visit less than VisitRefresh before now, else from record, which writes
// the visit. Answering from memory is exact: the stored visit is at most
// VisitRefresh old, so no gap of forum.VisitGap can have opened since, on
// this instance or another.
func (mc *Members) Visit(ctx context.Context, k Member, now time.Time, record func(context.Context, int64) (time.Time, error)) (time.Time, error) {
	if mc != nil {
		if e := mc.entry(k); !e.visitAt.IsZero() && !now.Before(e.visitAt) && now.Sub(e.visitAt) < VisitRefresh {
			return e.visitSince, nil
		}
	}
	since, err := record(ctx, k.ID)
	if err == nil && mc != nil {
		mc.update(k, func(e *memberEntry) { e.visitAt, e.visitSince = now, since })
	}
	return since, err
}

// Len is the number of members kept (for tests).
func (mc *Members) Len() int {
	n := 0
	mc.m.Load().Range(func(any, any) bool { n++; return true })
	return n
}
