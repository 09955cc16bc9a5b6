package forumtest

import (
	"context"
	"sync/atomic"
	"time"

	"gorm.io/gorm/logger"

	"hearth/pkg/store"
)

// QueryCounter counts the SQL statements sent on a database, for tests
// that pin how many queries a page makes.
type QueryCounter struct{ n atomic.Int64 }

// Reset starts counting from zero.
func (q *QueryCounter) Reset() { q.n.Store(0) }

// Count is the number of statements since the last Reset.
func (q *QueryCounter) Count() int64 { return q.n.Load() }

// CountQueries installs a counter on db's reader and writer handles. It
// counts what their logger is told of: every statement GORM runs, and
// every one the store runs by hand on the same connections (its scanRows),
// which reports to the same logger.
func CountQueries(db *store.DB) *QueryCounter {
	q := &QueryCounter{}
	db.W.Logger = countingLogger{Interface: db.W.Logger, n: &q.n}
	if db.R != db.W {
		db.R.Logger = countingLogger{Interface: db.R.Logger, n: &q.n}
	}
	return q
}

// countingLogger counts each statement it is told of and passes it on.
type countingLogger struct {
	logger.Interface
	n *atomic.Int64
}

// LogMode implements logger.Interface, still counting.
func (c countingLogger) LogMode(level logger.LogLevel) logger.Interface {
	return countingLogger{Interface: c.Interface.LogMode(level), n: c.n}
}

// Trace implements logger.Interface.
func (c countingLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	c.n.Add(1)
	c.Interface.Trace(ctx, begin, fc, err)
}
