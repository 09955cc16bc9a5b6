package migrations

import (
	"context"
	"database/sql"
)

// A reply on PostgreSQL moves its thread's content version in the update
// that counts it (reply_count, last post), instead of a second update of
// the same row at commit: that second update left one more row version
// and, because the row it changed was written by the same transaction,
// checked the thread's foreign keys again (its group's row, which every
// reply in the group locks, and two member rows).
//
// The insert trigger stands aside only for the thread the inserting
// statement names in the transaction-local setting hearth.thread_counted
// (set_config(..., true)), which the reply path sets when the same
// transaction bumps that thread's version itself. Every other insert,
// update and delete of a post moves the version as before, so no write
// path can forget to. SQLite's triggers run at once and are unchanged.
var step0036ReplyThreadVersion = Step{Version: 36, Name: "reply moves its thread's version once", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d != Postgres {
		return nil
	}
	return execAll(ctx, tx, d,
		`DROP TRIGGER posts_thread_version ON posts`,
		`CREATE CONSTRAINT TRIGGER posts_thread_version AFTER UPDATE OR DELETE ON posts
			DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hearth_post_thread_changed()`,
		`CREATE CONSTRAINT TRIGGER posts_thread_version_insert AFTER INSERT ON posts
			DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
			WHEN (NEW.thread_id::text IS DISTINCT FROM current_setting('hearth.thread_counted', true))
			EXECUTE FUNCTION hearth_post_thread_changed()`,
	)
}}
