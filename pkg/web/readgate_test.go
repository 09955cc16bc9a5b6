package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// gateRig is a gate of one slot in front of a handler that records what
// it serves and holds the requests for /hold until released, with a timer
// the test fires by hand.
type gateRig struct {
	t       *testing.T
	g       *readGate
	h       http.Handler
	release chan struct{}
	fire    chan time.Time
	timers  int

	mu     sync.Mutex
	served []string
	inside chan string
}

func newGateRig(t *testing.T) *gateRig {
	rig := &gateRig{t: t, g: newReadGate(1), release: make(chan struct{}), fire: make(chan time.Time), inside: make(chan string, 16)}
	rig.g.timer = func(d time.Duration) (<-chan time.Time, func() bool) {
		if d != readGateWait {
			t.Errorf("a read waits %v, want readGateWait", d)
		}
		rig.mu.Lock()
		rig.timers++
		rig.mu.Unlock()
		return rig.fire, func() bool { return true }
	}
	rig.h = rig.g.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rig.mu.Lock()
		rig.served = append(rig.served, r.Method+" "+r.URL.Path)
		rig.mu.Unlock()
		rig.inside <- r.URL.Path
		if r.URL.Path == "/hold" {
			<-rig.release
		}
	}), func(r *http.Request) bool { return r.URL.Query().Get("visitor") == "" })
	return rig
}

// serve starts a request and returns a channel closed when it is answered.
func (rig *gateRig) serve(ctx context.Context, method, path string) chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		rig.h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequestWithContext(ctx, method, path, nil))
	}()
	return done
}

// queued waits until n reads are waiting in the gate.
func (rig *gateRig) queued(n int) {
	for rig.g.waiting() != n {
		runtime.Gosched()
	}
}

func (rig *gateRig) servedList() []string {
	rig.mu.Lock()
	defer rig.mu.Unlock()
	return append([]string(nil), rig.served...)
}

// TestReadGateHoldsOnlyMembersReads: with the slot taken, writes, probes,
// metrics, static files and visitors' reads go straight in, and a size of
// 0 turns the gate off.
func TestReadGateHoldsOnlyMembersReads(t *testing.T) {
	if newReadGate(0) != nil {
		t.Fatal("a size of 0 must turn the gate off")
	}
	rig := newGateRig(t)
	ctx := context.Background()
	held := rig.serve(ctx, "GET", "/hold")
	<-rig.inside
	for _, r := range [][2]string{{"POST", "/t/1/replies"}, {"GET", "/healthz"}, {"GET", "/readyz"}, {"GET", "/metrics"}, {"GET", "/static/css/site.css"}, {"GET", "/g/grief?visitor=1"}} {
		<-rig.serve(ctx, r[0], r[1])
		<-rig.inside
	}
	if rig.g.waiting() != 0 || rig.timers != 0 {
		t.Fatalf("an ungated request waited: %d waiting, %d timers", rig.g.waiting(), rig.timers)
	}
	close(rig.release)
	<-held
	// With the slot free again a member's read goes straight in.
	<-rig.serve(ctx, "GET", "/t/1")
	if rig.timers != 0 {
		t.Error("a read waited with the slot free")
	}
}

// TestReadGateQueuesInArrivalOrder: reads behind a full gate go in the
// order they arrived, each when the one before it ends.
func TestReadGateQueuesInArrivalOrder(t *testing.T) {
	rig := newGateRig(t)
	ctx := context.Background()
	held := rig.serve(ctx, "GET", "/hold")
	<-rig.inside
	var done []chan struct{}
	for i, p := range []string{"/a", "/b", "/c"} {
		done = append(done, rig.serve(ctx, "GET", p))
		rig.queued(i + 1) // each is waiting before the next arrives
	}
	close(rig.release)
	<-held
	for _, d := range done {
		<-rig.inside
		<-d
	}
	want := []string{"GET /hold", "GET /a", "GET /b", "GET /c"}
	if got := rig.servedList(); len(got) != len(want) || got[1] != want[1] || got[2] != want[2] || got[3] != want[3] {
		t.Fatalf("served %v, want %v", got, want)
	}
	if rig.g.free != 1 || rig.g.waiting() != 0 {
		t.Fatalf("after the burst: %d free, %d waiting; want 1 and 0", rig.g.free, rig.g.waiting())
	}
}

