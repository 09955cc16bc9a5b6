package store

import (
	"sync/atomic"

	"gorm.io/gorm"
)

// changeCounter counts this process's writes: every create, update, delete
// and raw statement on the writer that affects a row, whatever its table.
// It serves only the visitor page cache, which keeps pages for a couple of
// seconds; counting every write errs towards a needless miss, never
// towards a stale page, and needs no list of tables to keep in step.
type changeCounter struct{ n atomic.Uint64 }

// watch registers the counting callbacks on the writer handle.
func (cc *changeCounter) watch(w *gorm.DB) error {
	count := func(tx *gorm.DB) {
		if tx.Error == nil && tx.RowsAffected > 0 {
			cc.n.Add(1)
		}
	}
	cb := w.Callback()
	if err := cb.Create().After("gorm:create").Register("hearth:changes", count); err != nil {
		return err
	}
	if err := cb.Update().After("gorm:update").Register("hearth:changes", count); err != nil {
		return err
	}
	if err := cb.Delete().After("gorm:delete").Register("hearth:changes", count); err != nil {
		return err
	}
	return cb.Raw().After("gorm:raw").Register("hearth:changes", count)
}

// ContentVersion is a number that grows whenever this process writes. It
// moves twice for a transaction: when the statement runs and again after
// the commit, so a page rendered from data read between the two (the old
// rows) never carries the final number. Other instances' writes are not
// seen here: the visitor page cache bounds their staleness by its lifetime.
func (db *DB) ContentVersion() uint64 { return db.changes.n.Load() }

// snapshot is the counter before a transaction.
func (cc *changeCounter) snapshot() uint64 { return cc.n.Load() }

// settle moves the counter again, after a commit or rollback, when it
// moved since before.
func (cc *changeCounter) settle(before uint64) {
	if cc.n.Load() != before {
		cc.n.Add(1)
	}
}
