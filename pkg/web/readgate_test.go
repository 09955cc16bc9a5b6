package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// TestReadGate: members' page reads beyond the gate's size wait, in
// arrival order, until one ends (or readGateWait passes); visitors' reads,
// writes, probes and static files are never held; a reader who leaves
// while waiting is not served.
func TestReadGate(t *testing.T) {
	if newReadGate(0) != nil {
		t.Fatal("a size of 0 must turn the gate off")
	}
	release := make(chan struct{})
	var mu sync.Mutex
	var order []string
	h := newReadGate(1).wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		order = append(order, r.Method+" "+r.URL.Path)
		mu.Unlock()
		if r.URL.Path == "/slow" {
			<-release
		}
	}), func(r *http.Request) bool { return r.URL.Query().Get("visitor") == "" })
	serve := func(method, path string, ctx context.Context) chan struct{} {
		done := make(chan struct{})
		go func() {
			defer close(done)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequestWithContext(ctx, method, path, nil))
		}()
		return done
	}
	waitFor := func(n int) {
		t.Helper()
		for i := 0; i < 200; i++ {
			mu.Lock()
			got := len(order)
			mu.Unlock()
			if got >= n {
				return
			}
			time.Sleep(time.Millisecond)
		}
		t.Fatalf("%d requests reached the handler, want %d: %v", len(order), n, order)
	}
	ctx := context.Background()

	slow := serve("GET", "/slow", ctx)
	waitFor(1)
	// The slot is taken: writes, probes and static files go straight in.
	for _, r := range [][2]string{{"POST", "/t/1/replies"}, {"GET", "/healthz"}, {"GET", "/readyz"}, {"GET", "/metrics"}, {"GET", "/static/css/site.css"}, {"GET", "/g/grief?visitor=1"}} {
		<-serve(r[0], r[1], ctx)
	}
	waitFor(7)
	// A reader who leaves while waiting is never served.
	cctx, cancel := context.WithCancel(ctx)
	left := serve("GET", "/left", cctx)
	cancel()
	<-left
	// A read waiting longer than readGateWait goes ahead without a slot.
	start := time.Now()
	<-serve("GET", "/late", ctx)
	if waited := time.Since(start); waited < readGateWait {
		t.Fatalf("a read went ahead after %v, before readGateWait (%v) with the slot taken", waited, readGateWait)
	}
	close(release)
	<-slow
	// With the slot free again a read goes straight in.
	start = time.Now()
	<-serve("GET", "/t/1", ctx)
	if waited := time.Since(start); waited >= readGateWait {
		t.Fatalf("a read waited %v with the slot free", waited)
	}
	mu.Lock()
	defer mu.Unlock()
	want := []string{"GET /slow", "POST /t/1/replies", "GET /healthz", "GET /readyz", "GET /metrics", "GET /static/css/site.css", "GET /g/grief", "GET /late", "GET /t/1"}
	if len(order) != len(want) {
		t.Fatalf("served %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("served %v, want %v", order, want)
		}
	}
}

// TestReadGateOrder: reads queued behind a full gate go in the order they
// arrived.
func TestReadGateOrder(t *testing.T) {
	release := make(chan struct{})
	var mu sync.Mutex
	var order []string
	h := newReadGate(1).wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		order = append(order, r.URL.Path)
		mu.Unlock()
		if r.URL.Path == "/first" {
			<-release
		}
	}), func(*http.Request) bool { return true })
	var wg sync.WaitGroup
	get := func(path string) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
		}()
	}
	get("/first")
	time.Sleep(10 * time.Millisecond)
	paths := []string{"/a", "/b", "/c"}
	for _, p := range paths {
		get(p)
		time.Sleep(10 * time.Millisecond) // each is waiting before the next arrives
	}
	close(release)
	wg.Wait()
	want := append([]string{"/first"}, paths...)
	for i := range want {
		if i >= len(order) || order[i] != want[i] {
			t.Fatalf("served %v, want %v", order, want)
		}
	}
}
