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
// instance's change after at most that long, as with its posts.
type visitorData struct {
	version func() uint64
	vocab   *cache.Versioned[struct{}, []forum.Tag]
	hours   *cache.Versioned[struct{}, moderation.Hours]
	groups  *cache.Versioned[struct{}, []forum.Group]
}

// newVisitorData returns the cache, or nil (every read goes to the
// database) when ttl is zero or there is no content version.
func newVisitorData(ttl time.Duration, version func() uint64) *visitorData {
	if ttl <= 0 || version == nil {
		return nil
	}
	return &visitorData{
		version: version,
		vocab:   cache.NewVersioned[struct{}, []forum.Tag](ttl, 1),
		hours:   cache.NewVersioned[struct{}, moderation.Hours](ttl, 1),
		groups:  cache.NewVersioned[struct{}, []forum.Group](ttl, 1),
	}
}

// Vocabulary is the tag vocabulary, as load reads it. Callers must not
// change the slice.
func (d *visitorData) Vocabulary(ctx context.Context, load func(context.Context) ([]forum.Tag, error)) ([]forum.Tag, error) {
	if d == nil {
		return load(ctx)
	}
	return kept(d.version, d.vocab, func() ([]forum.Tag, error) { return load(ctx) })
}

// Hours is the moderation hours, as load reads them.
func (d *visitorData) Hours(ctx context.Context, load func(context.Context) (moderation.Hours, error)) (moderation.Hours, error) {
	if d == nil {
		return load(ctx)
	}
	return kept(d.version, d.hours, func() (moderation.Hours, error) { return load(ctx) })
}

// Groups is the list of groups, as load reads it. Callers must not change
// the slice.
func (d *visitorData) Groups(ctx context.Context, load func(context.Context) ([]forum.Group, error)) ([]forum.Group, error) {
	if d == nil {
		return load(ctx)
	}
	return kept(d.version, d.groups, func() ([]forum.Group, error) { return load(ctx) })
}

// kept returns c's value at the current version, or load's, kept when it
// succeeds. The version is read before load, so a write that lands while
// load runs leaves the value outdated, not served as new.
func kept[V any](version func() uint64, c *cache.Versioned[struct{}, V], load func() (V, error)) (V, error) {
	at := version()
	if v, ok := c.Get(struct{}{}, at); ok {
		return v, nil
	}
	v, err := load()
	if err == nil {
		c.Put(struct{}{}, at, v, 1)
	}
	return v, err
}
