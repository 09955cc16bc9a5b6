package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/libtnb/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"hearth/migrations"
)

// Options tune the connection pools.
type Options struct {
	// MaxConns bounds the PostgreSQL pool and the SQLite reader pool; 0
	// means 10 on PostgreSQL and 4 on SQLite.
	MaxConns int
	// StatementTimeout bounds each PostgreSQL statement.
	StatementTimeout time.Duration
	// Logger receives slow-query warnings; nil discards them.
	Logger *slog.Logger
}

// DB is an open database: a writer and a reader handle. On SQLite the writer
// is a single connection (SQLite allows one writer; queueing in Go is cheaper
// than busy retries) and readers share a pool in WAL mode; on PostgreSQL both
// are the same pool.
type DB struct {
	W       *gorm.DB
	R       *gorm.DB
	Dialect migrations.Dialect
	wsql    *sql.DB
	rsql    *sql.DB
	// vsql is the connection DataVersion reads on; nil on PostgreSQL.
	vsql *sql.DB
	// changes counts content writes (version.go).
	changes changeCounter
	// stmts are the SQLite writer's and readers' connectors, which keep
	// compiled statements (stmtcache.go); nil on PostgreSQL.
	stmts [2]*stmtConnector
	// group shares commits between concurrent writes on SQLite (batch.go);
	// nil on PostgreSQL.
	group *groupCommit
	// postFault is a test's error for the next posting transaction to
	// return after committing (unavailable.go).
	postFault commitFault
	// dsn is the PostgreSQL address, for the live events' own connection
	// (relay.go); "" on SQLite.
	dsn string
	// folds move appended counts into their rows (fold.go).
	folds *folds
}

// Open connects to dsn: "sqlite:PATH" or a postgres:// URL.
func Open(ctx context.Context, dsn string, o Options) (*DB, error) {
	if o.StatementTimeout <= 0 {
		o.StatementTimeout = 5 * time.Second
	}
	var (
		db  *DB
		err error
	)
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		db, err = openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"), o)
	case strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://"):
		db, err = openPostgres(ctx, dsn, o)
	default:
		return nil, errors.New("database URL must start with sqlite: or postgres://")
	}
	if err != nil {
		return nil, err
	}
	db.setLogger(o.Logger)
	if err := db.changes.watch(db.W); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("register change callbacks: %w", err)
	}
	return db, nil
}

func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(FULL)")
	// Deleted and overwritten content is zeroed in the file, so a
	// redaction or an erased account leaves no words behind in free pages.
	q.Add("_pragma", "secure_delete(1)")
	// How GORM's SQLite dialect opens a file itself: DATETIME columns scan
	// into time.Time and times are written in SQLite's own format.
	q.Set("_texttotime", "1")
	q.Set("_inttotime", "1")
	q.Set("_time_format", "sqlite")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		// 1 MiB of page cache per reader (SQLite's default is 2 MiB) holds
		// the hot index pages; the operating system's file cache holds the
		// rest, and with ten readers the difference was 10 MiB of the
		// process's memory. Reads measured no slower on the bench.
		q.Add("_pragma", "cache_size(-1024)")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		// A statement that writes several rows (a reply's notifications)
		// keeps a statement journal for rolling just itself back; in a
		// temporary file that is a write system call per page, which was
		// a third of a reply's notification cost.
		q.Add("_pragma", "temp_store(MEMORY)")
		// Immediate transactions take the write lock at BEGIN, so a
		// read-then-write transaction never fails halfway with SQLITE_BUSY.
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

