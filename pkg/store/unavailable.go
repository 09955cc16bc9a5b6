package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"sync/atomic"

	"github.com/jackc/pgx/v5/pgconn"
)

// IsUnavailable reports whether err means the database could not be
// reached or stopped answering (refused or dropped connections, a server
// shutting down or starting up, a closed or unreadable SQLite file), as
// opposed to the database answering that something is wrong. The web
// layer answers such a request with 503 and Retry-After.
func IsUnavailable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		// Class 08 is connection exceptions; 57P01-57P03 are the server
		// shutting down, crashing and starting up.
		return strings.HasPrefix(pg.Code, "08") || pg.Code == "57P01" || pg.Code == "57P02" || pg.Code == "57P03"
	}
	var connect *pgconn.ConnectError
	var netErr net.Error
	if errors.As(err, &connect) || errors.As(err, &netErr) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) ||
		errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	msg := err.Error()
	for _, s := range unavailableText {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// unavailableText are what database/sql, pgx and the pure-Go SQLite driver
// say, as text only, when the database cannot be used at all.
var unavailableText = []string{
	"sql: database is closed",
	"conn closed",
	"connection refused",
	"failed to connect",
	"unable to open database file", // SQLITE_CANTOPEN
	"disk I/O error",               // SQLITE_IOERR
	"database is locked",           // SQLITE_BUSY after busy_timeout
}

// commitFault is returned by the next posting transaction after it has
// committed (FailNextPostCommit), standing for a connection lost before
// the commit's acknowledgment arrived.
type commitFault struct{ err atomic.Pointer[error] }

// take returns the pending fault, once.
func (f *commitFault) take() error {
	if p := f.err.Swap(nil); p != nil {
		return *p
	}
	return nil
}

// FailNextPostCommit makes the next new post's or edit's transaction
// return err after it has committed, as when the connection drops
// between the commit and its acknowledgment: the write landed, but its
// author is told it failed. Tests use it to check that Hearth looks for
// the post before saying so.
func (db *DB) FailNextPostCommit(err error) { db.postFault.err.Store(&err) }
