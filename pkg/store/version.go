package store

import (
	"sync/atomic"

	"gorm.io/gorm"
)

// quietTables hold rows that no visitor page shows: sessions, throttling,
// a member's own notifications, follows, preferences, blocks and breaks,
// and moderators' working tables. A write to one of them does not make a
// cached visitor page stale, so it does not count as a content change.
var quietTables = map[string]bool{
	"sessions": true, "recovery_codes": true, "login_failures": true,
	"notifications": true, "subscriptions": true, "tag_prefs": true,
	"blocks": true, "breaks": true, "member_notices": true,
	"queue_items": true, "reports": true, "audit_log": true,
	"post_revisions": true, "helplines": true,
}

// changeCounter counts writes that may change what a visitor sees. Every
// create, update, delete and raw statement on the writer that affects a row
// counts, unless its table is one of quietTables (raw SQL names no table to
// GORM, so it always counts: erring towards a needless cache miss, never
// towards a stale page).
type changeCounter struct{ n atomic.Uint64 }

// watch registers the counting callbacks on the writer handle.
func (cc *changeCounter) watch(w *gorm.DB) error {
	count := func(tx *gorm.DB) {
		if tx.Error == nil && tx.RowsAffected > 0 && !quietTables[tx.Statement.Table] {
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

// ContentVersion is a number that grows whenever this process writes
// something a visitor page may show. It moves twice for a transaction: when
// the statement runs and again after the commit, so a page rendered from
// data read between the two (the old rows) never carries the final number.
// Other processes' writes are not seen here: the web layer's visitor cache
// bounds their staleness by its lifetime instead.
func (db *DB) ContentVersion() uint64 { return db.changes.n.Load() }
