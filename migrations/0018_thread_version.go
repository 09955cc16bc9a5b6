package migrations

import (
	"context"
	"database/sql"
)

// A thread's content version: a number on its threads row that grows in
// the same transaction as any change to its posts or their reactions,
// whatever path made it (replies, edits, moderator actions, account
// deletion and its cascades). A thread page reads the row anyway, so a
// server can keep the thread's posts and reactions in memory, shared by
// every member reading it, and know with no further query when they are
// out of date, even when another instance made the change. Triggers keep
// it, so no write path can forget to.
//
// On PostgreSQL the triggers are deferred to the commit, so the thread's
// row is locked at the end of a write instead of from its first post
// change: replies to one thread queue only for their commits, as they did
// when the counters were the last update (30b304d).
var step0018ThreadVersion = Step{Version: 18, Name: "thread content version", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d == Postgres {
		return execAll(ctx, tx, d, threadVersionPostgres...)
	}
	return execAll(ctx, tx, d, threadVersionSQLite...)
}}

var threadVersionSQLite = []string{
	`ALTER TABLE threads ADD COLUMN content_version INTEGER NOT NULL DEFAULT 0`,
	`CREATE TRIGGER posts_thread_version_insert AFTER INSERT ON posts BEGIN
		UPDATE threads SET content_version = content_version + 1 WHERE id = NEW.thread_id;
	END`,
	`CREATE TRIGGER posts_thread_version_update AFTER UPDATE ON posts BEGIN
		UPDATE threads SET content_version = content_version + 1 WHERE id IN (OLD.thread_id, NEW.thread_id);
	END`,
	`CREATE TRIGGER posts_thread_version_delete AFTER DELETE ON posts BEGIN
		UPDATE threads SET content_version = content_version + 1 WHERE id = OLD.thread_id;
	END`,
	`CREATE TRIGGER reactions_thread_version_insert AFTER INSERT ON reactions BEGIN
		UPDATE threads SET content_version = content_version + 1 WHERE id = (SELECT thread_id FROM posts WHERE id = NEW.post_id);
	END`,
	`CREATE TRIGGER reactions_thread_version_update AFTER UPDATE ON reactions BEGIN
		UPDATE threads SET content_version = content_version + 1
			WHERE id IN (SELECT thread_id FROM posts WHERE id IN (OLD.post_id, NEW.post_id));
	END`,
	`CREATE TRIGGER reactions_thread_version_delete AFTER DELETE ON reactions BEGIN
		UPDATE threads SET content_version = content_version + 1 WHERE id = (SELECT thread_id FROM posts WHERE id = OLD.post_id);
	END`,
}

var threadVersionPostgres = []string{
	`ALTER TABLE threads ADD COLUMN content_version BIGINT NOT NULL DEFAULT 0`,
	`CREATE FUNCTION hearth_post_thread_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP <> 'INSERT' THEN
			UPDATE threads SET content_version = content_version + 1 WHERE id = OLD.thread_id;
		END IF;
		IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.thread_id <> OLD.thread_id) THEN
			UPDATE threads SET content_version = content_version + 1 WHERE id = NEW.thread_id;
		END IF;
		RETURN NULL;
	END $$`,
	`CREATE FUNCTION hearth_reaction_thread_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP <> 'INSERT' THEN
			UPDATE threads SET content_version = content_version + 1
				WHERE id = (SELECT thread_id FROM posts WHERE id = OLD.post_id);
		END IF;
		IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.post_id <> OLD.post_id) THEN
			UPDATE threads SET content_version = content_version + 1
				WHERE id = (SELECT thread_id FROM posts WHERE id = NEW.post_id);
		END IF;
		RETURN NULL;
	END $$`,
	`CREATE CONSTRAINT TRIGGER posts_thread_version AFTER INSERT OR UPDATE OR DELETE ON posts
		DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hearth_post_thread_changed()`,
	`CREATE CONSTRAINT TRIGGER reactions_thread_version AFTER INSERT OR UPDATE OR DELETE ON reactions
		DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hearth_reaction_thread_changed()`,
}
