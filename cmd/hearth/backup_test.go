package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestBackupAndRestore backs the SQLite database up while another handle
// holds it open and keeps writing (as a running server would), changes
// the database, restores the backup and reads the thread through the web
// server: the thread written before the backup is back, the one written
// after it is not, and the replaced database is kept beside the restored
// one.
func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "hearth.db")
	lookup := func(k string) (string, bool) {
		if k == "HEARTH_DATA_DIR" {
			return dir, true
		}
		return "", false
	}
	hearth := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := run(ctx, args, strings.NewReader(""), &out, &errb, lookup)
		return out.String(), errb.String(), code
	}

	serving, err := store.Open(ctx, "sqlite:"+path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := serving.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	uid := forumtest.InsertUser(t, serving, "keeper", "member")
	kept := forumtest.InsertThread(t, serving, "grief", uid, "Kept in the backup", nil, time.Now())

	backup := filepath.Join(t.TempDir(), "nightly.db")
	if out, errs, code := hearth("backup", backup); code != 0 || !strings.Contains(out, "backup: wrote "+backup) {
		t.Fatalf("backup: exit %d, %q %q", code, out, errs)
	}
	if _, errs, code := hearth("backup", backup); code == 0 || !strings.Contains(errs, "already exists") {
		t.Fatalf("a second backup over the first: exit %d, %q", code, errs)
	}
	// Written after the backup: the restore takes it away.
	later := forumtest.InsertThread(t, serving, "grief", uid, "Written after the backup", nil, time.Now())
	serving.W.Exec("UPDATE threads SET title = 'Changed after the backup' WHERE id = ?", kept.ID)
	if err := serving.Close(); err != nil {
		t.Fatal(err)
	}

	if err := os.WriteFile(filepath.Join(dir, "junk.db"), []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := hearth("restore", filepath.Join(dir, "junk.db")); code == 0 {
		t.Fatalf("restoring junk succeeded: %q", errs)
	}
	out, errs, code := hearth("restore", backup)
	if code != 0 || !strings.Contains(out, "restore: "+backup+" is now the database") || !strings.Contains(out, "before-restore-") {
		t.Fatalf("restore: exit %d, %q %q", code, out, errs)
	}
	aside, _ := filepath.Glob(path + ".before-restore-*")
	if len(aside) != 1 {
		t.Fatalf("the replaced database was not kept: %v", aside)
	}

	db, err := store.Open(ctx, "sqlite:"+path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
	c := forumtest.NewClient(t, a.Web.Handler())
	r := c.Get("/t/" + strconv.FormatInt(kept.ID, 10))
	if r.StatusCode != 200 || !strings.Contains(r.Body, "Kept in the backup") {
		t.Fatalf("restored thread: %d\n%s", r.StatusCode, r.Body)
	}
	if r := c.Get("/t/" + strconv.FormatInt(later.ID, 10)); r.StatusCode != 404 {
		t.Fatalf("a thread written after the backup: %d", r.StatusCode)
	}
}

// TestBackupRefusesPostgres sends PostgreSQL users to pg_dump.
func TestBackupRefusesPostgres(t *testing.T) {
	lookup := func(k string) (string, bool) {
		if k == "HEARTH_DATABASE_URL" {
			return "postgres://nobody@127.0.0.1:1/none", true
		}
		return "", false
	}
	for _, cmd := range []string{"backup", "restore"} {
		var out, errb bytes.Buffer
		if code := run(context.Background(), []string{cmd, "x.db"}, strings.NewReader(""), &out, &errb, lookup); code == 0 || !strings.Contains(errb.String(), "pg_dump") {
			t.Fatalf("%s on PostgreSQL: exit %d, %q", cmd, code, errb.String())
		}
	}
}
