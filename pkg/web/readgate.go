package web

import (
	"net/http"
	"strings"
	"time"
)

// readGateWait is the longest a page read waits for its turn. Past it the
// read goes ahead anyway: the gate orders a burst of reads, and must never
// hold the site up behind a few slow ones.
const readGateWait = 50 * time.Millisecond

// readGate lets a fixed number of members' page reads (GET and HEAD with a
// session) run at once and queues the others in arrival order. Without it
// every request in flight shares the cores at once, and under a burst the
// unlucky ones are descheduled again and again: on the two-core bench, 32
// connections reading member thread pages saw a p99 of 41-47 ms at about
// 5,400 pages a second, and 14 ms with two reads at a time
// (docs/performance.md). Visitors' reads are nearly all answered from the
// visitor page cache in microseconds, where waiting in turn cost a fifth
// of their throughput; they, writes, health checks, metrics and static
// files are never held.
type readGate struct {
	slots chan struct{}
}

// newReadGate returns a gate for n reads at once, or nil (no gate) for
// n <= 0.
func newReadGate(n int) *readGate {
	if n <= 0 {
		return nil
	}
	return &readGate{slots: make(chan struct{}, n)}
}

// wrap puts the gate in front of next for the reads member says come
// from a signed-in member.
func (g *readGate) wrap(next http.Handler, member func(*http.Request) bool) http.Handler {
	if g == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (r.Method != http.MethodGet && r.Method != http.MethodHead) || ungated(r.URL.Path) || !member(r) {
			next.ServeHTTP(w, r)
			return
		}
		held, gone := g.enter(r)
		if gone {
			return // the client left while waiting: nothing to answer
		}
		if held {
			defer func() { <-g.slots }()
		}
		next.ServeHTTP(w, r)
	})
}

// enter waits for a slot, in arrival order (a channel's waiting senders
// are served first come, first served). held is false when the read goes
// ahead without one after readGateWait; gone when the request ended first.
func (g *readGate) enter(r *http.Request) (held, gone bool) {
	select {
	case g.slots <- struct{}{}:
		return true, false
	default:
	}
	t := time.NewTimer(readGateWait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return true, false
	case <-t.C:
		return false, false
	case <-r.Context().Done():
		return false, true
	}
}

// ungated reports whether path is one the gate never holds: probes and
// metrics must answer under load, and static files are cheap.
func ungated(path string) bool {
	return path == "/healthz" || path == "/readyz" || path == "/metrics" || strings.HasPrefix(path, "/static/")
}
