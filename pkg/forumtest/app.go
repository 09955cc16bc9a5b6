package forumtest

import (
	"bytes"
	"log/slog"
	"sync"
	"testing"

	"hearth/pkg/app"
	"hearth/pkg/config"
	"hearth/pkg/store"
)

// Secret is the fixed key test apps use.
var Secret = bytes.Repeat([]byte("k"), 32)

// Config returns a valid configuration for tests; mutate the copy freely.
func Config(t testing.TB) config.Config {
	t.Helper()
	cfg, err := config.Load(func(k string) (string, bool) {
		if k == "HEARTH_STAFF_TOTP" {
			return config.StaffTOTPOptional, true
		}
		if k == "HEARTH_FLOOD_LIMITS" {
			// Tests post faster than any member; a test of the limits
			// sets cfg.FloodLimits itself.
			return "off", true
		}
		return "", false
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg.DataDir = t.TempDir()
	return cfg
}

// LogBuffer collects what the app logs, safely across goroutines.
type LogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write implements io.Writer.
func (l *LogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// String returns everything logged so far.
func (l *LogBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// NewApp wires a full Hearth on db with cfg, logging into the returned buffer.
func NewApp(t testing.TB, db *store.DB, cfg config.Config) (*app.App, *LogBuffer) {
	t.Helper()
	logs := &LogBuffer{}
	a, err := app.New(cfg, db, Secret, slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})), "test")
	if err != nil {
		t.Fatal(err)
	}
	return a, logs
}
