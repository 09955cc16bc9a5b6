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
type ReadAhead struct {
	id   int64
	head ThreadHead
	kept bool
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
