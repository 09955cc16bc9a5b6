package web

import (
	"encoding/binary"
	"hash/maphash"
	"time"

	"hearth/pkg/cache"
)

// fragmentCacheBytes bounds the rendered post fragments kept in memory: a
// post's fragment is 1 to 3 KB, so this holds a few thousand, enough for
// the threads being read at any moment on a small instance.
const fragmentCacheBytes = 4 << 20

// fragmentKeys names the renderings kept in the fragment cache
// (cache.Fragments). Executing html/template for 50 posts is most of a
// member's thread page (a reflective call per escaped value); the same
// post usually renders the same way for every reader with the same
// trigger-warning choices, and for the same reader on every visit until
// something about it changes. A key is a hash of everything the template
// reads, so an entry never goes stale: a change makes a new key.
type fragmentKeys struct {
	seeds [2]maphash.Seed
}

func newFragmentKeys() fragmentKeys {
	return fragmentKeys{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
}

// postFragment is what the "post" template renders: one post of a thread
// page, with the page's own URL and the thread's id for its links and forms.
type postFragment struct {
	PostView
	Back     string
	ThreadID int64
	// Lang is the language the post is rendered in.
	Lang string
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
func (fc fragmentKeys) key(f *postFragment) cache.FragmentKey {
	body := maphash.String(fc.seeds[0], string(f.Body))
	var k cache.FragmentKey
	for i, seed := range fc.seeds {
		var w keyWriter
		w.h.SetSeed(seed)
		w.fragment(f, body)
		k[i] = w.h.Sum64()
	}
	return k
}

// formKey names the rendering of a blank reply form's fields in language
// lang: the only inputs blankReplyForm sets are its action, its tag
// choices and its button, and the rest of ComposeForm is zero. A leading marker keeps
// these keys apart from posts'. Its loop over the seeds repeats key's on
// purpose: passing the writer to a shared helper as a function value
// moves it to the heap, 100 allocations a thread page.
func (fc fragmentKeys) formKey(lang string, f *ComposeForm) cache.FragmentKey {
	var k cache.FragmentKey
	for i, seed := range fc.seeds {
		var w keyWriter
		w.h.SetSeed(seed)
		w.str("blank reply form")
		w.str(lang)
		w.str(f.Action)
		w.str(f.Submit)
		w.bool(f.OfferAnonymous)
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
	w.str(f.Lang)
	w.str(f.Back)
	w.int(f.ThreadID)
	p := &f.PostView
	w.int(p.ID)
	w.bool(p.Opening)
	w.int(int64(p.Indent))
	w.str(p.ReplyingTo)
	w.str(p.AuthorName)
	w.bool(p.AuthorKnown)
	w.bool(p.Anonymous)
	w.bool(p.OwnAnonymous)
	w.bool(p.PeerSupporter)
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
	for _, b := range []bool{p.ModeShow, p.ModeWarn, p.ModeHide, p.OwnWarned, p.History, p.Removed, p.Held, p.Blocked,
		p.CanReply, p.CanQuote, p.CanEdit, p.CanDelete, p.CanReact, p.CanReport, p.PeopleReact, p.CanBlockAuthor} {
		w.bool(b)
	}
	w.str(p.Placeholder)
	w.str(p.Fold)
	w.str(p.FoldedForOthers)
	w.str(p.FoldMod)
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
		w.bool(m.Folded)
		w.bool(m.Anonymous)
	} else {
		w.bool(false)
	}
}
