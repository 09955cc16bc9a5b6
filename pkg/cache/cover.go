package cache

import (
	"time"

	"hearth/pkg/moderation"
)

// coverTTL bounds how long a kept set of settings lives unused; the
// version, not the clock, is what keeps it exact.
const coverTTL = 10 * time.Minute

// coverBytes is the budget of the one kept set: a few dozen short
// settings.
const coverBytes = 64 << 10

// Cover keeps the site settings the moderation cover is made of
// (moderation.CoverCache), under the version of site_versions.cover they
// were read at (migration 43), which any change to the settings or to
// moderators' time on duty moves in its own transaction. It holds one
// set; a set read at another version replaces it. It is safe for
// concurrent use.
type Cover struct {
	kept *Versioned[struct{}, []moderation.Setting]
}

// NewCover returns an empty Cover.
func NewCover() *Cover {
	return &Cover{kept: NewVersioned[struct{}, []moderation.Setting](coverTTL, coverBytes)}
}

// Get returns the settings kept at version, if they are.
func (c *Cover) Get(version uint64) ([]moderation.Setting, bool) {
	return c.kept.Get(struct{}{}, version)
}

// Put keeps set, read at version. The caller must not change set
// afterwards.
func (c *Cover) Put(version uint64, set []moderation.Setting) {
	size := 64
	for _, s := range set {
		size += 64 + len(s.Name) + len(s.Value)
	}
	c.kept.Put(struct{}{}, version, set, size)
}
