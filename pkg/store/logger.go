package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// gormConfig is the configuration of one GORM handle. Each handle gets its
// own: gorm.Open keeps the pointer it is given and stores the handle's
// dialect and connection pool in it.
//
// Open reports a failure to connect itself, once, as an error its caller
// prints. So GORM opens with its logger silent and without its own ping
// (which would log the same failure again); Open pings each pool with a
// timeout, and setLogger attaches the real logger once the handles work.
func gormConfig() *gorm.Config {
	return &gorm.Config{
		Logger:                 logger.Discard,
		DisableAutomaticPing:   true,
		NowFunc:                func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
		SkipDefaultTransaction: true,
		PrepareStmt:            false,
		TranslateError:         false,
	}
}

// setLogger sends GORM's warnings (slow queries) and errors to l; nil
// keeps them silent.
func (db *DB) setLogger(l *slog.Logger) {
	if l == nil {
		return
	}
	gl := gormLog{
		Interface: logger.NewSlogLogger(l, logger.Config{
			SlowThreshold:             slowQuery,
			LogLevel:                  logger.Warn,
			IgnoreRecordNotFoundError: true,
			ParameterizedQueries:      true,
		}),
		log:   l,
		level: logger.Warn,
	}
	db.W.Logger = gl
	if db.R != db.W {
		db.R.Logger = gl
	}
}

// slowQuery is how long a statement runs before it is logged as slow.
const slowQuery = 200 * time.Millisecond

// gormLog is GORM's slog logger with its messages formatted: GORM passes
// printf-style messages ("got error %v") and arguments, which the slog
// logger would print as they are.
type gormLog struct {
	logger.Interface
	log   *slog.Logger
	level logger.LogLevel
}

// LogMode implements logger.Interface.
func (g gormLog) LogMode(level logger.LogLevel) logger.Interface {
	return gormLog{Interface: g.Interface.LogMode(level), log: g.log, level: level}
}

// Trace implements logger.Interface. GORM's slog logger builds the
// statement's text (with its arguments written in) for every statement
// before deciding whether to log it; only an error or a slow statement is
// logged below the Info level, so the others return before that work.
func (g gormLog) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	quiet := (err == nil || errors.Is(err, gorm.ErrRecordNotFound)) && time.Since(begin) <= slowQuery
	if quiet && g.level < logger.Info {
		return
	}
	g.Interface.Trace(ctx, begin, fc, err)
}

// Info implements logger.Interface.
func (g gormLog) Info(ctx context.Context, msg string, data ...any) {
	g.print(ctx, logger.Info, slog.LevelInfo, msg, data)
}

// Warn implements logger.Interface.
func (g gormLog) Warn(ctx context.Context, msg string, data ...any) {
	g.print(ctx, logger.Warn, slog.LevelWarn, msg, data)
}

// Error implements logger.Interface.
func (g gormLog) Error(ctx context.Context, msg string, data ...any) {
	g.print(ctx, logger.Error, slog.LevelError, msg, data)
}

func (g gormLog) print(ctx context.Context, at logger.LogLevel, level slog.Level, msg string, data []any) {
	if g.level < at {
		return
	}
	g.log.Log(ctx, level, "database: "+fmt.Sprintf(msg, data...))
}
