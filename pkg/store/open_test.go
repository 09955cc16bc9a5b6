package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"gorm.io/gorm"

	"hearth/migrations"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestConnectionSettings checks the settings docs/design.md section 2 asks for:
// SQLite with foreign keys, WAL, synchronous=FULL, a busy timeout, one writer
// connection and read-only readers; PostgreSQL with a bounded pool, a
// statement timeout and UTC.
func TestConnectionSettings(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		switch db.Dialect {
		case migrations.SQLite:
			checkSQLiteSettings(t, db)
		case migrations.Postgres:
			pools := db.Pools()
			if n := pools["main"].Stats().MaxOpenConnections; n != 4 {
				t.Errorf("PostgreSQL pool allows %d connections, want the 4 asked for", n)
			}
			show := func(name string) string {
				t.Helper()
				var v string
				if err := db.R.Raw("SHOW " + name).Row().Scan(&v); err != nil { // constant setting names
					t.Fatalf("SHOW %s: %v", name, err)
				}
				return v
			}
			if got := show("statement_timeout"); got != "5s" {
				t.Errorf("statement_timeout = %s, want 5s", got)
			}
			if got := show("TimeZone"); got != "UTC" {
				t.Errorf("TimeZone = %s, want UTC", got)
			}
		}
	})
}

// checkSQLiteSettings checks the pragmas of both SQLite handles, their
// pools, the statement cache and the read-only reader.
func checkSQLiteSettings(t *testing.T, db *store.DB) {
	t.Helper()
	pragma := func(h *gorm.DB, name string) string {
		t.Helper()
		var v string
		if err := h.Raw("PRAGMA " + name).Row().Scan(&v); err != nil { // constant pragma names
			t.Fatalf("PRAGMA %s: %v", name, err)
		}
		return v
	}
	pools := db.Pools()
	for handle, h := range map[string]*gorm.DB{"writer": db.W, "reader": db.R} {
		for name, want := range map[string]string{"foreign_keys": "1", "journal_mode": "wal", "synchronous": "2", "busy_timeout": "10000"} {
			if got := pragma(h, name); got != want {
				t.Errorf("%s: PRAGMA %s = %s, want %s", handle, name, got, want)
			}
		}
	}
	if got := pragma(db.R, "query_only"); got != "1" {
		t.Errorf("reader: PRAGMA query_only = %s, want 1", got)
	}
	if got := pragma(db.W, "query_only"); got != "0" {
		t.Errorf("writer: PRAGMA query_only = %s, want 0", got)
	}
	if n := pools["writer"].Stats().MaxOpenConnections; n != 1 {
		t.Errorf("SQLite writer pool allows %d connections, want 1", n)
	}
	if n := pools["reader"].Stats().MaxOpenConnections; n != 4 {
		t.Errorf("SQLite reader pool allows %d connections, want the 4 asked for", n)
	}
	// Both handles keep their statements compiled: running the same
	// queries again, in and out of a transaction, compiles nothing.
	run := func() {
		t.Helper()
		var n int64
		for range 8 {
			if err := db.R.Table("users").Where("id > ?", 0).Count(&n).Error; err != nil {
				t.Fatal(err)
			}
		}
		if err := db.W.Transaction(func(tx *gorm.DB) error {
			return tx.Table("users").Where("id > ?", 0).Count(&n).Error
		}); err != nil {
			t.Fatal(err)
		}
	}
	run()
	before := db.StatementsCompiled()
	run()
	if after := db.StatementsCompiled(); after != before {
		t.Errorf("running the same queries again compiled %d statements, want 0", after-before)
	}
	if before == 0 {
		t.Error("no statement went through the SQLite statement cache")
	}
	if err := db.R.Exec("CREATE TABLE probe_write (id INTEGER)").Error; err == nil {
		t.Error("the SQLite reader accepted a write")
	}
}

