package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// batchTx is what a batch of threads is written through: a database/sql
// transaction on SQLite; on PostgreSQL a pgx one, which can COPY.
type batchTx interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

// pgxTx lets bulk.go run statements in a pgx transaction.
type pgxTx struct{ tx pgx.Tx }

func (p pgxTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	_, err := p.tx.Exec(ctx, q, args...)
	return nil, err
}

// batch runs fn in one transaction. On PostgreSQL it takes a connection
// from the pool and works through pgx directly, so that rows go in with
// COPY rather than as statements of bound values.
func (w *writer) batch(ctx context.Context, fn func(bt batchTx) error) error {
	if !w.pg {
		return w.tx(ctx, func(tx *sql.Tx) error { return fn(tx) })
	}
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		sc, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("the PostgreSQL driver connection is %T, not pgx's", dc)
		}
		tx, err := sc.Conn().Begin(ctx)
		if err != nil {
			return err
		}
		if err := fn(pgxTx{tx}); err != nil {
			return errors.Join(err, tx.Rollback(ctx))
		}
		return tx.Commit(ctx)
	})
}

// bulkInsert writes rows in bt: COPY on PostgreSQL, prepared inserts on
// SQLite.
func (w *writer) bulkInsert(ctx context.Context, bt batchTx, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if p, ok := bt.(pgxTx); ok {
		_, err := p.tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		return err
	}
	tx, ok := bt.(*sql.Tx)
	if !ok {
		return fmt.Errorf("bulk insert through %T", bt)
	}
	return w.insert(ctx, tx, table, cols, rows)
}

// rowTrigger is a per-row insert trigger whose work Seed does once per
// batch instead, inside the same transaction: the search index of the
// batch's posts and its threads' content version. Row by row they were
// most of seeding's time (on SQLite each statement flushes the full-text
// index's pending terms to disk).
type rowTrigger struct{ table, name string }

// batchTriggers are those triggers, by dialect (migrations 0013, 0018 and
// 0046).
// Every other trigger still fires.
var batchTriggers = map[bool][]rowTrigger{
	false: {{"posts", "posts_search_insert"}, {"posts", "posts_thread_version_insert"}, {"posts", "posts_answered_insert"}, {"reactions", "reactions_thread_version_insert"}},
	true: {{"posts", "posts_search_insert"}, {"posts", "posts_thread_version"}, {"posts", "posts_thread_version_insert"}, {"posts", "posts_answered_insert"},
		{"reactions", "reactions_thread_version"}},
}

// suspendTriggers takes the batch triggers out for the rest of tx: on
// SQLite it drops them (their definitions kept to put back), on
// PostgreSQL it disables them. Both are undone by resumeTriggers before
// the commit, or by the rollback, so no committed state lacks them.
func (w *writer) suspendTriggers(ctx context.Context, tx batchTx) error {
	for _, t := range batchTriggers[w.pg] {
		var q string
		if w.pg {
			// #nosec G202 -- table and trigger names are this package's constants.
			q = "ALTER TABLE " + t.table + " DISABLE TRIGGER " + t.name
		} else {
			if w.triggerSQL == nil {
				w.triggerSQL = map[string]string{}
			}
			if _, ok := w.triggerSQL[t.name]; !ok {
				var def string
				stx, ok := tx.(*sql.Tx)
				if !ok {
					return fmt.Errorf("suspend SQLite triggers through %T", tx)
				}
				if err := stx.QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", t.name).Scan(&def); err != nil {
					return fmt.Errorf("read trigger %s: %w", t.name, err)
				}
				w.triggerSQL[t.name] = def
			}
			// #nosec G202 -- a trigger name of this package's constants.
			q = "DROP TRIGGER " + t.name
		}
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("suspend trigger %s: %w", t.name, err)
		}
	}
	return nil
}

// resumeTriggers puts the batch triggers back within tx.
func (w *writer) resumeTriggers(ctx context.Context, tx batchTx) error {
	for _, t := range batchTriggers[w.pg] {
		q := w.triggerSQL[t.name]
		if w.pg {
			// #nosec G202 -- table and trigger names are this package's constants.
			q = "ALTER TABLE " + t.table + " ENABLE TRIGGER " + t.name
		}
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("restore trigger %s: %w", t.name, err)
		}
	}
	return nil
}

