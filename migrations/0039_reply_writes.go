package migrations

import (
	"context"
	"database/sql"
)

// step0039ReplyWrites takes work out of a reply's statements on
// PostgreSQL that did nothing or checked what was already certain. SQLite,
// whose triggers are per row and whose foreign-key checks cost no lock, is
// unchanged.
//
//   - The notice marks (migration 25) of inserted notifications and
//     subscriptions come from per-row triggers, which fire only for rows
//     actually inserted: the statement triggers ran for every insert,
//     including the ON CONFLICT DO NOTHING ones that insert nothing, which
//     is most of a reply's. A notification's trigger stands aside for the
//     post named in the transaction-local setting hearth.post_marked: the
//     reply path sets it when the statement that inserts that post's
//     notices appends their marks itself (pkg/store). Updates and deletes
//     keep their statement triggers, which mark each member once however
//     many of their rows change.
//   - A new post's search entry is inserted without first deleting an
//     entry no new post has, by a plan PL/pgSQL keeps, and a post that is
//     not visible calls no function at all.
//   - Three foreign keys go whose checks locked rows that concurrent
//     replies share, with integrity kept otherwise: posts.group_id (a
//     post's group is its thread's, which the thread's own key holds, and
//     a group with threads cannot be deleted); notifications.thread_id (a
//     notification's thread is its post's, and a deleted post takes its
//     notifications with it); notifications.actor_id, whose ON DELETE SET
//     NULL a trigger on users keeps (the actor is the author of the post
//     or reaction, whose own key holds their users row until the write
//     commits, so an account deletion runs after it and clears it).
var step0039ReplyWrites = Step{Version: 39, Name: "reply writes without idle triggers and shared-row checks", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d != Postgres {
		return nil
	}
	return execAll(ctx, tx, d, replyWritesPostgres...)
}}

var replyWritesPostgres = []string{
	`CREATE FUNCTION hearth_mark_new_user_id() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		BEGIN
			INSERT INTO notice_marks (user_id) VALUES (NEW.user_id);
			RETURN NULL;
		END $$`,
	`DROP TRIGGER notifications_marks_insert ON notifications`,
	`CREATE TRIGGER notifications_marks_insert AFTER INSERT ON notifications FOR EACH ROW
		WHEN (NEW.post_id::text IS DISTINCT FROM current_setting('hearth.post_marked', true))
		EXECUTE FUNCTION hearth_mark_new_user_id()`,
	`DROP TRIGGER subscriptions_marks_insert ON subscriptions`,
	`CREATE TRIGGER subscriptions_marks_insert AFTER INSERT ON subscriptions FOR EACH ROW
		EXECUTE FUNCTION hearth_mark_new_user_id()`,
	// The document is computed in an expression of its own: written into
	// the INSERT, it made PL/pgSQL plan the INSERT afresh for every post
	// (with the post's words as constants, the planner computes the
	// document, so that plan always looked cheaper than a reusable one).
	`CREATE FUNCTION hearth_posts_search_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	DECLARE
		thread_title TEXT;
		doc TSVECTOR;
	BEGIN
		IF NEW.parent_id IS NULL THEN
			SELECT t.title INTO thread_title FROM threads t WHERE t.id = NEW.thread_id AND t.status = 'visible';
		END IF;
		doc := hearth_search_document(thread_title, NEW.body_md);
		INSERT INTO post_search (post_id, document) VALUES (NEW.id, doc);
		RETURN NULL;
	END $$`,
	`DROP TRIGGER posts_search ON posts`,
	`CREATE TRIGGER posts_search AFTER UPDATE OF body_md, status, parent_id ON posts
		FOR EACH ROW EXECUTE FUNCTION hearth_posts_search()`,
	`CREATE TRIGGER posts_search_insert AFTER INSERT ON posts FOR EACH ROW WHEN (NEW.status = 'visible')
		EXECUTE FUNCTION hearth_posts_search_insert()`,
	`ALTER TABLE posts DROP CONSTRAINT posts_group_id_fkey`,
	`ALTER TABLE notifications DROP CONSTRAINT notifications_thread_id_fkey`,
	`ALTER TABLE notifications DROP CONSTRAINT notifications_actor_id_fkey`,
	`CREATE FUNCTION hearth_user_gone() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		UPDATE notifications SET actor_id = NULL WHERE actor_id = OLD.id;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER users_gone AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION hearth_user_gone()`,
}
