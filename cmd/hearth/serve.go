package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os/signal"
	"syscall"

	"hearth/pkg/app"
	"hearth/pkg/config"
)

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dev := fs.Bool("dev", false, "read templates and static files from disk")
	pprofAddr := fs.String("pprof", "", "also serve Go's profiler (net/http/pprof) on this loopback address, e.g. 127.0.0.1:6060")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := config.Load(e.lookup)
	if err != nil {
		return err
	}
	cfg.Dev = cfg.Dev || *dev
	log := newLogger(e.stderr, cfg.LogLevel, cfg.LogFormat)

	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if *pprofAddr != "" {
		if err := startPprof(ctx, *pprofAddr, log); err != nil {
			return err
		}
	}

	a, err := app.Build(ctx, cfg, log, version)
	if err != nil {
		return err
	}
	defer a.Close()

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	dbKind := "sqlite " + cfg.SQLitePath()
	if cfg.SQLitePath() == "" {
		dbKind = "postgres"
	}
	log.Info("hearth serving", "url", "http://"+ln.Addr().String(), "database", dbKind, "version", version)
	if err := a.Web.Serve(ctx, ln); err != nil {
		return err
	}
	log.Info("hearth stopped")
	return nil
}