// batchSearch does what the suspended triggers would have done for the
// posts with ids in [first, last] and the threads with ids in [firstThread,
// lastThread]: index the visible posts for search (an opening post with its
// thread's title, as the triggers do), move each thread's content
// version, and mark answered the threads those posts answer.
func (w *writer) batchSearch(ctx context.Context, tx batchTx, first, last, firstThread, lastThread int64) error {
	index := `INSERT INTO post_search (rowid, title, body)
		SELECT p.id, CASE WHEN p.parent_id IS NULL THEN COALESCE((SELECT title FROM threads WHERE id = p.thread_id AND status = 'visible'), '') ELSE '' END, p.body_md
		FROM posts p WHERE p.id BETWEEN ? AND ? AND p.status = 'visible'`
	if w.pg {
		index = `INSERT INTO post_search (post_id, document)
		SELECT p.id, hearth_search_document(CASE WHEN p.parent_id IS NULL THEN (SELECT title FROM threads WHERE id = p.thread_id AND status = 'visible') END, p.body_md, p.group_id)
		FROM posts p WHERE p.id BETWEEN ? AND ? AND p.status = 'visible'`
	}
	if _, err := tx.ExecContext(ctx, w.rebind(index), first, last); err != nil {
		return fmt.Errorf("index the seeded posts for search: %w", err)
	}
	if _, err := tx.ExecContext(ctx, w.rebind(`UPDATE threads SET content_version = content_version + 1 WHERE id BETWEEN ? AND ?`), firstThread, lastThread); err != nil {
		return fmt.Errorf("move the seeded threads' versions: %w", err)
	}
	if _, err := tx.ExecContext(ctx, w.rebind(answeredByBatch), true, first, last); err != nil {
		return fmt.Errorf("mark the seeded threads answered: %w", err)
	}
	return nil
}

// answeredByBatch marks answered the threads that the posts with ids in
// [?, ?] answer: posts other than the opening post, visible or redacted,
// by someone other than the thread's author or by an erased account
// (the condition in migrations.AnsweredSQL, which this package may not
// import; its tests hold every seeded thread to that definition). Only
// these posts can answer a thread not answered before them, so the
// statement reads the batch's posts by their ids, not each thread's posts:
// without statistics on a table still being loaded, PostgreSQL planned the
// thread-by-thread form as a scan of every post, once a batch.
const answeredByBatch = `UPDATE threads SET answered = ? FROM posts r
	WHERE r.id BETWEEN ? AND ? AND r.thread_id = threads.id AND NOT threads.answered
	AND r.id <> threads.first_post_id AND r.status IN ('visible', 'redacted')
	AND (r.author_id IS NULL OR r.author_id <> threads.author_id)`

// compactSearch merges SQLite's search index into one segment after a
// load. Seeding writes the index in large batches, and the segments they
// leave would otherwise be merged by the first posts written afterwards,
// which would all wait for that one large merge (a reply p99 of about
// 0.7 s in the first bench run on a freshly seeded database, 60 ms
// after). PostgreSQL's index needs nothing.
func (w *writer) compactSearch(ctx context.Context) error {
	if _, err := w.db.ExecContext(ctx, "INSERT INTO post_search(post_search) VALUES('optimize')"); err != nil {
		return fmt.Errorf("compact the search index: %w", err)
	}
	return nil
}

// loadSettings speeds up a SQLite load on the writer connection and
// returns what puts the connection's settings back: a page cache of 256
// MiB, so the indexes of a million posts are not read back from the file
// for every insert, and synchronous=NORMAL, with which a crash in WAL mode
// can lose the last transactions but never corrupts the file. PostgreSQL
// needs neither.
func (w *writer) loadSettings(ctx context.Context) (restore func(), err error) {
	if w.pg {
		return func() {}, nil
	}
	var cache, sync int64
	if err := w.db.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return nil, fmt.Errorf("read cache_size: %w", err)
	}
	if err := w.db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
		return nil, fmt.Errorf("read synchronous: %w", err)
	}
	restore = func() {
		// #nosec G202 -- integers read from SQLite just above.
		_, _ = w.db.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = %d", cache))
		// #nosec G202 -- integers read from SQLite just above.
		_, _ = w.db.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA synchronous = %d", sync))
	}
	if _, err := w.db.ExecContext(ctx, "PRAGMA cache_size = -262144"); err != nil {
		return nil, err
	}
	if _, err := w.db.ExecContext(ctx, "PRAGMA synchronous = NORMAL"); err != nil {
		restore()
		return nil, err
	}
	return restore, nil
}
