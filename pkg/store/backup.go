package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"hearth/migrations"
)

// ErrNotSQLite refuses a backup or restore of a PostgreSQL database, which
// is PostgreSQL's own tools' job (pg_dump and pg_restore; see the README).
var ErrNotSQLite = errors.New("hearth backup and restore work on SQLite; on PostgreSQL use pg_dump and pg_restore (see README)")

// Backup writes a consistent copy of the SQLite database to path, which
// must not exist yet. It is safe while Hearth serves: VACUUM INTO reads
// one snapshot of the database (in WAL mode writers carry on meanwhile)
// and writes a compact file with no WAL of its own.
func (db *DB) Backup(ctx context.Context, path string) error {
	if db.Dialect != migrations.SQLite {
		return ErrNotSQLite
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name so no earlier backup is overwritten", path)
	}
	// The readers are query_only, which refuses VACUUM INTO; the writer
	// reads the same snapshot without taking the write lock.
	if _, err := db.wsql.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	return nil
}

// Restore replaces the SQLite database at target with the backup at from,
// after checking that from is a whole Hearth database no newer than this
// build. The database being replaced is kept beside it as
// TARGET.before-restore-TIMESTAMP (the way back), and Hearth must not be
// running on target meanwhile. It returns where the old database went ("" when
// there was none).
func Restore(ctx context.Context, from, target string, now time.Time) (string, error) {
	src, err := openReadOnly(from)
	if err != nil {
		return "", err
	}
	defer src.Close()
	if err := checkBackup(ctx, src, from); err != nil {
		return "", err
	}
	kept := ""
	if _, err := os.Stat(target); err == nil {
		if kept, err = setAside(ctx, target, now); err != nil {
			return "", err
		}
	}
	tmp := target + ".restoring"
	_ = os.Remove(tmp)
	if _, err := src.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return kept, fmt.Errorf("copy %s: %w", from, err)
	}
	if err := os.Rename(tmp, target); err != nil {
		return kept, fmt.Errorf("put the restored database in place: %w", err)
	}
	return kept, nil
}

// openReadOnly opens a SQLite file without changing it.
func openReadOnly(path string) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("backup file: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: abs}).EscapedPath()+"?mode=ro")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// checkBackup refuses a file that is not a whole Hearth database this
// build can run.
func checkBackup(ctx context.Context, db *sql.DB, path string) error {
	var ok string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil {
		return fmt.Errorf("%s is not a readable SQLite database: %w", path, err)
	}
	if ok != "ok" {
		return fmt.Errorf("%s is damaged (integrity check: %s); it was not restored", path, ok)
	}
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx, "SELECT MAX(version) FROM schema_migrations").Scan(&v); err != nil {
		return fmt.Errorf("%s is not a Hearth database: %w", path, err)
	}
	if int(v.Int64) > migrations.Latest() {
		return fmt.Errorf("%s was made by a newer Hearth (schema %d, this build knows %d); restore it with that version", path, v.Int64, migrations.Latest())
	}
	return nil
}

// setAside checkpoints the database at target (so its WAL is empty) and
// renames it out of the way, returning its new name.
func setAside(ctx context.Context, target string, now time.Time) (string, error) {
	old, err := Open(ctx, "sqlite:"+target, Options{MaxConns: 1})
	if err != nil {
		return "", fmt.Errorf("open the current database: %w", err)
	}
	_, cerr := old.wsql.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	if err := errors.Join(cerr, old.Close()); err != nil {
		return "", fmt.Errorf("checkpoint the current database: %w", err)
	}
	kept := target + ".before-restore-" + now.UTC().Format("20060102T150405Z")
	if err := os.Rename(target, kept); err != nil {
		return "", fmt.Errorf("keep the current database: %w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(target + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return kept, fmt.Errorf("remove the current database's %s file: %w", suffix, err)
		}
	}
	return kept, nil
}

// checkpoint copies the SQLite write-ahead log into the database and
// truncates it, so words just redacted or erased (zeroed in the database
// by secure_delete) are not left readable in the log. A no-op on
// PostgreSQL, whose WAL Hearth cannot clear (see the README).
func (db *DB) checkpoint(ctx context.Context) error {
	if db.Dialect != migrations.SQLite {
		return nil
	}
	if _, err := db.wsql.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