// TestTxIsOneTransaction checks that Tx commits everything or nothing: an
// error or a panic in the middle rolls back the rows written before it.
func TestTxIsOneTransaction(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		insert := func(tx *gorm.DB, name string) error {
			return tx.Exec("INSERT INTO users (username, username_key, password_hash, created_at, updated_at) VALUES (?, ?, '!', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", name, name).Error
		}
		count := func(name string) int64 {
			t.Helper()
			var n int64
			if err := db.R.Table("users").Where("username_key = ?", name).Count(&n).Error; err != nil {
				t.Fatal(err)
			}
			return n
		}
		stop := errors.New("stop here")
		err := db.Tx(ctx, func(tx *gorm.DB) error {
			if err := insert(tx, "ash"); err != nil {
				return err
			}
			return stop
		})
		if !errors.Is(err, stop) || count("ash") != 0 {
			t.Fatalf("error: %v, %d rows kept", err, count("ash"))
		}

		func() {
			defer func() {
				if recover() == nil {
					t.Error("the panic did not reach the caller")
				}
			}()
			_ = db.Tx(ctx, func(tx *gorm.DB) error {
				if err := insert(tx, "birch"); err != nil {
					return err
				}
				panic("halfway")
			})
		}()
		if count("birch") != 0 {
			t.Fatal("a panicking transaction kept its row")
		}

		if err := db.Tx(ctx, func(tx *gorm.DB) error { return insert(tx, "cedar") }); err != nil || count("cedar") != 1 {
			t.Fatalf("commit: %v, %d rows", err, count("cedar"))
		}
		// The writer still works after the rollbacks (no connection left
		// inside a transaction).
		if err := db.Tx(ctx, func(tx *gorm.DB) error { return insert(tx, "cedar") }); !errors.Is(err, forum.ErrConflict) {
			t.Fatalf("duplicate inside Tx: %v, want ErrConflict", err)
		}
	})
}

// TestNotFoundTranslated checks that a missing row and a reference to a
// missing row both come back as forum.ErrNotFound, never as (zero, nil).
func TestNotFoundTranslated(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := store.NewForum(db)
		if g, err := s.GroupBySlug(ctx, "no-such-group"); !errors.Is(err, forum.ErrNotFound) {
			t.Fatalf("missing group: %+v, %v", g, err)
		}
		if h, err := s.ThreadHead(ctx, 987654321); !errors.Is(err, forum.ErrNotFound) {
			t.Fatalf("missing thread: %+v, %v", h, err)
		}
		err := db.Tx(ctx, func(tx *gorm.DB) error {
			return tx.Exec("INSERT INTO moderator_groups (user_id, group_id, created_at) VALUES (987654321, 987654321, CURRENT_TIMESTAMP)").Error
		})
		if !errors.Is(err, forum.ErrNotFound) || !strings.Contains(strings.ToLower(err.Error()), "foreign key") {
			t.Fatalf("dangling reference: %v, want ErrNotFound from the foreign key", err)
		}
	})
}

// TestDefaultPoolSizes opens each database without a pool size, as
// hearth serve does when HEARTH_DB_MAX_CONNS is not set: four SQLite
// readers (each holds its own page cache outside the Go heap) and ten
// PostgreSQL connections.
func TestDefaultPoolSizes(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		db, err := store.Open(context.Background(), "sqlite:"+t.TempDir()+"/pools.db", store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if n := db.Pools()["reader"].Stats().MaxOpenConnections; n != 4 {
			t.Errorf("SQLite reader pool allows %d connections by default, want 4", n)
		}
		if n := db.Pools()["writer"].Stats().MaxOpenConnections; n != 1 {
			t.Errorf("SQLite writer pool allows %d connections, want 1", n)
		}
	})
	t.Run("postgres", func(t *testing.T) {
		url := forumtest.PostgresSchemaURL(t)
		db, err := store.Open(context.Background(), url, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for name, p := range db.Pools() {
			if n := p.Stats().MaxOpenConnections; n != 10 {
				t.Errorf("PostgreSQL %s pool allows %d connections by default, want 10", name, n)
			}
		}
	})
}
