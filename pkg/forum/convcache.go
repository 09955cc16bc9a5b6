package forum

import (
	"context"
	"slices"
	"strconv"
	"time"

	"hearth/pkg/vcache"
)

// convCacheBytes bounds the pages of posts kept in memory (about 100 KB for
// a page of 50 posts of 400 characters).
const convCacheBytes = 4 << 20

// headCacheBytes and reactionCacheBytes bound the thread heads (about 300
// bytes each) and pages' reactions (about 100 bytes a reaction) kept.
const (
	headCacheBytes     = 1 << 20
	reactionCacheBytes = 2 << 20
)

// convCache keeps the rows of thread pages, so members reading the same
// thread share one query. Its entries are guarded by a version that must
// move with every write to a thread's posts, their reactions and the names
// shown on them, in one of two ways:
//
//   - version set (WithConversationCache): a content version for the whole
//     database, which on SQLite is this process's own (one process writes
//     the file). An entry is served only while it is unchanged and for at
//     most ttl, which bounds what another process (a command run beside
//     the server) could leave stale, as for the visitor page cache. The
//     thread's head is kept too.
//   - version nil (WithThreadVersions): each thread's content version,
//     which the thread page reads with the thread's head on every request
//     and which database triggers move in the same transaction as any
//     change to its posts or reactions. That is exact for any number of
//     instances sharing a database (PostgreSQL), so ttl only bounds how
//     long unread entries hold memory. Heads are not kept: reading one is
//     what checks the rest.
//
// Names are safe under either: pseudonyms never change, and deleting an
// account rewrites or removes its posts and reactions, which moves the
// version.
//
// Each entry holds the rows as a moderator would see them (held posts
// included). A reader who may not see one of those rows is answered by
// their own query instead, which keeps the page exactly what their query
// would return: when every row of the unfiltered page is visible to them,
// their filtered query has the same rows, extra row included.
//
// The same version guards the reactions on a page of posts with the
// reacting members' names, which are the same for every reader and so
// are shared whole.
type convCache struct {
	version   func() uint64
	pages     *vcache.Cache[convKey, []PostRow]
	heads     *vcache.Cache[int64, ThreadHead]
	reactions *vcache.Cache[string, []ReactionRow]
}

type convKey struct {
	thread        int64
	after, before string
}

// WithConversationCache keeps thread heads, thread pages' posts and their
// reactions in memory for up to ttl, checked against version, which must
// grow with every write that can change a thread, its posts, their
// reactions or the names shown on them. Zero ttl or a nil version leaves
// it off.
func WithConversationCache(version func() uint64, ttl time.Duration) Option {
	return func(s *Service) {
		if version != nil && ttl > 0 {
			s.convs = &convCache{version: version, pages: vcache.New[convKey, []PostRow](ttl, convCacheBytes),
				heads:     vcache.New[int64, ThreadHead](ttl, headCacheBytes),
				reactions: vcache.New[string, []ReactionRow](ttl, reactionCacheBytes)}
		}
	}
}

// WithThreadVersions keeps thread pages' posts and their reactions in
// memory for up to ttl, each checked against its thread's content version
// (ThreadHead.ContentVersion), which the store must move in the same
// transaction as every change to the thread's posts or reactions. Zero ttl
// leaves it off.
func WithThreadVersions(ttl time.Duration) Option {
	return func(s *Service) {
		if ttl > 0 {
			s.convs = &convCache{pages: vcache.New[convKey, []PostRow](ttl, convCacheBytes),
				reactions: vcache.New[string, []ReactionRow](ttl, reactionCacheBytes)}
		}
	}
}

// versionOf is the version that guards entries of thread h.
func (cc *convCache) versionOf(h ThreadHead) uint64 {
	if cc.version != nil {
		return cc.version()
	}
	return h.ContentVersion
}

// rows answers q, a query of thread h's posts, from the cache, filling it
// on a miss. ok is false when the cache is off or the reader may not see
// every cached row; the caller then runs q itself. The returned slice is
// the caller's own.
func (cc *convCache) rows(ctx context.Context, st Store, h ThreadHead, q PostQuery) ([]PostRow, bool, error) {
	if cc == nil {
		return nil, false, nil
	}
	key := convKey{thread: q.ThreadID, after: q.After, before: q.Before}
	v := cc.versionOf(h)
	rows, hit := cc.pages.Get(key, v)
	if !hit {
		all := q
		all.ViewerID, all.IncludeHeld = 0, true
		fresh, err := st.Posts(ctx, all)
		if err != nil {
			return nil, false, err
		}
		if size := rowsSize(fresh); size <= convCacheBytes/8 {
			cc.pages.Put(key, v, slices.Clip(fresh), size)
		}
		rows = fresh
	}
	if !q.IncludeHeld {
		for _, r := range rows {
			if r.Status == StatusHeld && (q.ViewerID == 0 || r.AuthorID == nil || *r.AuthorID != q.ViewerID) {
				return nil, false, nil
			}
		}
	}
	return slices.Clone(rows), true, nil
}

// rowsSize estimates the memory rows hold.
func rowsSize(rows []PostRow) int {
	size := 0
	for i := range rows {
		r := &rows[i]
		size += 512 + len(r.BodyHTML) + len(r.SortKey) + len(r.AuthorName) + len(r.ParentAuthorName) + len(r.StatusReason) + len(r.Tags)
	}
	return size
}

// head answers ThreadHead(id) from the cache, filling it on a miss. ok is
// false when the cache is off or keeps no heads.
func (cc *convCache) head(ctx context.Context, st Store, id int64) (ThreadHead, bool, error) {
	if cc == nil || cc.heads == nil {
		return ThreadHead{}, false, nil
	}
	v := cc.version()
	if h, hit := cc.heads.Get(id, v); hit {
		return h, true, nil
	}
	h, err := st.ThreadHead(ctx, id)
	if err != nil {
		return ThreadHead{}, false, err
	}
	cc.heads.Put(id, v, h, 256+len(h.Title)+len(h.LockReason)+len(h.Tags)+len(h.GroupSlug)+len(h.GroupName)+len(h.AuthorName))
	return h, true, nil
}

// reactionsOf answers Reactions(postIDs), posts of thread h, from the
// cache, filling it on a miss. ok is false when the cache is off. The
// returned slice is the caller's own.
func (cc *convCache) reactionsOf(ctx context.Context, st Store, h ThreadHead, postIDs []int64) ([]ReactionRow, bool, error) {
	if cc == nil {
		return nil, false, nil
	}
	key := idsKey(postIDs)
	v := cc.versionOf(h)
	rs, hit := cc.reactions.Get(key, v)
	if !hit {
		fresh, err := st.Reactions(ctx, postIDs)
		if err != nil {
			return nil, false, err
		}
		size := len(key) + 64
		for _, r := range fresh {
			size += 64 + len(r.Kind) + len(r.UserName)
		}
		cc.reactions.Put(key, v, slices.Clip(fresh), size)
		rs = fresh
	}
	return slices.Clone(rs), true, nil
}

// idsKey is a cache key naming a list of ids in its order.
func idsKey(ids []int64) string {
	b := make([]byte, 0, len(ids)*8)
	for _, id := range ids {
		b = strconv.AppendInt(b, id, 36)
		b = append(b, ',')
	}
	return string(b)
}
