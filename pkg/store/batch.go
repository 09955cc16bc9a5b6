package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"gorm.io/gorm"
)

// maxGroup bounds how many writes share one commit, so one batch's wait
// stays short.
const maxGroup = 64

// groupCommit runs write transactions from concurrent requests together on
// SQLite's single writer connection: one goroutine takes whatever writes
// are waiting, runs them one after another in one transaction, and commits
// them with one fsync. A write's caller hears of its result only after that
// commit, so nothing is acknowledged before it is durable; a write that
// fails (or panics) fails alone (runSome). There is no timer: while one
// batch commits, the next gathers.
type groupCommit struct {
	db   *DB
	jobs chan *groupJob
	stop chan struct{}
	done chan struct{}
	// mu makes Close wait for submitters already sending, so no job is
	// left in the channel after the loop has drained it for the last time.
	mu     sync.RWMutex
	closed bool
	// commits counts batch transactions, for tests and metrics.
	commits atomic.Uint64
}

type groupJob struct {
	ctx context.Context
	fn  func(tx *gorm.DB) error
	res chan error
}

func newGroupCommit(db *DB) *groupCommit {
	g := &groupCommit{db: db, jobs: make(chan *groupJob, maxGroup), stop: make(chan struct{}), done: make(chan struct{})}
	go g.loop()
	return g
}

// TxGrouped runs fn like Tx, but on SQLite shares the transaction and its
// commit with other writes waiting at the same moment (groupCommit). fn
// must not keep the transaction or assume it is the only thing in it. On
// PostgreSQL, where transactions run side by side, it is Tx.
func (db *DB) TxGrouped(ctx context.Context, fn func(tx *gorm.DB) error) error {
	g := db.group
	if g == nil {
		return db.Tx(ctx, fn)
	}
	j := &groupJob{ctx: ctx, fn: fn, res: make(chan error, 1)}
	g.mu.RLock()
	if g.closed {
		g.mu.RUnlock()
		return db.Tx(ctx, fn)
	}
	select {
	case g.jobs <- j:
		g.mu.RUnlock()
	case <-ctx.Done():
		g.mu.RUnlock()
		return fmt.Errorf("transaction: %w", ctx.Err())
	}
	// Once queued, the write may commit, so the caller waits for the
	// outcome even if its request has gone: it must never be told "failed"
	// about a write that landed.
	return <-j.res
}

// GroupCommits is how many grouped transactions have run (committed or
// rolled back).
func (db *DB) GroupCommits() uint64 {
	if db.group == nil {
		return 0
	}
	return db.group.commits.Load()
}

func (g *groupCommit) loop() {
	defer close(g.done)
	batch := make([]*groupJob, 0, maxGroup)
	for {
		var first *groupJob
		select {
		case first = <-g.jobs:
		case <-g.stop:
			// Close has stopped new submissions; finish what was queued.
			for {
				select {
				case j := <-g.jobs:
					g.run([]*groupJob{j})
				default:
					return
				}
			}
		}
		batch = append(batch[:0], first)
	gather:
		for len(batch) < maxGroup {
			select {
			case j := <-g.jobs:
				batch = append(batch, j)
			default:
				break gather
			}
		}
		g.run(batch)
	}
}

// run commits one batch and tells every job its result.
func (g *groupCommit) run(batch []*groupJob) {
	for len(batch) > 0 {
		batch = g.runSome(batch)
	}
}

// runSome runs the batch's jobs one after another in one transaction and
// commits them together. Jobs share the transaction without savepoints
// (each savepoint journals every page it touches, which cost more than the
// shared commit saved), so when a job fails the whole transaction is
// rolled back: the failing job is told its error, and the jobs that had run
// before it are returned, with those not yet started, to run again in a
// fresh transaction. Stopping at the first failure also means that after an
// error that ends a SQLite transaction by itself (a full disk, an I/O
// error) no statement runs outside it.
func (g *groupCommit) runSome(batch []*groupJob) (rest []*groupJob) {
	failed := -1
	var jobErr error
	skipped := make([]bool, len(batch))
	before := g.db.changes.snapshot()
	// The transaction is not bound to any request: a request that goes
	// away mid-statement must not interrupt (and so roll back) the others.
	err := g.db.W.WithContext(context.Background()).Transaction(func(tx *gorm.DB) error {
		for i, j := range batch {
			if j.ctx.Err() != nil {
				skipped[i] = true // never started; told below
				continue
			}
			if jobErr = runJob(tx.WithContext(context.WithoutCancel(j.ctx)), j.fn); jobErr != nil {
				failed = i
				return errJobFailed
			}
		}
		return nil
	})
	g.commits.Add(1)
	g.db.changes.settle(before) // after the commit, as Tx does
	for i, j := range batch {
		switch {
		case i == failed:
			j.res <- fmt.Errorf("transaction: %w", translate(jobErr))
		case skipped[i]:
			j.res <- fmt.Errorf("transaction: %w", j.ctx.Err())
		case failed >= 0:
			rest = append(rest, j)
		case err != nil:
			j.res <- fmt.Errorf("transaction: %w", translate(err))
		default:
			j.res <- nil
		}
	}
	return rest
}

// errJobFailed rolls a batch back when one of its jobs fails.
var errJobFailed = errors.New("store: a grouped write failed")

// runJob runs fn, turning a panic into this job's error instead of ending
// the process from the writer goroutine.
func runJob(tx *gorm.DB, fn func(tx *gorm.DB) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("store: write panicked: %v", r)
		}
	}()
	return fn(tx)
}

// closeAndWait stops the loop after the writes already submitted have run;
// later writes run on their own (Tx).
func (g *groupCommit) closeAndWait() {
	g.mu.Lock()
	if g.closed {
		g.mu.Unlock()
		return
	}
	g.closed = true
	g.mu.Unlock()
	close(g.stop)
	<-g.done
}
