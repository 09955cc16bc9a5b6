package store

import (
	"bytes"
	"context"
	"database/sql"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm/logger"
)

// tracedLogger counts the statements its logger is told of.
type tracedLogger struct {
	logger.Interface
	n *int
}

func (c tracedLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	*c.n++
	c.Interface.Trace(ctx, begin, fc, err)
}

// TestHandRunStatementsReachTheLogger: a statement scanRows runs on the
// connection itself, without GORM, is still reported to the handle's
// logger: counted like GORM's own, and logged with its text when it fails.
func TestHandRunStatementsReachTheLogger(t *testing.T) {
	var out bytes.Buffer
	db, err := Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "rows.db"), Options{Logger: slog.New(slog.NewTextHandler(&out, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	told := 0
	db.R.Logger = tracedLogger{Interface: db.R.Logger, n: &told}
	var got int64
	if _, err := scanOne(db.R, "SELECT ? + 1", []any{int64(41)}, &got); err != nil || got != 42 {
		t.Fatalf("SELECT ? + 1: %d, %v", got, err)
	}
	if told != 1 || out.Len() != 0 {
		t.Fatalf("a quick statement: told the logger %d times, logged %q", told, out.String())
	}
	err = scanRows(db.R, "SELECT no_such_column_here", nil, func(*sql.Rows) error { return nil })
	if err == nil || told != 2 || !strings.Contains(out.String(), "no_such_column_here") {
		t.Fatalf("a failing statement: %v, told the logger %d times, logged %q", err, told, out.String())
	}
}

// TestNumberedPlaceholders: PostgreSQL's text numbers every ?, as GORM's
// dialect does, and is the same text on every call.
func TestNumberedPlaceholders(t *testing.T) {
	for in, want := range map[string]string{
		"SELECT 1":                                               "SELECT 1",
		"SELECT ? WHERE a = ? AND b IN (?, ?)":                   "SELECT $1 WHERE a = $2 AND b IN ($3, $4)",
		"SELECT ?::text || '-' || ? FROM t":                      "SELECT $1::text || '-' || $2 FROM t",
		"INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)": "INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
	} {
		if got := numbered(in); got != want || numbered(in) != want {
			t.Errorf("numbered(%q) = %q, want %q", in, got, want)
		}
	}
}
