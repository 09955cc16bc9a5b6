package store

import (
	"database/sql"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// writeBatch gathers writes of one transaction that do not depend on one
// another's rows: none reads a row another writes, and none needs
// another's result. On PostgreSQL they go to the server as one statement,
// each a data-modifying WITH query, so the batch costs one round trip
// however many writes it holds; every part runs exactly once, to
// completion, against the same snapshot, and the triggers of each fire as
// for a statement of its own. On SQLite, where a statement costs no round
// trip, they run one after another in the order added. Each write is
// fixed SQL with ? placeholders; on PostgreSQL a later part may read what
// an earlier one RETURNs by its name (add's result).
type writeBatch struct{ parts []batchPart }

type batchPart struct {
	stmt   string
	args   []any
	pgOnly bool
}

// add appends one write and returns the name a later part reads its
// RETURNING rows by on PostgreSQL.
func (b *writeBatch) add(stmt string, args ...any) string {
	b.parts = append(b.parts, batchPart{stmt: stmt, args: args})
	return "w" + strconv.Itoa(len(b.parts)-1)
}

// addPG appends a write that runs on PostgreSQL only, where it does what
// SQLite's triggers do for the other parts.
func (b *writeBatch) addPG(stmt string, args ...any) {
	b.parts = append(b.parts, batchPart{stmt: stmt, args: args, pgOnly: true})
}

// exec runs the batch in tx.
func (b *writeBatch) exec(tx *gorm.DB) error {
	_, err := b.query(tx, "", nil, nil)
	return err
}

// query runs the batch in tx and, on PostgreSQL, read (a SELECT with ?
// placeholders) as the statement the writes are part of, passing each of
// its rows to scan: the read costs no round trip of its own, and sees the
// transaction as it was before the batch. It reports whether read ran; on
// SQLite it does not, and the caller reads what it needs when it needs it.
func (b *writeBatch) query(tx *gorm.DB, read string, args []any, scan func(*sql.Rows) error) (bool, error) {
	pg := tx.Dialector.Name() == "postgres"
	if !pg || (len(b.parts) < 2 && read == "") {
		for _, p := range b.parts {
			if p.pgOnly && !pg {
				continue
			}
			if err := tx.Exec(p.stmt, p.args...).Error; err != nil {
				return false, err
			}
		}
		return false, nil
	}
	var q strings.Builder
	var all []any
	for i, p := range b.parts {
		if i == 0 {
			q.WriteString("WITH ")
		} else {
			q.WriteString(", ")
		}
		q.WriteString("w" + strconv.Itoa(i) + " AS (" + p.stmt + ")")
		all = append(all, p.args...)
	}
	if read == "" {
		q.WriteString(" SELECT 1")
		return false, tx.Exec(q.String(), all...).Error
	}
	q.WriteString(" " + read)
	return true, scanRows(tx, q.String(), append(all, args...), scan)
}
