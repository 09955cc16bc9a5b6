package demo

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// writer does the bulk SQL on either dialect. Table and column names come
// only from the constants in this package, never from input; values are
// always bound parameters.
type writer struct {
	db *sql.DB
	pg bool
	// stmts caches the text of multi-row inserts by table and row count.
	stmts map[string]string
	// triggerSQL keeps the definitions of the SQLite triggers a batch
	// drops and puts back (bulk.go).
	triggerSQL map[string]string
}

// maxParams keeps each PostgreSQL statement under its limit of 65,535
// bound parameters.
const maxParams = 30000

// rebind turns ? placeholders into $n for PostgreSQL.
func (w *writer) rebind(q string) string {
	if !w.pg {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tx runs fn in one transaction.
func (w *writer) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// insertSQL returns "INSERT INTO table (cols) VALUES (?, ...), ..." for n rows.
func (w *writer) insertSQL(table string, cols []string, n int) string {
	key := table + "/" + strconv.Itoa(n)
	if q, ok := w.stmts[key]; ok {
		return q
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	q := w.rebind(b.String())
	if w.stmts == nil {
		w.stmts = map[string]string{}
	}
	w.stmts[key] = q
	return q
}

// insert writes rows. On PostgreSQL it sends multi-row statements (one
// round trip per few thousand values); on SQLite, which runs in-process, it
// reuses one prepared single-row statement, because the pure-Go driver
// binds parameters in time quadratic in their number per statement.
func (w *writer) insert(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	for _, r := range rows {
		if len(r) != len(cols) {
			return fmt.Errorf("%s row has %d values for %d columns", table, len(r), len(cols))
		}
	}
	if !w.pg {
		st, err := tx.PrepareContext(ctx, w.insertSQL(table, cols, 1))
		if err != nil {
			return err
		}
		defer st.Close()
		for _, r := range rows {
			if _, err := st.ExecContext(ctx, r...); err != nil {
				return err
			}
		}
		return nil
	}
	per := max(1, maxParams/len(cols))
	for len(rows) > 0 {
		n := min(per, len(rows))
		args := make([]any, 0, n*len(cols))
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, w.insertSQL(table, cols, n), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// nextIDs returns MAX(id)+1 for each table.
func (w *writer) nextIDs(ctx context.Context, tables ...string) (map[string]int64, error) {
	out := map[string]int64{}
	for _, t := range tables {
		var id int64
		// #nosec G202 -- t is one of this package's table names.
		if err := w.db.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM "+t).Scan(&id); err != nil {
			return nil, fmt.Errorf("read ids of %s: %w", t, err)
		}
		out[t] = id + 1
	}
	return out, nil
}

// resetSequences moves PostgreSQL identity sequences past the explicit ids
// written, so the application's own inserts do not collide with them.
func (w *writer) resetSequences(ctx context.Context, tables ...string) error {
	for _, t := range tables {
		// #nosec G202 -- t is one of this package's table names.
		q := "SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM " + t + "), 1))"
		if _, err := w.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("reset the id sequence of %s: %w", t, err)
		}
	}
	return nil
}

// analyzedTables are the tables Seed fills, post_search by trigger.
var analyzedTables = []string{"users", "groups", "threads", "posts", "post_search", "reactions", "subscriptions", "reports", "queue_items"}

// analyze gathers PostgreSQL's planner statistics on the tables just
// filled. Autovacuum would do it within minutes, but until then the
// planner knows nothing of 100,000 new posts: a server started at once
// (as make bench does) plans every query on default guesses. It runs
// without the connection's statement timeout, which is set for serving:
// sampling a million posts on a busy machine can take longer.
func (w *writer) analyze(ctx context.Context) error {
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("analyze the seeded tables: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, "SET LOCAL statement_timeout = 0"); err != nil {
		return fmt.Errorf("analyze the seeded tables: %w", err)
	}
	// #nosec G202 -- analyzedTables are this package's table names.
	if _, err := tx.ExecContext(ctx, "ANALYZE "+strings.Join(analyzedTables, ", ")); err != nil {
		return fmt.Errorf("analyze the seeded tables: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("analyze the seeded tables: %w", err)
	}
	return nil
}
