package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os/signal"
	"runtime/debug"
	"strings"
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
	applyMemoryLimit(cfg, e.lookup, log)

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
	// The background work (webhook deliveries, live events between
	// instances) stops before the database closes.
	bg, stopBG := context.WithCancel(ctx)
	defer stopBG()
	a.Start(bg)
	// Building the crisis detector and parsing the templates leaves tens
	// of megabytes of garbage; hand those pages back now rather than keep
	// them resident until the collector's scavenger gets to them.
	debug.FreeOSMemory()

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

// applyMemoryLimit sets the runtime's soft memory limit from
// HEARTH_MEMORY_LIMIT, unless GOMEMLIMIT (which the runtime has already
// applied) is set. Without a limit the collector lets the heap grow to twice
// what is live, and under concurrent requests that garbage, not live data,
// is most of the process's memory.
func applyMemoryLimit(cfg config.Config, lookup func(string) (string, bool), log *slog.Logger) {
	if v, ok := lookup("GOMEMLIMIT"); ok && strings.TrimSpace(v) != "" {
		log.Info("memory limit", "from", "GOMEMLIMIT", "bytes", debug.SetMemoryLimit(-1))
		return
	}
	if cfg.MemoryLimit > 0 {
		debug.SetMemoryLimit(cfg.MemoryLimit)
		log.Info("memory limit", "from", "HEARTH_MEMORY_LIMIT", "bytes", cfg.MemoryLimit)
	}
}
