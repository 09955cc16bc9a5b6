package store_test

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestOpenFailureIsOneError checks that a database Hearth cannot open is
// reported once, as the error Open returns (which the command prints), and
// never also through the logger, where GORM would print it a second time as
// the format string "failed to initialize database, got error %v".
func TestOpenFailureIsOneError(t *testing.T) {
	dsns := map[string]string{
		// Nothing listens on port 1: connection refused.
		"postgres unreachable": "postgres://hearth@127.0.0.1:1/hearth?sslmode=disable",
		// A directory where the SQLite file should be.
		"sqlite directory": "sqlite:" + t.TempDir(),
	}
	if base := forumtest.PostgresURL(); base != "" {
		// The README's first recipe on a server without that role.
		u, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.User("hearth_no_such_role")
		dsns["postgres unknown role"] = u.String()
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			logs := &forumtest.LogBuffer{}
			db, err := store.Open(context.Background(), dsn, store.Options{Logger: slog.New(slog.NewTextHandler(logs, nil))})
			if err == nil {
				_ = db.Close()
				t.Fatalf("Open(%s) worked, want an error", dsn)
			}
			if logs.String() != "" {
				t.Errorf("Open logged the failure as well as returning it:\n%s", logs)
			}
			if msg := err.Error(); strings.Contains(msg, "%v") || strings.Contains(msg, "%!") {
				t.Errorf("error is not formatted: %s", msg)
			}
		})
	}
}

// TestLoggerFormatsMessages checks that GORM's printf-style messages reach
// the log formatted, and that only warnings and errors are logged.
func TestLoggerFormatsMessages(t *testing.T) {
	logs := &forumtest.LogBuffer{}
	db, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "log.db"), store.Options{Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	db.W.Logger.Info(ctx, "opened %d connections", 3)
	db.R.Logger.Error(ctx, "failed to %s, got error %v", "scan", errors.New("boom"))
	got := logs.String()
	if !strings.Contains(got, "database: failed to scan, got error boom") {
		t.Errorf("error message not formatted:\n%s", got)
	}
	if strings.Contains(got, "opened") {
		t.Errorf("an information message was logged at the warning level:\n%s", got)
	}
}
