package store

import (
	"context"
	"sync"
	"time"

	"hearth/pkg/forum"
)

// tagCacheTTL is how long the tag vocabulary is kept in memory. Almost every
// page reads the vocabulary and it changes only when an admin adds or renames
// a tag, so each process keeps it for a short while. Writes through this
// process (moderation's CreateTag and UpdateTag) forget it at once; another
// instance on the same PostgreSQL database sees the change within
// tagCacheTTL. A few seconds of a stale tag name or a new tag missing from
// the composer is acceptable for a vocabulary change; nothing that decides
// who may see what depends on this cache (posts store their tag slugs).
const tagCacheTTL = 30 * time.Second

// tagCache holds the vocabulary for one *DB.
type tagCache struct {
	mu   sync.Mutex
	tags []forum.Tag
	at   time.Time
	gen  uint64 // bumped by forget, so a load that raced a write is not kept
}

// get returns the cached vocabulary, loading it with load when it is older
// than tagCacheTTL. Callers get their own copy of the slice.
func (c *tagCache) get(ctx context.Context, load func(context.Context) ([]forum.Tag, error)) ([]forum.Tag, error) {
	c.mu.Lock()
	if c.tags != nil && time.Since(c.at) < tagCacheTTL {
		ts := append([]forum.Tag(nil), c.tags...)
		c.mu.Unlock()
		return ts, nil
	}
	gen := c.gen
	c.mu.Unlock()
	ts, err := load(ctx)
	if err != nil {
		return nil, err
	}
	if ts == nil {
		ts = []forum.Tag{}
	}
	c.mu.Lock()
	if c.gen == gen {
		c.tags, c.at = ts, time.Now()
	}
	c.mu.Unlock()
	return append([]forum.Tag(nil), ts...), nil
}

// forget drops the cached vocabulary after a local write.
func (c *tagCache) forget() {
	c.mu.Lock()
	c.tags, c.gen = nil, c.gen+1
	c.mu.Unlock()
}

// loadTags reads the vocabulary from the database.
func (d *DB) loadTags(ctx context.Context) ([]forum.Tag, error) {
	var ts []forum.Tag
	if err := d.read(ctx).Order("position, slug").Find(&ts).Error; err != nil {
		return nil, translate(err)
	}
	return ts, nil
}
