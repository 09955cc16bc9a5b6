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

// accountTables hold rows that no notification depends on: sign-in,
// throttling, the audit trail and the helplines. A write to one of them
// (a session's last use, above all) does not count for NoticeVersion.
var accountTables = map[string]bool{
	"sessions": true, "recovery_codes": true, "login_failures": true,
	"audit_log": true, "helplines": true,
}

// changeCounter counts writes that may change what a visitor sees (n),
// writes that may change a member's notifications (notices), and every
// write (all). Every create, update, delete and raw statement on the writer
// that affects a row counts, unless its table is one of quietTables (for
// n) or accountTables (for notices); raw SQL names no table to GORM, so it
// always counts: erring towards a needless cache miss, never towards a
// stale page.
type changeCounter struct{ n, notices, all atomic.Uint64 }

// watch registers the counting callbacks on the writer handle.
func (cc *changeCounter) watch(w *gorm.DB) error {
	count := func(tx *gorm.DB) {
		if tx.Error != nil || tx.RowsAffected == 0 {
			return
		}
		if !quietTables[tx.Statement.Table] {
			cc.n.Add(1)
		}
		if !accountTables[tx.Statement.Table] {
			cc.notices.Add(1)
		}
		cc.all.Add(1)
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

// NoticeVersion is a number that grows whenever this process writes
// something a member's notifications may depend on: every table but
// accountTables. Like ContentVersion it moves again after each commit, and
// it does not see other processes' writes.
func (db *DB) NoticeVersion() uint64 { return db.changes.notices.Load() }

// WriteVersion is a number that grows whenever this process writes
// anything at all (a session's last use included). Like ContentVersion it
// moves again after each commit, and it does not see other processes'
// writes.
func (db *DB) WriteVersion() uint64 { return db.changes.all.Load() }

// snapshot is the counters before a transaction.
func (cc *changeCounter) snapshot() [3]uint64 {
	return [3]uint64{cc.n.Load(), cc.notices.Load(), cc.all.Load()}
}

// settle moves again, after a commit or rollback, each counter that moved
// since before: a page made from rows read between a statement and its
// commit (the old rows) then never carries the final number.
func (cc *changeCounter) settle(before [3]uint64) {
	for i, c := range [3]*atomic.Uint64{&cc.n, &cc.notices, &cc.all} {
		if c.Load() != before[i] {
			c.Add(1)
		}
	}
}
