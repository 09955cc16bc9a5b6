package forum

import "context"

// ReadAhead is a thread's head read together with the member's session. A
// request for one of a thread's pages needs both before anything else, and
// on PostgreSQL each is a round trip of its own: the web layer names the
// thread in the request's context (WithReadAhead), the store reads its head
// in the session's query and keeps it here, and the request's first
// ThreadHead of that thread takes it instead of asking again. It lives for
// one request and is used by that request's goroutine only, so it is never
// older than the request.
//
// The same statement reads the version of the moderation cover (whether
// a moderator is around), which a new post asks about: a service that
// keeps the cover in memory checks it against this version instead of
// reading the cover again (hearth/pkg/moderation).
type ReadAhead struct {
	id    int64
	head  ThreadHead
	kept  bool
	cover uint64
	read  bool
}

type readAheadKey struct{}

// WithReadAhead returns ctx asking for thread id's head to be read with the
// session.
func WithReadAhead(ctx context.Context, id int64) context.Context {
	return context.WithValue(ctx, readAheadKey{}, &ReadAhead{id: id})
}

// ReadAheadOf is the ReadAhead ctx carries, or nil.
func ReadAheadOf(ctx context.Context) *ReadAhead {
	r, _ := ctx.Value(readAheadKey{}).(*ReadAhead)
	return r
}

// ThreadID is the thread whose head is wanted.
func (r *ReadAhead) ThreadID() int64 { return r.id }

// Keep keeps h, the wanted thread's head.
func (r *ReadAhead) Keep(h ThreadHead) {
	if h.ID == r.id {
		r.head, r.kept = h, true
	}
}

// KeepCover keeps v, the moderation cover's version as the session's
// statement read it.
func (r *ReadAhead) KeepCover(v uint64) { r.cover, r.read = v, true }

// CoverVersion is the moderation cover's version read with the session;
// false when none was (also for a nil ReadAhead).
func (r *ReadAhead) CoverVersion() (uint64, bool) {
	if r == nil {
		return 0, false
	}
	return r.cover, r.read
}

// Kept reports whether a head is kept and not yet taken.
func (r *ReadAhead) Kept() bool { return r.kept }

// Take returns the head kept for thread id, once: a later read of the same
// thread in the request asks the database again.
func (r *ReadAhead) Take(id int64) (ThreadHead, bool) {
	if !r.kept || id != r.id {
		return ThreadHead{}, false
	}
	r.kept = false
	return r.head, true
}
