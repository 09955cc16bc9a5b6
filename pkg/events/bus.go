package events

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Relay carries events between the instances that share a database.
// hearth/pkg/store implements it on PostgreSQL with LISTEN/NOTIFY.
type Relay interface {
	// Send passes events to every instance listening, this one included.
	Send(ctx context.Context, es []Event) error
	// Listen calls deliver with every event any instance sends, from the
	// moment it calls ready until ctx ends (nil) or the connection fails
	// (the error).
	Listen(ctx context.Context, ready func(), deliver func(Event)) error
}

// outBuffer is how many events may wait for the relay. Past it Publish
// drops events (and counts them): a live page misses an update rather
// than a request waiting on the bus.
const outBuffer = 4096

// Bus hands each published event to the subscribers of every instance.
// Without a relay (SQLite, one process) it delivers in the process at
// once; with one, an event goes out through the relay and comes back to
// this instance's subscribers as to every other's, so each subscriber sees
// each event once, wherever it was published. The zero value is not
// usable; a nil *Bus drops every event.
type Bus struct {
	mu      sync.Mutex
	subs    map[*Sub]struct{}
	relay   Relay
	out     chan Event
	ready   chan struct{}
	once    sync.Once
	dropped atomic.Int64
	log     *slog.Logger
}

// NewBus returns a bus; relay is nil for one process. With a relay,
// nothing moves until Run.
func NewBus(relay Relay, log *slog.Logger) *Bus {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	b := &Bus{subs: map[*Sub]struct{}{}, relay: relay, ready: make(chan struct{}), log: log}
	if relay == nil {
		close(b.ready)
	} else {
		b.out = make(chan Event, outBuffer)
	}
	return b
}

// Publish hands e to every subscriber, never waiting: a subscriber whose
// buffer is full misses it.
func (b *Bus) Publish(e Event) {
	if b == nil {
		return
	}
	if e.At.IsZero() {
		e.At = time.Now().UTC()
	}
	if b.relay == nil {
		b.deliver(e)
		return
	}
	select {
	case b.out <- e:
	default:
		b.dropped.Add(1)
	}
}

// Dropped counts the events the bus could not pass on: to a subscriber
// that was behind, or to the relay.
func (b *Bus) Dropped() int64 { return b.dropped.Load() }

// Ready is closed once events flow between instances: at once without a
// relay, and when Run's first Listen has begun with one.
func (b *Bus) Ready() <-chan struct{} { return b.ready }

// Subscribers counts the open subscriptions.
func (b *Bus) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// deliver hands e to this instance's subscribers.
func (b *Bus) deliver(e Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for s := range b.subs {
		if s.keep != nil && !s.keep(e) {
			continue
		}
		select {
		case s.c <- e:
		default:
			b.dropped.Add(1)
		}
	}
}

// Sub is one subscription.
type Sub struct {
	b    *Bus
	c    chan Event
	keep func(Event) bool
	once sync.Once
}

// Subscribe returns a subscription to the events keep accepts (all when
// keep is nil), buffering up to n. keep runs on the publisher's goroutine
// and must be quick. Close it when done.
func (b *Bus) Subscribe(n int, keep func(Event) bool) *Sub {
	s := &Sub{b: b, c: make(chan Event, max(n, 1)), keep: keep}
	b.mu.Lock()
	b.subs[s] = struct{}{}
	b.mu.Unlock()
	return s
}

// Events is the subscription's channel; it is never closed, so select on
// it with the reader's own end.
func (s *Sub) Events() <-chan Event { return s.c }

// Close ends the subscription.
func (s *Sub) Close() {
	s.once.Do(func() {
		s.b.mu.Lock()
		delete(s.b.subs, s)
		s.b.mu.Unlock()
	})
}
