package migrations

import (
	"context"
	"database/sql"
)

// step0025ReplyPath takes the rows every reply used to lock out of a
// reply's transaction, so that on PostgreSQL concurrent replies no longer
// queue on each other's commits:
//
//   - A member's notice version (migration 20) becomes member_versions.notices
//     plus the number of that member's rows in notice_marks. On PostgreSQL
//     the triggers append a mark instead of updating member_versions at
//     commit, so no two transactions wait for the same row; a mark is
//     visible exactly when the change is, and since marks are only added,
//     the sum grows with every committed change. Folding a member's marks
//     into member_versions (pkg/store, one statement) moves the sum by one,
//     so folding too is a change a cache notices, never one it misses. On
//     SQLite, whose writes are serial, the triggers still move
//     member_versions directly and notice_marks stays empty.
//   - A group's counters become groups' row plus its rows in group_tallies:
//     a visible post appends a tally (its time in Unix microseconds, which
//     both databases sum and compare alike) instead of updating the
//     group's row, and pkg/store folds the tallies into the row, outside
//     any reply's transaction, adding exactly what it deletes.
//   - users.post_count goes: nothing showed it, and every post by a member
//     updated it.
//   - The index of a member's unread followed-thread notices takes the
//     thread as its second column.
//
// Neither new table has foreign keys: their checks would lock the users
// and groups rows the change was meant to leave alone. A mark of a member
// since deleted is dropped by the next fold.
var step0025ReplyPath = Step{Version: 25, Name: "reply path without hot rows", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	stmts := []string{
		`CREATE TABLE notice_marks (user_id {{BIGINT}} NOT NULL)`,
		`CREATE INDEX notice_marks_user ON notice_marks (user_id)`,
		`CREATE TABLE group_tallies (
			id {{ID}},
			group_id {{BIGINT}} NOT NULL,
			posts INTEGER NOT NULL,
			threads INTEGER NOT NULL,
			at_us {{BIGINT}} NOT NULL
		)`,
		`CREATE INDEX group_tallies_group ON group_tallies (group_id)`,
		`ALTER TABLE users DROP COLUMN post_count`,
		// A member's unread followed-thread notices, now by thread too, so
		// that a reply's probe for a follower's notice in its thread is
		// exact whichever of the two partial indexes the planner takes.
		`DROP INDEX notifications_following_user`,
		`CREATE INDEX notifications_following_user ON notifications (user_id, thread_id) WHERE read_at IS NULL AND kind = 'thread_reply'`,
	}
	if d == Postgres {
		stmts = append(stmts, noticeMarksPostgres...)
	}
	return execAll(ctx, tx, d, stmts...)
}}

