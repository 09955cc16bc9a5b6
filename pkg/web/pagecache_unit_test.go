package web

import (
	"bytes"
	"testing"
	"time"
)

// TestPageCacheLifetimeAndVersion: an entry is served until its lifetime
// ends (the bound on another instance's writes) or the content version
// moves (this instance's writes), and the byte budget is never exceeded.
func TestPageCacheLifetimeAndVersion(t *testing.T) {
	var version uint64 = 7
	clock := time.Unix(1_000_000, 0)
	pc := newPageCache(2*time.Second, func() uint64 { return version })
	pc.now = func() time.Time { return clock }
	page := func(body string) *cachedPage {
		return &cachedPage{version: version, expires: clock.Add(pc.ttl), status: 200, body: []byte(body)}
	}
	pc.put("/t/1", page("one"))
	if p := pc.get("/t/1", version); p == nil || string(p.body) != "one" {
		t.Fatal("fresh entry not served")
	}
	clock = clock.Add(1999 * time.Millisecond)
	if pc.get("/t/1", version) == nil {
		t.Fatal("entry dropped before its lifetime ended")
	}
	clock = clock.Add(time.Millisecond)
	if pc.get("/t/1", version) != nil {
		t.Fatal("entry served after its lifetime")
	}
	pc.put("/t/1", page("two"))
	version++
	if pc.get("/t/1", version) != nil {
		t.Fatal("entry served after the content version moved")
	}
	if pc.bytes != 0 || len(pc.entries) != 0 {
		t.Fatalf("dropped entries still counted: %d bytes, %d entries", pc.bytes, len(pc.entries))
	}

	big := bytes.Repeat([]byte("x"), pageCacheMaxPage)
	for i := range pageCacheMaxBytes/pageCacheMaxPage + 4 {
		pc.put(string(rune('a'+i)), &cachedPage{version: version, expires: clock.Add(time.Second), status: 200, body: big})
	}
	if pc.bytes > pageCacheMaxBytes {
		t.Fatalf("cache holds %d bytes, budget %d", pc.bytes, pageCacheMaxBytes)
	}
	if newPageCache(0, func() uint64 { return 0 }) != nil || newPageCache(time.Second, nil) != nil {
		t.Fatal("a zero lifetime or no version source must turn the cache off")
	}
}
