package web

import (
	"encoding/binary"
	"hash/maphash"
	"html/template"
	"sync"
	"time"
)

// fragmentCacheBytes bounds the rendered post fragments kept in memory: a
// post's fragment is 1 to 3 KB, so this holds a few thousand, enough for
// the threads being read at any moment on a small instance.
const fragmentCacheBytes = 4 << 20

// fragmentKey names one rendering of one post: a 128-bit hash of
// everything the "post" template reads, so two requests share an entry only
// when the template would write the same bytes for both.
type fragmentKey [2]uint64

// fragmentCache keeps the HTML of posts as the thread page renders them.
// Executing html/template for 50 posts is most of a member's thread page
// (a reflective call per escaped value); the same post usually renders
// the same way for every reader with the same trigger-warning choices, and
// for the same reader on every visit until something about it changes.
//
// Entries are addressed by their inputs, not by post id, so they never go
// stale: an edit, a redaction, a new reaction or a minute passing on the
// relative time makes a new key, and the old entry ages out. The cache
// keeps two generations; when the current one fills half the budget it
// becomes the old one and the one before it is dropped, so the memory it
// holds stays under fragmentCacheBytes and recently used entries survive.
type fragmentCache struct {
	seeds [2]maphash.Seed

	mu       sync.Mutex
	cur, old map[fragmentKey]template.HTML
	curBytes int
}

func newFragmentCache() *fragmentCache {
	return &fragmentCache{
		seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()},
		cur:   map[fragmentKey]template.HTML{},
	}
}

func (fc *fragmentCache) get(k fragmentKey) (template.HTML, bool) {
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

func (fc *fragmentCache) put(k fragmentKey, h template.HTML) {
	if len(h) > fragmentCacheBytes/64 {
		return
	}
	fc.mu.Lock()
	defer fc.mu.Unlock()
	fc.putLocked(k, h)
}

func (fc *fragmentCache) putLocked(k fragmentKey, h template.HTML) {
	if _, ok := fc.cur[k]; ok {
		return
	}
	if fc.curBytes+len(h) > fragmentCacheBytes/2 {
		fc.old, fc.cur, fc.curBytes = fc.cur, map[fragmentKey]template.HTML{}, 0
	}
	fc.cur[k] = h
	fc.curBytes += len(h)
}

// postFragment is what the "post" template renders: one post of a thread
// page, with the page's own URL and the thread's id for its links and forms.
type postFragment struct {
	PostView
	Back     string
	ThreadID int64
}

// key hashes every field of f, twice with independent seeds. Adding a
// field to PostView (or to a type it holds) without hashing it here would
// let a stale rendering be served; TestFragmentKeyCoversEveryField fails
// when a field is missed.
//
// The body, most of the bytes, is hashed once, and its 64-bit digest goes
// into both halves: two different bodies of one post (an edit, a
// re-render) share a key only if their digests collide, a chance of 2^-64
// per change under a seed chosen when the process starts.
func (fc *fragmentCache) key(f *postFragment) fragmentKey {
	body := maphash.String(fc.seeds[0], string(f.Body))
	var k fragmentKey
	for i, seed := range fc.seeds {
		var w keyWriter
		w.h.SetSeed(seed)
		w.fragment(f, body)
		k[i] = w.h.Sum64()
	}
	return k
}

// formKey names the rendering of a blank reply form's fields: the only
// inputs blankReplyForm sets are its action, its tag choices and its
// button, and the rest of ComposeForm is zero. A leading marker keeps
// these keys apart from posts'. Its loop over the seeds repeats key's on
// purpose: passing the writer to a shared helper as a function value
// moves it to the heap, 100 allocations a thread page.
func (fc *fragmentCache) formKey(f *ComposeForm) fragmentKey {
	var k fragmentKey
	for i, seed := range fc.seeds {
		var w keyWriter
		w.h.SetSeed(seed)
		w.str("blank reply form")
		w.str(f.Action)
		w.str(f.Submit)
		w.int(int64(len(f.Tags)))
		for _, t := range f.Tags {
			w.str(t.Slug)
			w.str(t.Name)
			w.str(t.Description)
			w.bool(t.Checked)
		}
		k[i] = w.h.Sum64()
	}
	return k
}

// keyWriter feeds values into a hash with lengths and separators, so that
// ("ab", "c") and ("a", "bc") hash differently.
type keyWriter struct {
	h   maphash.Hash
	buf [8]byte
}

func (w *keyWriter) int(n int64) {
	// Only the bits matter to a hash, so the sign wrapping is wanted.
	binary.LittleEndian.PutUint64(w.buf[:], uint64(n)) // #nosec G115 -- bit pattern for a hash, not arithmetic
	_, _ = w.h.Write(w.buf[:])
}

func (w *keyWriter) str(s string) {
	w.int(int64(len(s)))
	_, _ = w.h.WriteString(s)
}

func (w *keyWriter) bool(b bool) {
	if b {
		_ = w.h.WriteByte(1)
	} else {
		_ = w.h.WriteByte(0)
	}
}

func (w *keyWriter) time(t time.Time) {
	w.int(t.UnixNano())
	_, off := t.Zone()
	w.int(int64(off))
}

func (w *keyWriter) fragment(f *postFragment, body uint64) {
	w.str(f.Back)
	w.int(f.ThreadID)
	p := &f.PostView
	w.int(p.ID)
	w.bool(p.Opening)
	w.int(int64(p.Indent))
	w.str(p.ReplyingTo)
	w.str(p.AuthorName)
	w.bool(p.AuthorKnown)
	w.time(p.CreatedAt)
	if p.EditedAt != nil {
		w.bool(true)
		w.time(*p.EditedAt)
	} else {
		w.bool(false)
	}
	w.str(p.Created.ISO)
	w.str(p.Created.Exact)
	w.str(p.Created.Ago)
	w.str(p.EditedExact)
	w.int(int64(len(p.Body)))
	w.int(int64(body)) // #nosec G115 -- bit pattern for a hash, not arithmetic
	w.int(int64(len(p.Tags)))
	for _, t := range p.Tags {
		w.str(t.Slug)
		w.str(t.Name)
	}
	w.str(p.TagNames)
	w.str(p.Mode)
	for _, b := range []bool{p.ModeShow, p.ModeWarn, p.ModeHide, p.History, p.Removed, p.Held, p.Blocked,
		p.CanReply, p.CanQuote, p.CanEdit, p.CanDelete, p.CanReact, p.CanReport, p.PeopleReact} {
		w.bool(b)
	}
	w.str(p.Placeholder)
	w.int(int64(len(p.Reactions)))
	for _, r := range p.Reactions {
		w.str(r.Kind)
		w.str(r.Label)
		w.bool(r.Mine)
	}
	w.int(int64(len(p.ReactedBy)))
	for _, g := range p.ReactedBy {
		w.str(g.Label)
		w.int(int64(len(g.Names)))
		for _, n := range g.Names {
			w.str(n)
		}
	}
	if m := p.Mod; m != nil {
		w.bool(true)
		w.int(m.PostID)
		w.int(m.ThreadID)
		w.int(m.GroupID)
		w.str(m.Status)
		w.bool(m.Locked)
		w.bool(m.Pinned)
		w.bool(m.IsOpening)
	} else {
		w.bool(false)
	}
}
