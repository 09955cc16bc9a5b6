package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// openStmtDB is one SQLite connection through the statement cache, with a
// scratch table.
func openStmtDB(t *testing.T) (*sql.DB, *stmtConnector) {
	t.Helper()
	sc, err := newStmtConnector(sqliteDSN(filepath.Join(t.TempDir(), "hearth.db"), false))
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(sc)
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { _ = db.Close() })
	if _, err := db.Exec("CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT NOT NULL, at DATETIME)"); err != nil {
		t.Fatal(err)
	}
	return db, sc
}

// TestStatementCacheReusesInTransactions checks that a statement run again,
// inside a new transaction each time, is compiled once, and that its
// results stay right.
func TestStatementCacheReusesInTransactions(t *testing.T) {
	db, sc := openStmtDB(t)
	ctx := context.Background()
	start := sc.prepares.Load()
	for i := range 20 {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO kv (k, v) VALUES (?, ?)", i, fmt.Sprint("v", i)); err != nil {
			t.Fatal(err)
		}
		var v string
		if err := tx.QueryRowContext(ctx, "SELECT v FROM kv WHERE k = ?", i).Scan(&v); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprint("v", i); v != want {
			t.Fatalf("read %q back, want %q", v, want)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if n := sc.prepares.Load() - start; n != 2 {
		t.Errorf("two query texts run 20 times compiled %d statements, want 2", n)
	}
}

// TestStatementCacheNestedAndFailing checks the cases a shared compiled
// statement could get wrong: the same text queried while its own rows are
// open, a statement that fails and is then run again, and a time value
// going in and out as GORM's SQLite dialect would have it.
func TestStatementCacheNestedAndFailing(t *testing.T) {
	db, _ := openStmtDB(t)
	ctx := context.Background()
	at := time.Date(2026, 12, 4, 1, 2, 3, 456000000, time.UTC)
	for k := 1; k <= 3; k++ {
		if _, err := db.ExecContext(ctx, "INSERT INTO kv (k, v, at) VALUES (?, ?, ?)", k, fmt.Sprint("v", k), at); err != nil {
			t.Fatal(err)
		}
	}
	// A failing run (the key exists) leaves the statement usable.
	if _, err := db.ExecContext(ctx, "INSERT INTO kv (k, v, at) VALUES (?, ?, ?)", 1, "dup", at); err == nil {
		t.Fatal("a duplicate key was accepted")
	}
	if _, err := db.ExecContext(ctx, "INSERT INTO kv (k, v, at) VALUES (?, ?, ?)", 4, "v4", at); err != nil {
		t.Fatalf("the statement after a failure: %v", err)
	}

	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const q = "SELECT k, v, at FROM kv WHERE k >= ? ORDER BY k"
	outer, err := conn.QueryContext(ctx, q, 1)
	if err != nil {
		t.Fatal(err)
	}
	var seen, inner int
	for outer.Next() {
		var (
			k  int
			v  string
			ts time.Time
		)
		if err := outer.Scan(&k, &v, &ts); err != nil {
			t.Fatal(err)
		}
		seen++
		if seen > 4 {
			t.Fatal("the outer rows did not end: the inner query reset their statement")
		}
		if k != seen || v != fmt.Sprint("v", k) || !ts.Equal(at) {
			t.Fatalf("row %d = (%d, %q, %v), want (%d, v%d, %v)", seen, k, v, ts, seen, seen, at)
		}
		// The same text while the outer rows are open.
		rows, err := conn.QueryContext(ctx, q, k)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			inner++
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := outer.Err(); err != nil {
		t.Fatal(err)
	}
	if seen != 4 || inner != 4+3+2+1 {
		t.Errorf("read %d outer and %d inner rows, want 4 and 10", seen, inner)
	}
}

// TestStatementCacheBounded checks that more distinct texts than the cache
// holds are all answered and that it keeps no more than its bound.
func TestStatementCacheBounded(t *testing.T) {
	db, _ := openStmtDB(t)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for i := range stmtCacheSize + 50 {
		var n int
		if err := conn.QueryRowContext(ctx, fmt.Sprintf("SELECT %d + ?", i), 1).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != i+1 {
			t.Fatalf("SELECT %d + 1 = %d", i, n)
		}
	}
	if err := conn.Raw(func(dc any) error {
		c := dc.(*stmtConn)
		if c.lru.Len() > stmtCacheSize || len(c.byText) != c.lru.Len() {
			t.Errorf("the cache holds %d statements (%d by text), want at most %d", c.lru.Len(), len(c.byText), stmtCacheSize)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}
