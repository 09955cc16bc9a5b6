package web

import (
	"context"
	"time"

	"hearth/pkg/cache"
	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// visitorData keeps, for visitors, what their pages read from the database
// and an admin rarely changes: the trigger-warning vocabulary, the
// moderation hours and the list of groups. A member's request finds the
// first two in the member cache, checked against versions their session's
// query reads anyway; a visitor's request reads no session, so without
// this each would cost it a query (three of a search's five round trips on
// PostgreSQL). They are kept by the visitor page cache's rule instead: for
// at most HEARTH_VISITOR_CACHE, and only while this instance has written
// nothing since they were read (ContentVersion), so a visitor sees another
// instance's change after at most that long, as with its posts. Each field
// is nil, and reads go to the database, when the visitor cache is off.
type visitorData struct {
	vocab  *visitorKept[[]forum.Tag]
	hours  *visitorKept[moderation.Hours]
	groups *visitorKept[[]forum.Group]
}

// newVisitorData returns the kept values, each nil when ttl is zero or
// there is no content version.
func newVisitorData(ttl time.Duration, version func() uint64) visitorData {
	return visitorData{
		vocab:  newVisitorKept[[]forum.Tag](ttl, version),
		hours:  newVisitorKept[moderation.Hours](ttl, version),
		groups: newVisitorKept[[]forum.Group](ttl, version),
	}
}

// visitorKept is one value of visitorData. Callers must not change what
// it returns.
type visitorKept[V any] struct {
	version func() uint64
	c       *cache.Versioned[struct{}, V]
}

func newVisitorKept[V any](ttl time.Duration, version func() uint64) *visitorKept[V] {
	if ttl <= 0 || version == nil {
		return nil
	}
	return &visitorKept[V]{version: version, c: cache.NewVersioned[struct{}, V](ttl, 1)}
}

// get returns the kept value at the current version, or load's, kept when
// it succeeds. The version is read before load, so a write that lands
// while load runs leaves the value outdated, not served as new.
func (k *visitorKept[V]) get(ctx context.Context, load func(context.Context) (V, error)) (V, error) {
	if k == nil {
		return load(ctx)
	}
	at := k.version()
	if v, ok := k.c.Get(struct{}{}, at); ok {
		return v, nil
	}
	v, err := load(ctx)
	if err == nil {
		k.c.Put(struct{}{}, at, v, 1)
	}
	return v, err
}
