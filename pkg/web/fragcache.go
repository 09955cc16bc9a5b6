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
// The fields are written once into a buffer on the stack, which is then
// hashed whole with each seed: feeding maphash field by field cost a call
// per field and per seed, about a tenth of a member's thread page. The
// body, most of the bytes, is hashed once, and its 64-bit digest goes
// into the buffer: two different bodies of one post (an edit, a
// re-render) share a key only if their digests collide, a chance of 2^-64
// per change under a seed chosen when the process starts.
func (fc fragmentKeys) key(f *postFragment) cache.FragmentKey {
	var arr [2048]byte
	return fc.sum(keyBuf(arr[:0]).fragment(f, maphash.String(fc.seeds[0], string(f.Body))))
}

// sum hashes b with each seed.
func (fc fragmentKeys) sum(b []byte) cache.FragmentKey {
	return cache.FragmentKey{maphash.Bytes(fc.seeds[0], b), maphash.Bytes(fc.seeds[1], b)}
}

// formKey names the rendering of a blank reply form's fields in language
// lang: the only inputs blankReplyForm sets are its action, its tag
// choices and its button, and the rest of ComposeForm is zero. A leading
// marker keeps these keys apart from posts'.
func (fc fragmentKeys) formKey(lang string, f *ComposeForm) cache.FragmentKey {
	var arr [4096]byte
	b := keyBuf(arr[:0])
	b = b.str("blank reply form")
	b = b.str(lang)
	b = b.str(f.Action)
	b = b.str(f.Submit)
	b = b.bool(f.OfferAnonymous)
	b = b.int(int64(len(f.Tags)))
	for _, t := range f.Tags {
		b = b.str(t.Slug)
		b = b.str(t.Name)
		b = b.str(t.Description)
		b = b.bool(t.Checked)
	}
	return fc.sum(b)
}

// keyBuf is a key's bytes: values appended with lengths and separators,
// so that ("ab", "c") and ("a", "bc") write differently. Its methods
// return the grown buffer, as append does, so a buffer on the caller's
// stack stays there.
type keyBuf []byte

func (b keyBuf) int(n int64) keyBuf {
	// Only the bits matter to a hash, so the sign wrapping is wanted.
	return binary.LittleEndian.AppendUint64(b, uint64(n)) // #nosec G115 -- bit pattern for a hash, not arithmetic
}

func (b keyBuf) str(s string) keyBuf {
	return append(b.int(int64(len(s))), s...)
}

func (b keyBuf) bool(v bool) keyBuf {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func (b keyBuf) time(t time.Time) keyBuf {
	_, off := t.Zone()
	return b.int(t.UnixNano()).int(int64(off))
}

func (b keyBuf) fragment(f *postFragment, body uint64) keyBuf {
	b = b.str(f.Lang)
	b = b.str(f.Back)
	b = b.int(f.ThreadID)
	p := &f.PostView
	b = b.int(p.ID)
	b = b.bool(p.Opening)
	b = b.int(int64(p.Indent))
	b = b.str(p.ReplyingTo)
	b = b.str(p.AuthorName)
	b = b.bool(p.AuthorKnown)
	b = b.bool(p.Anonymous)
	b = b.bool(p.OwnAnonymous)
	b = b.bool(p.PeerSupporter)
	b = b.time(p.CreatedAt)
	if p.EditedAt != nil {
		b = b.bool(true)
		b = b.time(*p.EditedAt)
	} else {
		b = b.bool(false)
	}
	b = b.str(p.Created.ISO)
	b = b.str(p.Created.Exact)
	b = b.str(p.Created.Ago)
	b = b.str(p.EditedExact)
	b = b.int(int64(len(p.Body)))
	b = b.int(int64(body)) // #nosec G115 -- bit pattern for a hash, not arithmetic
	b = b.int(int64(len(p.Tags)))
	for _, t := range p.Tags {
		b = b.str(t.Slug)
		b = b.str(t.Name)
	}
	b = b.str(p.TagNames)
	b = b.str(p.Mode)
	for _, v := range []bool{p.ModeShow, p.ModeWarn, p.ModeHide, p.OwnWarned, p.History, p.Removed, p.Held, p.Blocked,
		p.CanReply, p.CanQuote, p.CanEdit, p.CanDelete, p.CanReact, p.CanReport, p.PeopleReact, p.CanBlockAuthor} {
		b = b.bool(v)
	}
	b = b.str(p.Placeholder)
	b = b.str(p.Fold)
	b = b.str(p.FoldedForOthers)
	b = b.str(p.FoldMod)
	b = b.int(int64(len(p.Reactions)))
	for _, r := range p.Reactions {
		b = b.str(r.Kind)
		b = b.str(r.Label)
		b = b.bool(r.Mine)
	}
	b = b.int(int64(len(p.ReactedBy)))
	for _, g := range p.ReactedBy {
		b = b.str(g.Label)
		b = b.int(int64(len(g.Names)))
		for _, n := range g.Names {
			b = b.str(n)
		}
	}
	if m := p.Mod; m != nil {
		b = b.bool(true)
		b = b.int(m.PostID)
		b = b.int(m.ThreadID)
		b = b.int(m.GroupID)
		b = b.str(m.Status)
		b = b.bool(m.Locked)
		b = b.bool(m.Pinned)
		b = b.bool(m.IsOpening)
		b = b.bool(m.Folded)
		b = b.bool(m.Anonymous)
	} else {
		b = b.bool(false)
	}
	return b
}
