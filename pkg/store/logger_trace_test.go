package store

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// TestGormLogTrace: a statement that failed or ran slowly is logged with
// its text; any other is not, and its text is never built.
func TestGormLogTrace(t *testing.T) {
	var out bytes.Buffer
	db := &DB{W: &gorm.DB{Config: &gorm.Config{}}}
	db.R = db.W
	db.setLogger(slog.New(slog.NewTextHandler(&out, nil)))
	g := db.W.Logger
	built := 0
	fc := func() (string, int64) { built++; return "SELECT 1", 1 }
	ctx := context.Background()

	g.Trace(ctx, time.Now(), fc, nil)
	g.Trace(ctx, time.Now(), fc, gorm.ErrRecordNotFound)
	if built != 0 || out.Len() != 0 {
		t.Fatalf("quick statements: text built %d times, logged %q", built, out.String())
	}
	g.Trace(ctx, time.Now().Add(-2*slowQuery), fc, nil)
	g.Trace(ctx, time.Now(), fc, errors.New("disk I/O error"))
	if built != 2 || !strings.Contains(out.String(), "SELECT 1") || !strings.Contains(out.String(), "disk I/O error") {
		t.Fatalf("slow and failed statements: text built %d times, logged %q", built, out.String())
	}
}
