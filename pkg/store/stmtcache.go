package store

import (
	"container/list"
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"reflect"
	"sync/atomic"

	moderncsqlite "modernc.org/sqlite"
)

// stmtCacheSize bounds the compiled statements each SQLite connection keeps.
// Hearth runs about a hundred distinct query texts; the bound is for texts
// that vary with a list's length (IN (?,?,...)), which would otherwise grow
// without end.
const stmtCacheSize = 256

// stmtConnector opens SQLite connections that keep their compiled
// statements, keyed by query text, for as long as the connection lives.
//
// database/sql hands a query that is not explicitly prepared to the
// driver's ExecContext or QueryContext, and modernc.org/sqlite compiles it
// afresh each time, so every page would pay SQLite's parser and planner
// for every query (docs/performance.md has the share). GORM's PrepareStmt
// option keeps statements only outside transactions (inside one it
// prepares on the transaction, and database/sql closes that statement at
// commit), and every write on the SQLite writer runs in a transaction, so
// the cache lives here, below database/sql, where a connection is one
// SQLite handle used by one goroutine at a time. PostgreSQL's driver (pgx)
// keeps its own statement cache per connection.
type stmtConnector struct {
	inner driver.Connector
	// prepares counts statements compiled for the cache, for tests.
	prepares atomic.Int64
}

// newStmtConnector wraps modernc.org/sqlite's connector for dsn.
func newStmtConnector(dsn string) (*stmtConnector, error) {
	c, err := moderncsqlite.NewConnector(dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite connector: %w", err)
	}
	return &stmtConnector{inner: c}, nil
}

// Connect implements driver.Connector.
func (sc *stmtConnector) Connect(ctx context.Context) (driver.Conn, error) {
	c, err := sc.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	ic, ok := c.(sqliteConn)
	if !ok {
		_ = c.Close()
		return nil, fmt.Errorf("sqlite connection %T lacks a driver interface hearth relies on", c)
	}
	return &stmtConn{sc: sc, conn: ic, byText: map[string]*list.Element{}, lru: list.New()}, nil
}

// Driver implements driver.Connector.
func (sc *stmtConnector) Driver() driver.Driver { return sc.inner.Driver() }

// stmtConn is one SQLite connection with its statement cache. The driver
// interfaces it implements are the ones modernc.org/sqlite's connection
// does, so database/sql treats it the same (see sqliteConn).
type stmtConn struct {
	sc     *stmtConnector
	conn   sqliteConn
	byText map[string]*list.Element
	lru    *list.List // of *cachedStmt, most recently used first
}

// cachedStmt is a compiled statement; busy while rows read from it are
// open, when a second use of the same text compiles a statement of its own.
type cachedStmt struct {
	text string
	stmt driver.Stmt
	busy bool
}

// sqliteConn is the set of driver interfaces a modernc.org/sqlite
// connection implements and stmtConn passes on.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

var _ sqliteConn = (*stmtConn)(nil)

// cached returns the compiled statement for query, compiling it on a miss
// and dropping the least recently used beyond stmtCacheSize.
func (c *stmtConn) cached(ctx context.Context, query string) (*cachedStmt, error) {
	if e, ok := c.byText[query]; ok {
		c.lru.MoveToFront(e)
		return e.Value.(*cachedStmt), nil
	}
	st, err := c.conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.sc.prepares.Add(1)
	cs := &cachedStmt{text: query, stmt: st}
	c.byText[query] = c.lru.PushFront(cs)
	for c.lru.Len() > stmtCacheSize {
		old := c.lru.Back()
		victim := old.Value.(*cachedStmt)
		if victim.busy {
			// Its rows are still being read; it goes on a later miss.
			break
		}
		c.lru.Remove(old)
		delete(c.byText, victim.text)
		// SQLite's finalize reports the error of the statement's last run,
		// an earlier query's failure, already returned to that query; the
		// statement is released either way, and this query has nothing to
		// do with it.
		_ = victim.stmt.Close()
	}
	return cs, nil
}

