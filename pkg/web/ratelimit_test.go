package web

import (
	"strconv"
	"testing"
	"time"
)

// TestClientLimiterRefillsOnItsClock spends a client's burst, is refused
// with the time until the next token, and is let in again once the
// injected clock has moved on that far; other clients are counted apart.
func TestClientLimiterRefillsOnItsClock(t *testing.T) {
	l := newClientLimiter(3)
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	l.now = func() time.Time { return now }
	for i := range 3 {
		if ok, _ := l.allow("a"); !ok {
			t.Fatalf("request %d of a burst of 3 refused", i+1)
		}
	}
	ok, wait := l.allow("a")
	if ok || wait != 20*time.Second {
		t.Fatalf("fourth request: allowed %v, wait %s (want refused, 20s at 3 a minute)", ok, wait)
	}
	if ok, _ := l.allow("b"); !ok {
		t.Fatal("another client was refused")
	}
	now = now.Add(19 * time.Second)
	if ok, wait := l.allow("a"); ok || wait != time.Second {
		t.Fatalf("after 19s: allowed %v, wait %s", ok, wait)
	}
	now = now.Add(time.Second)
	if ok, _ := l.allow("a"); !ok {
		t.Fatal("after 20s the next token should be there")
	}
	if ok, _ := l.allow("a"); ok {
		t.Fatal("only one token comes back in 20s")
	}
	if newClientLimiter(0) != nil {
		t.Fatal("a limit of 0 should turn the limiter off")
	}
}

// TestClientLimiterIsBounded: past its size the limiter forgets the client
// seen longest ago (whose allowance starts afresh), never growing further.
func TestClientLimiterIsBounded(t *testing.T) {
	l := newClientLimiter(1)
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	l.now = func() time.Time { return now }
	l.allow("first")
	if ok, _ := l.allow("first"); ok {
		t.Fatal("a second request within the minute was allowed")
	}
	for i := range rateLimitClients {
		l.allow("client-" + strconv.Itoa(i))
	}
	if n := l.clients.Len(); n != rateLimitClients {
		t.Fatalf("limiter holds %d clients, bound %d", n, rateLimitClients)
	}
	if ok, _ := l.allow("first"); !ok {
		t.Fatal("the client seen longest ago should have been forgotten")
	}
}
