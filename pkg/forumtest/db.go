package forumtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"hearth/pkg/store"
)

// PostgresURL is the PostgreSQL server tests also run on, or "".
func PostgresURL() string { return os.Getenv("HEARTH_TEST_DATABASE_URL") }

// EachDB runs fn as a subtest on a fresh, migrated SQLite database and, when
// HEARTH_TEST_DATABASE_URL is set, on a fresh PostgreSQL schema.
func EachDB(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, NewSQLite(t)) })
	if PostgresURL() != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, NewPostgres(t)) })
	}
}

// NewSQLite returns a migrated database in a temporary file.
func NewSQLite(t testing.TB) *store.DB {
	t.Helper()
	return open(t, "sqlite:"+filepath.Join(t.TempDir(), "hearth.db"))
}

// NewPostgres returns a migrated database in a fresh schema of the server at
// HEARTH_TEST_DATABASE_URL (see PostgresSchemaURL), dropped when the test
// ends.
func NewPostgres(t testing.TB) *store.DB {
	t.Helper()
	return open(t, PostgresSchemaURL(t))
}

// PostgresSchemaURL creates a fresh, empty schema on the server at
// HEARTH_TEST_DATABASE_URL, drops it when the test ends, and returns the
// server's URL with search_path set to it. It skips the test when
// HEARTH_TEST_DATABASE_URL is not set, and fails it (rather than skipping)
// when the server is configured but unreachable: CI must not pass without
// PostgreSQL.
func PostgresSchemaURL(t testing.TB) string {
	t.Helper()
	base := PostgresURL()
	if base == "" {
		t.Skip("HEARTH_TEST_DATABASE_URL is not set")
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	admin, err := store.Open(context.Background(), base, store.Options{MaxConns: 2})
	if err != nil {
		t.Fatalf("connect to HEARTH_TEST_DATABASE_URL: %v", err)
	}
	if err := admin.W.Exec("CREATE SCHEMA " + schema).Error; err != nil { // schema is generated hex, not input
		_ = admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		_ = admin.W.Exec("DROP SCHEMA " + schema + " CASCADE").Error
		_ = admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Open opens and migrates the database at dsn, closed when the test ends:
// a second handle on one PostgreSQL schema stands for a second instance.
func Open(t testing.TB, dsn string) *store.DB { t.Helper(); return open(t, dsn) }

func open(t testing.TB, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, store.Options{MaxConns: 4})
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return db
}