func openSQLite(ctx context.Context, path string, o Options) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create database directory: %w", err)
		}
	}
	wconn, err := newStmtConnector(sqliteDSN(path, false))
	if err != nil {
		return nil, err
	}
	wsql := sql.OpenDB(wconn)
	w, err := gorm.Open(sqlite.New(sqlite.Config{Conn: wsql}), gormConfig())
	if err != nil {
		_ = wsql.Close()
		return nil, fmt.Errorf("open sqlite writer: %w", err)
	}
	wsql.SetMaxOpenConns(1)
	wsql.SetMaxIdleConns(1)
	wsql.SetConnMaxLifetime(0)
	// The writer must exist first: it switches the file to WAL mode.
	if err := wsql.PingContext(ctx); err != nil {
		_ = wsql.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	// Both handles keep each connection's compiled statements
	// (stmtcache.go).
	rconn, err := newStmtConnector(sqliteDSN(path, true))
	if err != nil {
		_ = wsql.Close()
		return nil, err
	}
	rsql := sql.OpenDB(rconn)
	r, err := gorm.Open(sqlite.New(sqlite.Config{Conn: rsql}), gormConfig())
	if err != nil {
		_ = rsql.Close()
		_ = wsql.Close()
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	readers := o.MaxConns
	if readers <= 0 {
		// Each reader holds its own page cache and schema in memory
		// outside the Go heap. On the two-core bench, 4 readers served
		// member thread pages as fast as 10 (572 against 459 to 591/s)
		// and kept the peak resident memory 8 MiB lower; a query holds a
		// reader only while it runs, so 4 keep several more cores busy.
		readers = 4
	}
	rsql.SetMaxOpenConns(readers)
	rsql.SetMaxIdleConns(readers)
	vsql, err := openDataVersion(path)
	if err != nil {
		_ = rsql.Close()
		_ = wsql.Close()
		return nil, err
	}
	db := &DB{W: w, R: r, Dialect: migrations.SQLite, wsql: wsql, rsql: rsql, vsql: vsql, stmts: [2]*stmtConnector{wconn, rconn}, folds: &folds{}}
	db.group = newGroupCommit(db)
	return db, nil
}

func openPostgres(ctx context.Context, dsn string, o Options) (*DB, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse database URL: %w", err)
	}
	q := u.Query()
	if q.Get("statement_timeout") == "" {
		q.Set("statement_timeout", fmt.Sprint(o.StatementTimeout.Milliseconds()))
	}
	if q.Get("timezone") == "" {
		q.Set("timezone", "UTC")
	}
	u.RawQuery = q.Encode()
	db, err := gorm.Open(postgres.New(postgres.Config{DSN: u.String()}), gormConfig())
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("postgres handle: %w", err)
	}
	conns := o.MaxConns
	if conns <= 0 {
		conns = 10
	}
	s.SetMaxOpenConns(conns)
	s.SetMaxIdleConns(conns)
	s.SetConnMaxIdleTime(5 * time.Minute)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := s.PingContext(pctx); err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("connect to postgres: %w", err)
	}
	return &DB{W: db, R: db, Dialect: migrations.Postgres, wsql: s, rsql: s, dsn: u.String(), folds: &folds{}}, nil
}

// Migrate applies pending migrations.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	return migrations.Run(ctx, db.wsql, db.Dialect)
}

// CheckSchema reports whether the schema matches the code.
func (db *DB) CheckSchema(ctx context.Context) error {
	return migrations.Check(ctx, db.wsql, db.Dialect)
}

// Ping checks that the database answers; /readyz uses it.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.rsql.PingContext(ctx); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	var one int
	if err := db.rsql.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("select 1: %w", err)
	}
	return nil
}

// SQL returns the writer's database/sql handle (for migrations and tests).
func (db *DB) SQL() *sql.DB { return db.wsql }

// Close closes both pools.
func (db *DB) Close() error {
	db.folds.wait()
	if db.group != nil {
		db.group.closeAndWait()
	}
	var errs []error
	if db.vsql != nil {
		errs = append(errs, db.vsql.Close())
	}
	if db.rsql != db.wsql {
		errs = append(errs, db.rsql.Close())
	}
	errs = append(errs, db.wsql.Close())
	return errors.Join(errs...)
}

// Pools returns the database/sql pools by name, for metrics.
func (db *DB) Pools() map[string]*sql.DB {
	if db.rsql == db.wsql {
		return map[string]*sql.DB{"main": db.wsql}
	}
	return map[string]*sql.DB{"writer": db.wsql, "reader": db.rsql}
}

// StatementsCompiled is how many statements the SQLite connections have
// compiled for their statement caches (stmtcache.go) since Open: it stops
// growing once every query text has run on every connection. Zero on
// PostgreSQL.
func (db *DB) StatementsCompiled() int64 {
	var n int64
	for _, sc := range db.stmts {
		if sc != nil {
			n += sc.prepares.Load()
		}
	}
	return n
}
