package store

import (
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
// fixed SQL with ? placeholders and no RETURNING.
type writeBatch struct{ parts []batchPart }

type batchPart struct {
	stmt string
	args []any
}

// add appends one write.
func (b *writeBatch) add(stmt string, args ...any) {
	b.parts = append(b.parts, batchPart{stmt, args})
}

// exec runs the batch in tx.
func (b *writeBatch) exec(tx *gorm.DB) error {
	if tx.Dialector.Name() != "postgres" || len(b.parts) < 2 {
		for _, p := range b.parts {
			if err := tx.Exec(p.stmt, p.args...).Error; err != nil {
				return err
			}
		}
		return nil
	}
	var q strings.Builder
	var args []any
	for i, p := range b.parts {
		if i == 0 {
			q.WriteString("WITH ")
		} else {
			q.WriteString(", ")
		}
		q.WriteString("w" + strconv.Itoa(i) + " AS (" + p.stmt + ")")
		args = append(args, p.args...)
	}
	q.WriteString(" SELECT 1")
	return tx.Exec(q.String(), args...).Error
}
