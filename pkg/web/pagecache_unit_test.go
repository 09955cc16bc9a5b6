package web

import (
	"bytes"
	"testing"
	"time"
)

// TestPageCacheSettings: the visitor cache is off without a lifetime or a
// version source, serves a page only at the version it was rendered at,
// and keeps its pages within its budget (the lifetime itself is tested
// in hearth/pkg/cache).
func TestPageCacheSettings(t *testing.T) {
	if newPageCache(0, func() uint64 { return 0 }) != nil || newPageCache(time.Second, nil) != nil {
		t.Fatal("a zero lifetime or no version source must turn the cache off")
	}
	var version uint64 = 7
	pc := newPageCache(2*time.Second, func() uint64 { return version })
	pc.pages.Put("/t/1", version, &cachedPage{status: 200, body: []byte("one")}, 3)
	if p, ok := pc.pages.Get("/t/1", pc.version()); !ok || string(p.body) != "one" {
		t.Fatal("a fresh page was not served")
	}
	version++
	if _, ok := pc.pages.Get("/t/1", pc.version()); ok {
		t.Fatal("a page was served after the content version moved")
	}
	big := bytes.Repeat([]byte("x"), pageCacheMaxPage)
	for i := range pageCacheMaxBytes/pageCacheMaxPage + 4 {
		pc.pages.Put(string(rune('a'+i)), version, &cachedPage{status: 200, body: big}, len(big))
	}
	if n := pc.pages.Bytes(); n > pageCacheMaxBytes {
		t.Fatalf("the cache holds %d bytes, budget %d", n, pageCacheMaxBytes)
	}
}
