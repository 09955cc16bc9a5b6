package web

import (
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// readGateWait is the longest a page read waits for its turn. Past it the
// read goes ahead anyway: the gate orders a burst of reads, and must never
// hold the site up behind a few slow ones.
const readGateWait = 50 * time.Millisecond

// readGate lets a fixed number of page reads that do real work run at once
// and queues the others in arrival order. Without it every request in
// flight shares the cores at once, and under a burst the unlucky ones are
// descheduled again and again, so the slowest pages grow far slower than
// the typical one (docs/performance.md has the figures). Members' reads
// (GET and HEAD with a session) are held before routing (wrap), and
// visitors' reads of the pages the visitor cache does not keep, such as a
// search, at their route (gateVisitors). Visitors' other reads are nearly
// all answered from the visitor page cache in microseconds, where waiting
// in turn costs more than it saves; they, writes, health checks, metrics
// and static files are never held.
type readGate struct {
	mu    sync.Mutex
	free  int
	queue []chan struct{} // waiting reads, first come first served
	// timer starts the wait of one read (time.NewTimer; tests inject
	// their own).
	timer func(time.Duration) (<-chan time.Time, func() bool)
}

// newReadGate returns a gate for n reads at once, or nil (no gate) for
// n <= 0.
func newReadGate(n int) *readGate {
	if n <= 0 {
		return nil
	}
	return &readGate{free: n, timer: func(d time.Duration) (<-chan time.Time, func() bool) {
		t := time.NewTimer(d)
		return t.C, t.Stop
	}}
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
			defer g.release()
		}
		next.ServeHTTP(w, r)
	})
}

// gateVisitors is route middleware that holds a visitor's read of a page
// the visitor cache does not keep in the read gate, as wrap holds
// members' reads, which it lets through.
func (s *Server) gateVisitors(next echo.HandlerFunc) echo.HandlerFunc {
	if s.gate == nil {
		return next
	}
	return func(c echo.Context) error {
		r := c.Request()
		if (r.Method != http.MethodGet && r.Method != http.MethodHead) || s.hasSession(r) {
			return next(c)
		}
		held, gone := s.gate.enter(r)
		if gone {
			return nil // the client left while waiting: nothing to answer
		}
		if held {
			defer s.gate.release()
		}
		return next(c)
	}
}

// enter takes a slot, waiting behind the reads that arrived first. held is
// false when the read goes ahead without one after readGateWait; gone when
// the request ended first.
func (g *readGate) enter(r *http.Request) (held, gone bool) {
	g.mu.Lock()
	if g.free > 0 {
		g.free--
		g.mu.Unlock()
		return true, false
	}
	turn := make(chan struct{})
	g.queue = append(g.queue, turn)
	g.mu.Unlock()
	expired, stop := g.timer(readGateWait)
	defer stop()
	select {
	case <-turn:
		return true, false
	case <-expired:
		// Handed a slot meanwhile: keep it.
		return !g.leave(turn), false
	case <-r.Context().Done():
		if !g.leave(turn) {
			g.release()
		}
		return false, true
	}
}

// leave takes turn out of the queue, and reports false when it was no
// longer there: release had handed it a slot.
func (g *readGate) leave(turn chan struct{}) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	for i, t := range g.queue {
		if t == turn {
			g.queue = append(g.queue[:i], g.queue[i+1:]...)
			return true
		}
	}
	return false
}

// release hands the slot to the first waiting read, or frees it.
func (g *readGate) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.queue) == 0 {
		g.free++
		return
	}
	close(g.queue[0])
	g.queue = g.queue[1:]
}

// waiting is the number of reads in the queue.
func (g *readGate) waiting() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.queue)
}

// ungated reports whether path is one the gate never holds: probes and
// metrics must answer under load, static files are cheap, and a live
// stream (whose own bound is HEARTH_LIVE_MAX_CONNECTIONS) would hold its
// place for minutes.
func ungated(path string) bool {
	return path == "/healthz" || path == "/readyz" || path == "/metrics" || strings.HasPrefix(path, "/static/") ||
		strings.HasSuffix(path, "/events")
}
