package store

import (
	"database/sql"
	"fmt"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/forum"
)

// scanRows runs a fixed query through q (GORM's Raw, so its logger and
// callbacks still see it) and hands each row to scan. It is for the small
// queries that run on every signed-in page (the session, follow state,
// blocks, preferences, breaks, notices): GORM's reflective struct mapping
// and clause building cost several times what SQLite spends on them.
func scanRows(q *gorm.DB, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := q.Raw(query, args...).Rows()
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scanOne runs a fixed query expected to return at most one row into dest
// and reports whether it did.
func scanOne(q *gorm.DB, query string, args []any, dest ...any) (bool, error) {
	found := false
	err := scanRows(q, query, args, func(r *sql.Rows) error {
		found = true
		return r.Scan(dest...)
	})
	return found, err
}

// orZero wraps scan destinations so that a NULL leaves each at its zero
// value, for the columns of an outer join's missing row. A destination of
// any other type than those listed is a programming error.
func orZero(dest ...any) []any {
	out := make([]any, len(dest))
	for i, d := range dest {
		switch d := d.(type) {
		case *int64:
			out[i] = nullOrZero[int64]{d}
		case **int64:
			out[i] = nullOrZero[*int64]{d}
		case *int:
			out[i] = nullOrZero[int]{d}
		case *uint64:
			out[i] = nullOrZero[uint64]{d}
		case *string:
			out[i] = nullOrZero[string]{d}
		case *bool:
			out[i] = nullOrZero[bool]{d}
		case *time.Time:
			out[i] = nullOrZero[time.Time]{d}
		case *forum.Tags:
			out[i] = nullOrZero[forum.Tags]{d}
		default:
			panic(fmt.Sprintf("orZero: no case for %T", d))
		}
	}
	return out
}

// nullOrZero scans into dest as database/sql would, or sets it to its zero
// value for NULL.
type nullOrZero[T any] struct{ dest *T }

func (n nullOrZero[T]) Scan(src any) error {
	var v sql.Null[T]
	if err := v.Scan(src); err != nil {
		return err
	}
	*n.dest = v.V
	return nil
}
