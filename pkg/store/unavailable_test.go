package store

import (
	"errors"
	"fmt"
	"net"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"hearth/pkg/forum"
)

func TestIsUnavailable(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}
	for _, err := range []error{
		fmt.Errorf("load session: %w", refused),
		&pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"},
		&pgconn.PgError{Code: "08006", Message: "connection failure"},
		errors.New("sql: database is closed"),
		errors.New("unable to open database file: out of memory (14)"),
	} {
		if !IsUnavailable(err) {
			t.Errorf("%v: not unavailable", err)
		}
	}
	for _, err := range []error{
		nil,
		forum.ErrNotFound,
		&pgconn.PgError{Code: "23505", Message: "duplicate key"},
		&pgconn.PgError{Code: "57014", Message: "canceling statement due to statement timeout"},
		errors.New("no such table: posts"),
	} {
		if IsUnavailable(err) {
			t.Errorf("%v: unavailable", err)
		}
	}
}
