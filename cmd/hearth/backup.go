package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"hearth/pkg/app"
	"hearth/pkg/config"
	"hearth/pkg/store"
)

// cmdBackup writes a copy of the SQLite database to FILE while Hearth may
// be serving.
func cmdBackup(ctx context.Context, e *env, args []string) error {
	if len(args) != 1 {
		return errors.New("usage: hearth backup FILE (a new file; the database is copied while Hearth keeps serving)")
	}
	cfg, err := config.Load(e.lookup)
	if err != nil {
		return err
	}
	if cfg.SQLitePath() == "" {
		return store.ErrNotSQLite
	}
	db, err := store.Open(ctx, app.DSN(cfg), store.Options{MaxConns: 1, StatementTimeout: cfg.DBStatementTimeout})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, args[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backup: wrote %s\n", args[0])
	return nil
}

// cmdRestore replaces the SQLite database with a backup. Hearth must be
// stopped first; the database it replaces is kept beside it.
func cmdRestore(ctx context.Context, e *env, args []string) error {
	if len(args) != 1 {
		return errors.New("usage: hearth restore FILE (stop Hearth first; the current database is kept beside it)")
	}
	cfg, err := config.Load(e.lookup)
	if err != nil {
		return err
	}
	target := cfg.SQLitePath()
	if target == "" {
		return store.ErrNotSQLite
	}
	kept, err := store.Restore(ctx, args[0], target, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "restore: %s is now the database at %s\n", args[0], target)
	if kept != "" {
		fmt.Fprintf(e.stdout, "restore: the database it replaced is kept as %s (delete it once you are sure)\n", kept)
	}
	return nil
}
