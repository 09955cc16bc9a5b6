package migrations

import (
	"context"
	"database/sql"
)

// threads.answered says whether someone other than a thread's author has
// replied to it: a visible or redacted post other than the opening post,
// by another member or by an erased account. The waiting list ("Waiting
// for a first reply", its count in helpers' headers) reads it so that it
// need not ask every thread of the last 30 days, a probe of its posts
// each, which costs in proportion to the forum (85 ms on SQLite for a home
// page at 20,000 threads): with the flag and two partial indexes of
// unanswered threads (the whole forum's and each group's, oldest first)
// it reads only the threads still waiting.
//
// Triggers keep the flag, so no write path can forget to: a new post sets
// it when it answers (one probe of the thread's row, which writes only
// the first answer); a post whose status, author or thread changes, a
// post deleted, and a thread whose opening post or author changes have it
// computed again from the thread's posts.
var step0046ThreadAnswered = Step{Version: 46, Name: "threads answered", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if err := execAll(ctx, tx, d,
		`ALTER TABLE threads ADD COLUMN answered {{BOOL}} NOT NULL DEFAULT {{FALSE}}`,
		`UPDATE threads SET answered = {{TRUE}} WHERE `+AnsweredSQL("threads"),
		`CREATE INDEX threads_waiting ON threads (created_at, id) WHERE NOT answered`,
		`CREATE INDEX threads_waiting_group ON threads (group_id, created_at, id) WHERE NOT answered`,
	); err != nil {
		return err
	}
	if d == Postgres {
		return execAll(ctx, tx, d, threadAnsweredPostgres...)
	}
	return execAll(ctx, tx, d, threadAnsweredSQLite...)
}}

// AnsweredSQL is the condition that the thread whose row is named t in
// a statement has been answered, which threads.answered keeps: the store
// checks it again for the threads the waiting list shows, and pkg/demo's
// tests hold seeded threads to it.
func AnsweredSQL(t string) string {
	return `EXISTS (SELECT 1 FROM posts r WHERE r.thread_id = ` + t + `.id AND ` + answersSQL("r", t) + `)`
}

// answersSQL is the condition that post p, in thread t, answers it: a
// visible or redacted post other than the opening post, by someone other
// than the thread's author or by an erased account.
func answersSQL(p, t string) string {
	return p + `.id <> ` + t + `.first_post_id AND ` + p + `.status IN ('visible', 'redacted')
		AND (` + p + `.author_id IS NULL OR ` + p + `.author_id <> ` + t + `.author_id)`
}

// recomputeAnswered sets the flag of the threads matching where from
// their posts, writing only the rows it changes.
func recomputeAnswered(where string) string {
	return `UPDATE threads SET answered = ` + AnsweredSQL("threads") + ` WHERE ` + where +
		` AND answered <> ` + AnsweredSQL("threads")
}

// answeredByInsert sets the flag of a new post's thread when the post
// answers it; a thread already answered is only read.
func answeredByInsert(thread string) string {
	return `UPDATE threads SET answered = {{TRUE}} WHERE id = ` + thread + ` AND NOT answered AND ` + AnsweredSQL("threads")
}

var threadAnsweredSQLite = []string{
	`CREATE TRIGGER posts_answered_insert AFTER INSERT ON posts
		WHEN NEW.status IN ('visible', 'redacted') BEGIN
		` + answeredByInsert("NEW.thread_id") + `;
	END`,
	`CREATE TRIGGER posts_answered_update AFTER UPDATE OF status, author_id, thread_id ON posts BEGIN
		` + recomputeAnswered("id IN (OLD.thread_id, NEW.thread_id)") + `;
	END`,
	`CREATE TRIGGER posts_answered_delete AFTER DELETE ON posts BEGIN
		` + recomputeAnswered("id = OLD.thread_id") + `;
	END`,
	`CREATE TRIGGER threads_answered_update AFTER UPDATE OF first_post_id, author_id ON threads BEGIN
		` + recomputeAnswered("id = NEW.id") + `;
	END`,
}

var threadAnsweredPostgres = []string{
	`CREATE FUNCTION hearth_post_answered() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP = 'INSERT' THEN
			` + answeredByInsert("NEW.thread_id") + `;
			RETURN NULL;
		END IF;
		` + recomputeAnswered("id = OLD.thread_id") + `;
		IF TG_OP = 'UPDATE' AND NEW.thread_id <> OLD.thread_id THEN
			` + recomputeAnswered("id = NEW.thread_id") + `;
		END IF;
		RETURN NULL;
	END $$`,
	`CREATE FUNCTION hearth_thread_answered() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		` + recomputeAnswered("id = NEW.id") + `;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER posts_answered_insert AFTER INSERT ON posts
		FOR EACH ROW WHEN (NEW.status IN ('visible', 'redacted')) EXECUTE FUNCTION hearth_post_answered()`,
	`CREATE TRIGGER posts_answered_change AFTER UPDATE OF status, author_id, thread_id OR DELETE ON posts
		FOR EACH ROW EXECUTE FUNCTION hearth_post_answered()`,
	`CREATE TRIGGER threads_answered_change AFTER UPDATE OF first_post_id, author_id ON threads
		FOR EACH ROW WHEN (OLD.first_post_id IS DISTINCT FROM NEW.first_post_id OR OLD.author_id IS DISTINCT FROM NEW.author_id)
		EXECUTE FUNCTION hearth_thread_answered()`,
}