// TestReadGateNeverHoldsAReadTooLong: a read whose wait runs out goes
// ahead without a slot, and one whose client leaves while waiting is
// never served; neither takes a slot from those still waiting.
func TestReadGateNeverHoldsAReadTooLong(t *testing.T) {
	rig := newGateRig(t)
	ctx := context.Background()
	held := rig.serve(ctx, "GET", "/hold")
	<-rig.inside

	cctx, cancel := context.WithCancel(ctx)
	left := rig.serve(cctx, "GET", "/left")
	rig.queued(1)
	cancel()
	<-left
	if rig.g.waiting() != 0 {
		t.Fatal("a reader who left is still queued")
	}

	late := rig.serve(ctx, "GET", "/late")
	rig.queued(1)
	rig.fire <- time.Now()
	if p := <-rig.inside; p != "/late" {
		t.Fatalf("%s was served, want /late", p)
	}
	<-late
	if rig.g.free != 0 {
		t.Fatal("a read that went ahead without a slot gave one back")
	}
	close(rig.release)
	<-held
	if rig.g.free != 1 {
		t.Fatalf("%d slots free after the held read ended, want 1", rig.g.free)
	}
	for _, p := range rig.servedList() {
		if p == "GET /left" {
			t.Fatal("a reader who left while waiting was served")
		}
	}
}

// TestReadGateHoldsVisitorsSearches: a visitor's read of a route behind
// gateVisitors (a search) waits for a full gate like a member's; a
// member's read there, already held before routing, and a visitor's POST
// go straight in.
func TestReadGateHoldsVisitorsSearches(t *testing.T) {
	rig := newGateRig(t)
	s := &Server{gate: rig.g}
	e := echo.New()
	e.GET("/search", func(c echo.Context) error {
		rig.inside <- c.Request().URL.Path
		return c.String(http.StatusOK, "found")
	}, s.gateVisitors)
	e.POST("/search", func(c echo.Context) error { return c.String(http.StatusOK, "posted") }, s.gateVisitors)
	ctx := context.Background()
	held := rig.serve(ctx, "GET", "/hold")
	<-rig.inside

	visitor := make(chan *httptest.ResponseRecorder, 1)
	go func() {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequestWithContext(ctx, "GET", "/search?q=walk", nil))
		visitor <- rec
	}()
	waiting := make(chan struct{})
	go func() { rig.queued(1); close(waiting) }()
	select {
	case p := <-rig.inside:
		t.Fatalf("a visitor's %s ran with the gate full", p)
	case <-waiting:
	}

	member := httptest.NewRequestWithContext(ctx, "GET", "/search?q=walk", nil)
	member.AddCookie(&http.Cookie{Name: s.sessionCookieName(), Value: "token"})
	rec := httptest.NewRecorder()
	go e.ServeHTTP(rec, member)
	<-rig.inside // the member's search, past the waiting visitor
	post := httptest.NewRecorder()
	e.ServeHTTP(post, httptest.NewRequestWithContext(ctx, "POST", "/search", nil))
	if post.Code != http.StatusOK || rig.g.waiting() != 1 {
		t.Fatalf("a visitor's POST: status %d, %d waiting; want 200 and the visitor's search still waiting", post.Code, rig.g.waiting())
	}

	close(rig.release)
	<-held
	<-rig.inside
	if r := <-visitor; r.Code != http.StatusOK || r.Body.String() != "found" {
		t.Fatalf("the visitor's search: %d %q", r.Code, r.Body.String())
	}
	if rig.g.free != 1 || rig.g.waiting() != 0 {
		t.Fatalf("after: %d free, %d waiting; want 1 and 0", rig.g.free, rig.g.waiting())
	}
}
