package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/forum"
)

// scanRows runs a fixed query on q's connection (queryRows) and hands each
// row to scan. It is for the small queries that run on every signed-in
// page (the session, follow state, blocks, preferences, breaks, notices)
// and on every reply: GORM's reflective struct mapping and clause building
// cost several times what SQLite spends on them.
func scanRows(q *gorm.DB, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := queryRows(q, query, args)
	return eachRow(rows, err, scan)
}

// eachRow hands each of rows to scan and closes them; err is the error
// of the query that gave them, returned as it is.
func eachRow(rows *sql.Rows, err error, scan func(*sql.Rows) error) error {
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

// queryRows runs query with args on q's connection, or its transaction,
// as GORM's Raw would, without GORM building the statement again on every
// call: it copied the text a byte at a time (the session's is over 2 KB
// on a thread's routes), the largest part of what a member's page
// allocated in the session lookup. The statement is still reported to q's
// logger, which logs it when it fails or is slow, and which counts it in
// tests (forumtest.CountQueries). Arguments GORM would expand (a slice
// for IN ?, a clause) go through Raw.
func queryRows(q *gorm.DB, query string, args []any) (*sql.Rows, error) {
	if !plainArgs(args) {
		return q.Raw(query, args...).Rows()
	}
	text := query
	if q.Dialector.Name() == "postgres" {
		text = numbered(query)
	}
	return tracedQuery(q, q.Statement.ConnPool, text, args)
}

// tracedQuery runs text with args on pool and reports it to q's logger,
// as GORM reports the statements it runs itself.
func tracedQuery(q *gorm.DB, pool gorm.ConnPool, text string, args []any) (*sql.Rows, error) {
	ctx := q.Statement.Context
	if ctx == nil {
		ctx = context.Background()
	}
	begin := time.Now()
	rows, err := pool.QueryContext(ctx, text, args...)
	q.Logger.Trace(ctx, begin, func() (string, int64) { return text, -1 }, err)
	return rows, err
}

// plainArgs reports whether every argument goes to the driver as it is,
// as GORM would pass it.
func plainArgs(args []any) bool {
	for _, a := range args {
		switch a.(type) {
		case nil, string, bool, int, int64, uint64, float64, []byte, time.Time, forum.Tags,
			*int64, *string, *bool, *time.Time, driver.Valuer:
		default:
			return false
		}
	}
	return true
}

// numberedTexts holds each query's text with PostgreSQL's numbered
// placeholders, for at most maxNumbered queries: the fixed ones, and the
// few shapes of those built for a number of rows.
var numberedTexts = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

const maxNumbered = 1024

// numbered is query with each ? replaced by $1, $2 and so on in order, as
// GORM's PostgreSQL dialect writes it.
func numbered(query string) string {
	numberedTexts.RLock()
	t, ok := numberedTexts.m[query]
	numberedTexts.RUnlock()
	if ok {
		return t
	}
	t = numberPlaceholders(query)
	numberedTexts.Lock()
	if len(numberedTexts.m) < maxNumbered {
		numberedTexts.m[query] = t
	}
	numberedTexts.Unlock()
	return t
}

func numberPlaceholders(query string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] != '?' {
			b.WriteByte(query[i])
			continue
		}
		n++
		b.WriteString("$" + strconv.Itoa(n))
	}
	return b.String()
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
