package forum

import (
	"context"
	"time"

	"hearth/pkg/vcache"
)

// unreadCache keeps each member's unread count between their pages. Every
// page a member views shows the count, and counting costs a probe of each
// of up to UnreadCountCap unread notifications with the rules of the
// notifications page: about 1 ms on SQLite for a member with a backlog,
// more than the rest of a thread page's queries together.
//
// An entry is served only while version is the one it was counted at, so
// version must grow with every write that can change any member's count:
// their notifications, the posts and threads those lead to, follows, tag
// preferences and blocks. On SQLite that is this process's NoticeVersion
// (one process writes the file), and ttl bounds what a command run beside
// the server could leave stale, as for the conversation cache.
type unreadCache struct {
	version func() uint64
	counts  *vcache.Cache[int64, int]
}

// unreadEntryBytes is what one kept count is taken to cost, with its key
// and the map's share.
const unreadEntryBytes = 64

// unreadCacheBytes bounds the counts kept (16,384 members).
const unreadCacheBytes = 1 << 20

// WithUnreadCache keeps members' unread counts for up to ttl, checked
// against version (see unreadCache). Zero ttl or a nil version leaves it
// off.
func WithUnreadCache(version func() uint64, ttl time.Duration) Option {
	return func(s *Service) {
		if version != nil && ttl > 0 {
			s.unread = &unreadCache{version: version, counts: vcache.New[int64, int](ttl, unreadCacheBytes)}
		}
	}
}

// count answers st.UnreadCount(userID), from the cache when it is on and
// holds a count at the current version, filling it on a miss.
func (uc *unreadCache) count(ctx context.Context, st Store, userID int64) (int, error) {
	if uc == nil {
		return st.UnreadCount(ctx, userID)
	}
	v := uc.version()
	if n, ok := uc.counts.Get(userID, v); ok {
		return n, nil
	}
	n, err := st.UnreadCount(ctx, userID)
	if err != nil {
		return 0, err
	}
	uc.counts.Put(userID, v, n, unreadEntryBytes)
	return n, nil
}
