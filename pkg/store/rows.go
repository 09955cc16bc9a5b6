package store

import (
	"database/sql"

	"gorm.io/gorm"
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
