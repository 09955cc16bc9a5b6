package cache

import (
	"html/template"
	"sync"
)

// FragmentKey names one rendering of a piece of a page: a 128-bit hash of
// everything its template reads, so two requests share an entry only when
// the template would write the same bytes for both.
type FragmentKey [2]uint64

// Fragments keeps rendered HTML addressed by its inputs (the post
// fragments of thread pages and their blank reply forms). Entries never go
// stale: an edit, a redaction, a new reaction or a minute passing on a
// relative time makes a new key, and the old entry ages out. It keeps two
// generations; when the current one fills half the budget it becomes the
// old one and the one before it is dropped, so the memory held stays under
// the budget and recently used entries survive. A nil *Fragments keeps
// nothing.
type Fragments struct {
	maxBytes int

	mu       sync.Mutex
	cur, old map[FragmentKey]template.HTML
	curBytes int
}

// NewFragments returns a cache of at most maxBytes of HTML, or nil for
// maxBytes <= 0.
func NewFragments(maxBytes int) *Fragments {
	if maxBytes <= 0 {
		return nil
	}
	return &Fragments{maxBytes: maxBytes, cur: map[FragmentKey]template.HTML{}}
}

// Get returns the HTML kept under k.
func (fc *Fragments) Get(k FragmentKey) (template.HTML, bool) {
	if fc == nil {
		return "", false
	}
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if h, ok := fc.cur[k]; ok {
		return h, true
	}
	if h, ok := fc.old[k]; ok {
		delete(fc.old, k)
		fc.putLocked(k, h)
		return h, true
	}
	return "", false
}

// Put keeps h under k, unless it is larger than a 64th of the budget.
func (fc *Fragments) Put(k FragmentKey, h template.HTML) {
	if fc == nil || len(h) > fc.maxBytes/64 {
		return
	}
	fc.mu.Lock()
	defer fc.mu.Unlock()
	fc.putLocked(k, h)
}

func (fc *Fragments) putLocked(k FragmentKey, h template.HTML) {
	if _, ok := fc.cur[k]; ok {
		return
	}
	if fc.curBytes+len(h) > fc.maxBytes/2 {
		fc.old, fc.cur, fc.curBytes = fc.cur, map[FragmentKey]template.HTML{}, 0
	}
	fc.cur[k] = h
	fc.curBytes += len(h)
}

// Bytes is the size of the current generation (for tests).
func (fc *Fragments) Bytes() int {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	return fc.curBytes
}