// ExecContext implements driver.ExecerContext.
func (c *stmtConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	cs, err := c.cached(ctx, query)
	if err != nil {
		return nil, err
	}
	if cs.busy {
		return c.conn.ExecContext(ctx, query, args)
	}
	return cs.stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

// QueryContext implements driver.QueryerContext.
func (c *stmtConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	cs, err := c.cached(ctx, query)
	if err != nil {
		return nil, err
	}
	if cs.busy {
		// The same text is being read already (a query inside the loop over
		// its own rows): this one is compiled and finalized by the driver.
		return c.conn.QueryContext(ctx, query, args)
	}
	r, err := cs.stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	cs.busy = true
	return &cachedRows{Rows: r, cs: cs}, nil
}

// Prepare implements driver.Conn. An explicitly prepared statement belongs
// to its caller, who closes it, so it does not go through the cache.
func (c *stmtConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

// PrepareContext implements driver.ConnPrepareContext.
func (c *stmtConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.conn.PrepareContext(ctx, query)
}

// Begin implements driver.Conn.
func (c *stmtConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx implements driver.ConnBeginTx.
func (c *stmtConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.conn.BeginTx(ctx, opts)
}

// Ping implements driver.Pinger.
func (c *stmtConn) Ping(ctx context.Context) error { return c.conn.Ping(ctx) }

// ResetSession implements driver.SessionResetter.
func (c *stmtConn) ResetSession(ctx context.Context) error { return c.conn.ResetSession(ctx) }

// IsValid implements driver.Validator.
func (c *stmtConn) IsValid() bool { return c.conn.IsValid() }

// Close finalizes the cached statements, then closes the connection.
func (c *stmtConn) Close() error {
	var errs []error
	for e := c.lru.Front(); e != nil; e = e.Next() {
		errs = append(errs, e.Value.(*cachedStmt).stmt.Close())
	}
	c.lru.Init()
	clear(c.byText)
	errs = append(errs, c.conn.Close())
	return errors.Join(errs...)
}

// cachedRows reads a cached statement's result and gives the statement
// back on Close. It passes on the column-type interfaces of
// modernc.org/sqlite's rows, which database/sql's ColumnTypes reads.
type cachedRows struct {
	driver.Rows
	cs *cachedStmt
}

// Close implements driver.Rows: the driver resets the statement for reuse.
func (r *cachedRows) Close() error {
	r.cs.busy = false
	return r.Rows.Close()
}

// ColumnTypeDatabaseTypeName implements driver.RowsColumnTypeDatabaseTypeName.
func (r *cachedRows) ColumnTypeDatabaseTypeName(i int) string {
	if t, ok := r.Rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return t.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

// ColumnTypeLength implements driver.RowsColumnTypeLength.
func (r *cachedRows) ColumnTypeLength(i int) (int64, bool) {
	if t, ok := r.Rows.(driver.RowsColumnTypeLength); ok {
		return t.ColumnTypeLength(i)
	}
	return 0, false
}

// ColumnTypeNullable implements driver.RowsColumnTypeNullable.
func (r *cachedRows) ColumnTypeNullable(i int) (bool, bool) {
	if t, ok := r.Rows.(driver.RowsColumnTypeNullable); ok {
		return t.ColumnTypeNullable(i)
	}
	return false, false
}

// ColumnTypePrecisionScale implements driver.RowsColumnTypePrecisionScale.
func (r *cachedRows) ColumnTypePrecisionScale(i int) (int64, int64, bool) {
	if t, ok := r.Rows.(driver.RowsColumnTypePrecisionScale); ok {
		return t.ColumnTypePrecisionScale(i)
	}
	return 0, 0, false
}

// ColumnTypeScanType implements driver.RowsColumnTypeScanType.
func (r *cachedRows) ColumnTypeScanType(i int) reflect.Type {
	if t, ok := r.Rows.(driver.RowsColumnTypeScanType); ok {
		return t.ColumnTypeScanType(i)
	}
	return reflect.TypeFor[any]()
}
