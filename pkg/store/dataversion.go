package store

import (
	"context"
	"database/sql"
	"errors"
)

// ErrNoDataVersion is DataVersion's answer on a database that keeps none
// (PostgreSQL).
var ErrNoDataVersion = errors.New("the database keeps no data version")

// DataVersion is a number that differs whenever any connection, of this
// process or another, has committed to the database since the last call:
// SQLite's PRAGMA data_version, read on a connection of its own that never
// writes (the pragma does not count a connection's own commits). Reading
// it begins a read transaction, so a commit that finished before the call
// is always seen. It is one statement that reads no table, for caches that
// would otherwise repeat a query on every request (auth.SessionCache).
// PostgreSQL keeps no such number: it returns ErrNoDataVersion.
func (db *DB) DataVersion(ctx context.Context) (uint64, error) {
	if db.vsql == nil {
		return 0, ErrNoDataVersion
	}
	var v uint64
	if err := db.vsql.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, translate(err)
	}
	return v, nil
}

// openDataVersion is the one-connection pool DataVersion reads on.
func openDataVersion(path string) (*sql.DB, error) {
	conn, err := newStmtConnector(sqliteDSN(path, true))
	if err != nil {
		return nil, err
	}
	v := sql.OpenDB(conn)
	v.SetMaxOpenConns(1)
	v.SetMaxIdleConns(1)
	v.SetConnMaxLifetime(0)
	return v, nil
}
