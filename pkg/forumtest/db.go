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

// Required reports whether a missing tool or database fails the run instead
// of skipping part of it: in CI (CI set to anything but "false" or "0") and
// whenever HEARTH_E2E_REQUIRED=1. A developer's plain `go test` skips.
func Required() bool {
	if os.Getenv("HEARTH_E2E_REQUIRED") == "1" {
		return true
	}
	switch os.Getenv("CI") {
	case "", "false", "0":
		return false
	}
	return true
}

// NeedPostgres returns HEARTH_TEST_DATABASE_URL for a test that can only run
// on PostgreSQL (two instances on one database, a cut connection). Without
// it the test skips, saying why, or fails when Required: CI must not pass
// without having run it.
func NeedPostgres(t testing.TB, why string) string {
	t.Helper()
	u := PostgresURL()
	if u == "" {
		if Required() {
			t.Fatalf("%s: HEARTH_TEST_DATABASE_URL is not set, and CI or HEARTH_E2E_REQUIRED=1 requires it", why)
		}
		t.Skipf("skipped: %s; set HEARTH_TEST_DATABASE_URL to run it", why)
	}
	return u
}

// EachDB runs fn as a subtest on a fresh, migrated SQLite database and, when
// HEARTH_TEST_DATABASE_URL is set, on a fresh PostgreSQL schema.
func EachDB(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, NewSQLite(t)) })
	if PostgresURL() != "" || Required() {
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
// HEARTH_TEST_DATABASE_URL is not set (fails it when Required), and fails it
// when the server is configured but unreachable: CI must not pass without
// PostgreSQL.
func PostgresSchemaURL(t testing.TB) string {
	t.Helper()
	base := NeedPostgres(t, "this test runs on PostgreSQL")
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