// noticeMarksPostgres replaces migration 20's PostgreSQL triggers: the
// dynamic statement-level functions and the deferred per-row flush that
// locked member_versions at commit give way to static functions that
// append marks at once.
var noticeMarksPostgres = []string{
	`DROP TRIGGER notifications_versions_flush ON notifications`,
	`DROP TRIGGER subscriptions_versions_flush ON subscriptions`,
	`DROP TRIGGER tag_prefs_versions_flush ON tag_prefs`,
	`DROP TRIGGER blocks_versions_flush ON blocks`,
	`DROP TRIGGER posts_versions_flush_update ON posts`,
	`DROP TRIGGER posts_versions_flush_delete ON posts`,
	`DROP TRIGGER threads_versions_flush_update ON threads`,
	// One function per member column, without dynamic SQL; a trigger
	// fires it once a statement with the rows it changed.
	`CREATE FUNCTION hearth_marks_user_id() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		BEGIN
			IF TG_OP = 'INSERT' THEN
				INSERT INTO notice_marks (user_id) SELECT DISTINCT user_id FROM new_rows;
			ELSIF TG_OP = 'DELETE' THEN
				INSERT INTO notice_marks (user_id) SELECT DISTINCT user_id FROM old_rows;
			ELSE
				INSERT INTO notice_marks (user_id) SELECT user_id FROM old_rows UNION SELECT user_id FROM new_rows;
			END IF;
			RETURN NULL;
		END $$`,
	`CREATE FUNCTION hearth_marks_blocker_id() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		BEGIN
			IF TG_OP = 'INSERT' THEN
				INSERT INTO notice_marks (user_id) SELECT DISTINCT blocker_id FROM new_rows;
			ELSIF TG_OP = 'DELETE' THEN
				INSERT INTO notice_marks (user_id) SELECT DISTINCT blocker_id FROM old_rows;
			ELSE
				INSERT INTO notice_marks (user_id) SELECT blocker_id FROM old_rows UNION SELECT blocker_id FROM new_rows;
			END IF;
			RETURN NULL;
		END $$`,
	`CREATE OR REPLACE FUNCTION hearth_notice_post_noted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		BEGIN
			INSERT INTO notice_marks (user_id) SELECT DISTINCT user_id FROM notifications
				WHERE read_at IS NULL AND thread_id IN (OLD.thread_id, CASE WHEN TG_OP = 'UPDATE' THEN NEW.thread_id END);
			RETURN NULL;
		END $$`,
	`CREATE OR REPLACE FUNCTION hearth_notice_thread_noted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		BEGIN
			INSERT INTO notice_marks (user_id) SELECT DISTINCT user_id FROM notifications
				WHERE read_at IS NULL AND thread_id = OLD.id;
			RETURN NULL;
		END $$`,
	`DROP TRIGGER notifications_notice_noted_insert ON notifications`,
	`DROP TRIGGER notifications_notice_noted_update ON notifications`,
	`DROP TRIGGER notifications_notice_noted_delete ON notifications`,
	`DROP TRIGGER subscriptions_notice_noted_insert ON subscriptions`,
	`DROP TRIGGER subscriptions_notice_noted_update ON subscriptions`,
	`DROP TRIGGER subscriptions_notice_noted_delete ON subscriptions`,
	`DROP TRIGGER tag_prefs_notice_noted_insert ON tag_prefs`,
	`DROP TRIGGER tag_prefs_notice_noted_update ON tag_prefs`,
	`DROP TRIGGER tag_prefs_notice_noted_delete ON tag_prefs`,
	`DROP TRIGGER blocks_notice_noted_insert ON blocks`,
	`DROP TRIGGER blocks_notice_noted_update ON blocks`,
	`DROP TRIGGER blocks_notice_noted_delete ON blocks`,
	`DROP FUNCTION hearth_notice_rows_noted()`,
	`DROP FUNCTION hearth_notice_flush()`,
	`DROP FUNCTION hearth_notice_note(TEXT)`,
	marksTrigger("notifications", "INSERT", "NEW TABLE AS new_rows", "user_id"),
	marksTrigger("notifications", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows", "user_id"),
	marksTrigger("notifications", "DELETE", "OLD TABLE AS old_rows", "user_id"),
	marksTrigger("subscriptions", "INSERT", "NEW TABLE AS new_rows", "user_id"),
	marksTrigger("subscriptions", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows", "user_id"),
	marksTrigger("subscriptions", "DELETE", "OLD TABLE AS old_rows", "user_id"),
	marksTrigger("tag_prefs", "INSERT", "NEW TABLE AS new_rows", "user_id"),
	marksTrigger("tag_prefs", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows", "user_id"),
	marksTrigger("tag_prefs", "DELETE", "OLD TABLE AS old_rows", "user_id"),
	marksTrigger("blocks", "INSERT", "NEW TABLE AS new_rows", "blocker_id"),
	marksTrigger("blocks", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows", "blocker_id"),
	marksTrigger("blocks", "DELETE", "OLD TABLE AS old_rows", "blocker_id"),
}

// marksTrigger is the statement trigger that marks the members whose rows
// of table an event changed; names come from the constant list above.
func marksTrigger(table, event, ref, member string) string {
	return `CREATE TRIGGER ` + table + `_marks_` + event + ` AFTER ` + event + ` ON ` + table +
		` REFERENCING ` + ref + ` FOR EACH STATEMENT EXECUTE FUNCTION hearth_marks_` + member + `()`
}
