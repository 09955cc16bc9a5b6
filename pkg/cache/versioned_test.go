package cache

import (
	"testing"
	"time"
)

// TestLifetimeVersionAndBudget: an entry is served until its lifetime ends
// or the version moves, a dropped entry no longer counts, and the budget
// is never exceeded: outdated and expired entries make room first, and a
// value that still does not fit is not kept.
func TestLifetimeVersionAndBudget(t *testing.T) {
	clock := time.Unix(1_000_000, 0)
	c := NewVersioned[string, string](2*time.Second, 100)
	c.SetClock(func() time.Time { return clock })

	c.Put("/t/1", 7, "one", 3)
	if v, ok := c.Get("/t/1", 7); !ok || v != "one" {
		t.Fatal("a fresh entry was not served")
	}
	clock = clock.Add(1999 * time.Millisecond)
	if _, ok := c.Get("/t/1", 7); !ok {
		t.Fatal("an entry was dropped before its lifetime ended")
	}
	clock = clock.Add(time.Millisecond)
	if _, ok := c.Get("/t/1", 7); ok {
		t.Fatal("an entry was served after its lifetime")
	}
	c.Put("/t/1", 7, "two", 3)
	if _, ok := c.Get("/t/1", 8); ok {
		t.Fatal("an entry was served after the version moved")
	}
	if c.Bytes() != 0 || c.Len() != 0 {
		t.Fatalf("dropped entries still count: %d bytes, %d entries", c.Bytes(), c.Len())
	}

	c.Put("a", 8, "a", 60)
	c.Put("a", 8, "a2", 60) // a replacement is not counted twice
	if c.Bytes() != 60 {
		t.Fatalf("a replaced entry counts %d bytes, want 60", c.Bytes())
	}
	c.Put("b", 8, "b", 50) // does not fit beside a
	if _, ok := c.Get("b", 8); ok || c.Bytes() > 100 {
		t.Fatalf("a value past the budget was kept (%d bytes)", c.Bytes())
	}
	c.Put("c", 9, "c", 50) // a is of an older version, so it makes room
	if _, ok := c.Get("c", 9); !ok || c.Len() != 1 || c.Bytes() != 50 {
		t.Fatalf("an outdated entry did not make room: %d entries, %d bytes", c.Len(), c.Bytes())
	}
	clock = clock.Add(3 * time.Second)
	c.Put("d", 9, "d", 60) // c has expired, so it makes room
	if _, ok := c.Get("d", 9); !ok || c.Bytes() != 60 {
		t.Fatalf("an expired entry did not make room: %d bytes", c.Bytes())
	}
}
