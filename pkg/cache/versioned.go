package cache

import (
	"sync"
	"time"
)

// Versioned maps keys to values computed at a version. Get serves a value only
// while the version the caller passes is the one it was stored at and its
// lifetime has not ended; Put refuses a value that would take the cache
// past its budget once expired and outdated entries are gone. It is safe
// for concurrent use.
type Versioned[K comparable, V any] struct {
	ttl      time.Duration
	maxBytes int
	now      func() time.Time

	mu      sync.Mutex
	entries map[K]entry[V]
	bytes   int
}

type entry[V any] struct {
	version uint64
	expires time.Time
	value   V
	size    int
}

// NewVersioned returns a cache whose entries live for ttl and which holds
// at most maxBytes, as counted by the sizes given to Put.
func NewVersioned[K comparable, V any](ttl time.Duration, maxBytes int) *Versioned[K, V] {
	return &Versioned[K, V]{ttl: ttl, maxBytes: maxBytes, now: time.Now, entries: map[K]entry[V]{}}
}

// SetClock replaces the clock (for tests).
func (c *Versioned[K, V]) SetClock(now func() time.Time) { c.now = now }

// Get returns the value stored under key at version, if it has not
// expired. An entry found outdated or expired is dropped.
func (c *Versioned[K, V]) Get(key K, version uint64) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		var zero V
		return zero, false
	}
	if e.version != version || !c.now().Before(e.expires) {
		c.drop(key, e)
		var zero V
		return zero, false
	}
	return e.value, true
}

// Put stores value, computed at version and counted as size bytes, under
// key for the cache's lifetime, replacing what was there. When the budget
// would be exceeded it first forgets every expired entry and every entry
// of an older version; if that is not enough the value is not kept.
func (c *Versioned[K, V]) Put(key K, version uint64, value V, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.entries[key]; ok {
		c.drop(key, old)
	}
	if c.bytes+size > c.maxBytes {
		now := c.now()
		for k, e := range c.entries {
			if e.version < version || !now.Before(e.expires) {
				c.drop(k, e)
			}
		}
		if c.bytes+size > c.maxBytes {
			return
		}
	}
	c.entries[key] = entry[V]{version: version, expires: c.now().Add(c.ttl), value: value, size: size}
	c.bytes += size
}

// Bytes is the size of what the cache holds, as counted by Put.
func (c *Versioned[K, V]) Bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// Len is the number of entries the cache holds.
func (c *Versioned[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

func (c *Versioned[K, V]) drop(key K, e entry[V]) {
	delete(c.entries, key)
	c.bytes -= e.size
}
