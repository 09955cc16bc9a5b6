package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
)

// openBatchDB is a SQLite database with a scratch table; this test is
// inside the package (forumtest imports store), so it opens one itself.
func openBatchDB(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "hearth.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.W.Exec("CREATE TABLE scratch (v TEXT PRIMARY KEY)").Error; err != nil {
		t.Fatal(err)
	}
	return db
}

func insertJob(v string) func(tx *gorm.DB) error {
	return func(tx *gorm.DB) error { return tx.Exec("INSERT INTO scratch (v) VALUES (?)", v).Error }
}

func scratch(t *testing.T, db *DB) string {
	t.Helper()
	var vs []string
	if err := db.R.Raw("SELECT v FROM scratch ORDER BY v").Scan(&vs).Error; err != nil {
		t.Fatal(err)
	}
	return strings.Join(vs, ",")
}

// holdWriter submits a write that waits inside the writer until release is
// closed, so the writes submitted meanwhile queue up and form one batch.
func holdWriter(t *testing.T, db *DB) (release func(), done <-chan error) {
	t.Helper()
	started, hold, res := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		res <- db.TxGrouped(context.Background(), func(tx *gorm.DB) error {
			close(started)
			<-hold
			return insertJob("a")(tx)
		})
	}()
	<-started
	return func() { close(hold) }, res
}

// waitQueued waits until n writes are waiting for the writer.
func waitQueued(t *testing.T, db *DB, n int) {
	t.Helper()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	deadline := time.After(10 * time.Second)
	for len(db.group.jobs) < n {
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatalf("%d writes queued, want %d", len(db.group.jobs), n)
		}
	}
}

// TestGroupCommitSharesACommitAndIsolatesFailures: writes waiting together
// commit together; one that fails or panics fails alone, with nothing of it
// kept; one whose request has gone is not run; the rest all land.
func TestGroupCommitSharesACommitAndIsolatesFailures(t *testing.T) {
	db := openBatchDB(t)
	release, first := holdWriter(t, db)

	gone, cancel := context.WithCancel(context.Background())
	jobs := []struct {
		name string
		ctx  context.Context
		fn   func(tx *gorm.DB) error
		want string // "" for success, else part of the error
	}{
		{"b", context.Background(), insertJob("b"), ""},
		{"c fails after writing", context.Background(), func(tx *gorm.DB) error {
			if err := insertJob("c")(tx); err != nil {
				return err
			}
			return errors.New("c refused")
		}, "c refused"},
		{"d", context.Background(), insertJob("d"), ""},
		{"e panics after writing", context.Background(), func(tx *gorm.DB) error {
			_ = insertJob("e")(tx)
			panic("e broke")
		}, "panicked: e broke"},
		{"f gone", gone, insertJob("f"), "context canceled"},
		{"g duplicates b", context.Background(), insertJob("b"), "UNIQUE"},
		{"h", context.Background(), insertJob("h"), ""},
	}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = db.TxGrouped(j.ctx, j.fn) }()
		waitQueued(t, db, i+1) // keeps the order of the batch known
	}
	cancel()
	commitsBefore := db.GroupCommits()
	release()
	wg.Wait()
	if err := <-first; err != nil {
		t.Fatalf("held write: %v", err)
	}
	for i, j := range jobs {
		switch {
		case j.want == "" && errs[i] != nil:
			t.Errorf("%s: %v", j.name, errs[i])
		case j.want != "" && (errs[i] == nil || !strings.Contains(errs[i].Error(), j.want)):
			t.Errorf("%s: error %v, want one containing %q", j.name, errs[i], j.want)
		}
	}
	if got := scratch(t, db); got != "a,b,d,h" {
		t.Fatalf("rows %q, want a,b,d,h: nothing of c, e, f or the duplicate", got)
	}
	// The held write's own batch, then the seven queued writes together:
	// a rolled-back try at each failure (c, e, the duplicate of b), after
	// which the rest run again, and the commit of b, d and h.
	if n := db.GroupCommits() - commitsBefore; n != 5 {
		t.Fatalf("%d transactions, want 5", n)
	}
}

// TestGroupCommitCloseFinishesQueuedWrites: Close waits for the writes
// already queued, and a write after Close fails instead of hanging.
func TestGroupCommitCloseFinishesQueuedWrites(t *testing.T) {
	db := openBatchDB(t)
	release, first := holdWriter(t, db)
	errs := make(chan error, 2)
	for _, v := range []string{"b", "c"} {
		go func() { errs <- db.TxGrouped(context.Background(), insertJob(v)) }()
	}
	waitQueued(t, db, 2)
	closed := make(chan struct{})
	go func() { db.group.closeAndWait(); close(closed) }()
	release()
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatalf("queued write: %v", err)
		}
	}
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	<-closed
	if got := scratch(t, db); got != "a,b,c" {
		t.Fatalf("rows %q", got)
	}
	if err := db.TxGrouped(context.Background(), insertJob("z")); err != nil {
		t.Fatalf("a write after the writer stopped still runs on its own: %v", err)
	}
}
