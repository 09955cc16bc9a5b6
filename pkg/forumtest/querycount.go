package forumtest

import (
	"sync/atomic"

	"gorm.io/gorm"

	"hearth/pkg/store"
)

// QueryCounter counts the SQL statements GORM sends on a database, for
// tests that pin how many queries a page makes.
type QueryCounter struct{ n atomic.Int64 }

// Reset starts counting from zero.
func (q *QueryCounter) Reset() { q.n.Store(0) }

// Count is the number of statements since the last Reset.
func (q *QueryCounter) Count() int64 { return q.n.Load() }

// CountQueries installs a counter on db's reader and writer handles (one
// callback after every query, row, raw, create, update and delete).
func CountQueries(db *store.DB) *QueryCounter {
	q := &QueryCounter{}
	inc := func(*gorm.DB) { q.n.Add(1) }
	handles := []*gorm.DB{db.W}
	if db.R != db.W {
		handles = append(handles, db.R)
	}
	for _, h := range handles {
		cb := h.Callback()
		_ = cb.Query().After("gorm:query").Register("forumtest:count", inc)
		_ = cb.Row().After("gorm:row").Register("forumtest:count", inc)
		_ = cb.Raw().After("gorm:raw").Register("forumtest:count", inc)
		_ = cb.Create().After("gorm:create").Register("forumtest:count", inc)
		_ = cb.Update().After("gorm:update").Register("forumtest:count", inc)
		_ = cb.Delete().After("gorm:delete").Register("forumtest:count", inc)
	}
	return q
}
