package main

import (
	"context"
	"fmt"

	"hearth/pkg/app"
	"hearth/pkg/config"
	"hearth/pkg/store"
)

func cmdMigrate(ctx context.Context, e *env, _ []string) error {
	cfg, err := config.Load(e.lookup)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, cfg.LogLevel, cfg.LogFormat)
	db, err := store.Open(ctx, app.DSN(cfg), store.Options{MaxConns: 2, StatementTimeout: cfg.DBStatementTimeout, Logger: log})
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := db.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "migrate: applied %d step(s); schema is current\n", n)
	return nil
}
