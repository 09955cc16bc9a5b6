package cache

import (
	"context"
	"slices"
	"strconv"
	"time"

	"hearth/pkg/forum"
)

// Bounds of the thread rows kept: a page of 50 posts of 400 characters is
// about 100 KB, a reaction about 100 bytes.
const (
	threadPostBytes     = 4 << 20
	threadReactionBytes = 2 << 20
)

// Threads keeps the rows of thread pages (posts and their reactions with
// the reacting members' names), so members reading the same thread share
// one query. It implements forum.RowCache.
//
// Every entry is checked against its thread's content version, which the
// thread page reads with the thread's head on every request and which
// database triggers move in the same transaction as any change to the
// thread's posts or reactions (migration 18). That is exact for any number
// of instances on either database, so the lifetime only bounds how long
// entries nobody reads hold memory. Names are safe too: pseudonyms never
// change, and deleting an account rewrites or removes its posts and
// reactions, which moves the version.
//
// Each entry holds the rows as a moderator would see them (held posts
// included). A reader who may not see one of those rows is answered by
// their own query instead, which keeps the page exactly what their query
// would return: when every row of the unfiltered page is visible to them,
// their filtered query has the same rows, extra row included.
//
// The slices it answers are the entries themselves, shared by every reader
// of the page (forum.RowCache says callers only read them): copying a page
// of 50 rows for each request was most of what a member's thread page
// allocated outside its template.
type Threads struct {
	posts     *Versioned[threadPage, []forum.PostRow]
	reactions *Versioned[string, []forum.ReactionRow]
}

type threadPage struct {
	thread        int64
	after, before string
}

// NewThreads returns a cache whose entries live for at most ttl, or nil
// (no caching) for ttl <= 0.
func NewThreads(ttl time.Duration) *Threads {
	if ttl <= 0 {
		return nil
	}
	return &Threads{posts: NewVersioned[threadPage, []forum.PostRow](ttl, threadPostBytes),
		reactions: NewVersioned[string, []forum.ReactionRow](ttl, threadReactionBytes)}
}

// Posts implements forum.RowCache.
func (tc *Threads) Posts(ctx context.Context, h forum.ThreadHead, q forum.PostQuery, load func(context.Context, forum.PostQuery) ([]forum.PostRow, error)) ([]forum.PostRow, bool, error) {
	if tc == nil {
		return nil, false, nil
	}
	key := threadPage{thread: q.ThreadID, after: q.After, before: q.Before}
	v := h.ContentVersion
	rows, hit := tc.posts.Get(key, v)
	if !hit {
		all := q
		all.ViewerID, all.IncludeHeld = 0, true
		fresh, err := load(ctx, all)
		if err != nil {
			return nil, false, err
		}
		if size := rowsSize(fresh); size <= threadPostBytes/8 {
			tc.posts.Put(key, v, slices.Clip(fresh), size)
		}
		rows = fresh
	}
	if !q.IncludeHeld {
		for _, r := range rows {
			if r.Status == forum.StatusHeld && (q.ViewerID == 0 || r.AuthorID == nil || *r.AuthorID != q.ViewerID) {
				return nil, false, nil
			}
		}
	}
	return rows, true, nil
}

// rowsSize estimates the memory rows hold.
func rowsSize(rows []forum.PostRow) int {
	size := 0
	for i := range rows {
		r := &rows[i]
		size += 512 + len(r.BodyHTML) + len(r.SortKey) + len(r.AuthorName) + len(r.ParentAuthorName) + len(r.StatusReason) + len(r.Tags)
	}
	return size
}

// Reactions implements forum.RowCache.
func (tc *Threads) Reactions(ctx context.Context, h forum.ThreadHead, postIDs []int64, load func(context.Context, []int64) ([]forum.ReactionRow, error)) ([]forum.ReactionRow, error) {
	if tc == nil {
		return load(ctx, postIDs)
	}
	key := idsKey(postIDs)
	v := h.ContentVersion
	rs, hit := tc.reactions.Get(key, v)
	if !hit {
		fresh, err := load(ctx, postIDs)
		if err != nil {
			return nil, err
		}
		size := len(key) + 64
		for _, r := range fresh {
			size += 64 + len(r.Kind) + len(r.UserName)
		}
		tc.reactions.Put(key, v, slices.Clip(fresh), size)
		rs = fresh
	}
	return rs, nil
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
