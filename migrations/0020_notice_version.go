package migrations

import (
	"context"
	"database/sql"
	"strings"
)

// A member's notice version: a number on their users row that grows in the
// same transaction as any change their unread count depends on: their
// notifications, the threads they follow, their hidden tags and blocks,
// and the status, tags, author or thread of a post or thread they have an
// unread notification in. The session lookup reads it with the member, so
// a server can keep the count in memory and know with no further query
// when it is out of date, whichever instance made the change. The one
// change it does not follow, a new post reviving a followed-thread notice
// whose every post the member cannot see, is handled where the count is
// read (forum.Unread.Stable). Triggers keep it, so no write path can
// forget to.
//
// A change to the tag vocabulary moves every member's settings version
// (migration 16), so the vocabulary can be kept with their settings: it
// changes when an admin edits a tag, rarely enough that writing every
// users row then costs less than reading the vocabulary on every page.
//
// The first index finds the members with unread notifications in a thread
// when a moderator changes one of its posts; the second a member's unread
// followed-thread notices, so checking them (forum.Unread.Stable) reads no
// more than one entry per thread they follow, however long their backlog.
var step0020NoticeVersion = Step{Version: 20, Name: "member notice version", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d == Postgres {
		return execAll(ctx, tx, d, noticeVersionPostgres()...)
	}
	return execAll(ctx, tx, d, noticeVersionSQLite()...)
}}

// noticeMemberTables are a member's own rows the count depends on, with
// the column that names the member.
var noticeMemberTables = []struct{ table, member string }{
	{"notifications", "user_id"},
	{"subscriptions", "user_id"},
	{"tag_prefs", "user_id"},
	{"blocks", "blocker_id"},
}

// bumpThreadReaders moves the notice version of every member with an
// unread notification in a thread.
func bumpThreadReaders(thread string) string {
	return `UPDATE users SET notice_version = notice_version + 1
		WHERE id IN (SELECT user_id FROM notifications WHERE thread_id = ` + thread + ` AND read_at IS NULL);`
}

// postSeen and threadSeen are the columns whose change can show or hide a
// notification.
const (
	postSeen   = `OLD.status IS NOT NEW.status OR OLD.tags IS NOT NEW.tags OR OLD.author_id IS NOT NEW.author_id OR OLD.thread_id IS NOT NEW.thread_id`
	threadSeen = `OLD.status IS NOT NEW.status OR OLD.tags IS NOT NEW.tags`
)

func noticeVersionSQLite() []string {
	stmts := []string{
		`ALTER TABLE users ADD COLUMN notice_version INTEGER NOT NULL DEFAULT 0`,
		`CREATE INDEX notifications_unread_thread ON notifications (thread_id) WHERE read_at IS NULL`,
		`CREATE INDEX notifications_following_user ON notifications (user_id) WHERE read_at IS NULL AND kind = 'thread_reply'`,
	}
	bump := func(ref string) string {
		return `UPDATE users SET notice_version = notice_version + 1 WHERE id = ` + ref + `;`
	}
	for _, t := range noticeMemberTables {
		// Names and columns come from the constant table above, never input.
		stmts = append(stmts,
			`CREATE TRIGGER `+t.table+`_notice_insert AFTER INSERT ON `+t.table+` BEGIN `+bump("NEW."+t.member)+` END`,
			`CREATE TRIGGER `+t.table+`_notice_update AFTER UPDATE ON `+t.table+` BEGIN `+bump("OLD."+t.member)+` `+bump("NEW."+t.member)+` END`,
			`CREATE TRIGGER `+t.table+`_notice_delete AFTER DELETE ON `+t.table+` BEGIN `+bump("OLD."+t.member)+` END`,
		)
	}
	for _, op := range []string{"INSERT", "UPDATE", "DELETE"} {
		stmts = append(stmts, `CREATE TRIGGER tags_settings_`+strings.ToLower(op)+` AFTER `+op+` ON tags BEGIN
			UPDATE users SET settings_version = settings_version + 1; END`)
	}
	return append(stmts,
		`CREATE TRIGGER posts_notice_update AFTER UPDATE ON posts WHEN `+postSeen+` BEGIN `+
			bumpThreadReaders("OLD.thread_id")+` `+bumpThreadReaders("NEW.thread_id")+` END`,
		`CREATE TRIGGER posts_notice_delete AFTER DELETE ON posts BEGIN `+bumpThreadReaders("OLD.thread_id")+` END`,
		`CREATE TRIGGER threads_notice_update AFTER UPDATE ON threads WHEN `+threadSeen+` BEGIN `+bumpThreadReaders("NEW.id")+` END`,
	)
}

// On PostgreSQL the member's own rows move the version once per statement
// (marking two thousand notifications read writes the users row once), and
// the triggers on posts and threads run only when a column that can show
// or hide a notification changed.
func noticeVersionPostgres() []string {
	stmts := []string{
		`ALTER TABLE users ADD COLUMN notice_version BIGINT NOT NULL DEFAULT 0`,
		`CREATE INDEX notifications_unread_thread ON notifications (thread_id) WHERE read_at IS NULL`,
		`CREATE INDEX notifications_following_user ON notifications (user_id) WHERE read_at IS NULL AND kind = 'thread_reply'`,
		// TG_ARGV[0] names the member column of the table the trigger is on.
		`CREATE FUNCTION hearth_notice_rows_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP <> 'INSERT' THEN
			EXECUTE format('UPDATE users SET notice_version = notice_version + 1 WHERE id IN (SELECT %I FROM old_rows)', TG_ARGV[0]);
		END IF;
		IF TG_OP <> 'DELETE' THEN
			EXECUTE format('UPDATE users SET notice_version = notice_version + 1 WHERE id IN (SELECT %I FROM new_rows)', TG_ARGV[0]);
		END IF;
		RETURN NULL;
	END $$`,
		`CREATE FUNCTION hearth_vocabulary_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		UPDATE users SET settings_version = settings_version + 1;
		RETURN NULL;
	END $$`,
		`CREATE TRIGGER tags_settings AFTER INSERT OR UPDATE OR DELETE ON tags
		FOR EACH STATEMENT EXECUTE FUNCTION hearth_vocabulary_changed()`,
		`CREATE FUNCTION hearth_notice_thread_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		UPDATE users SET notice_version = notice_version + 1
			WHERE id IN (SELECT user_id FROM notifications WHERE thread_id IN (OLD.thread_id, NEW.thread_id) AND read_at IS NULL);
		RETURN NULL;
	END $$`,
		`CREATE FUNCTION hearth_notice_post_deleted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		UPDATE users SET notice_version = notice_version + 1
			WHERE id IN (SELECT user_id FROM notifications WHERE thread_id = OLD.thread_id AND read_at IS NULL);
		RETURN NULL;
	END $$`,
		`CREATE FUNCTION hearth_notice_thread_row_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		UPDATE users SET notice_version = notice_version + 1
			WHERE id IN (SELECT user_id FROM notifications WHERE thread_id = NEW.id AND read_at IS NULL);
		RETURN NULL;
	END $$`,
		`CREATE TRIGGER posts_notice_update AFTER UPDATE ON posts FOR EACH ROW
		WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.tags IS DISTINCT FROM NEW.tags
			OR OLD.author_id IS DISTINCT FROM NEW.author_id OR OLD.thread_id IS DISTINCT FROM NEW.thread_id)
		EXECUTE FUNCTION hearth_notice_thread_changed()`,
		`CREATE TRIGGER posts_notice_delete AFTER DELETE ON posts FOR EACH ROW EXECUTE FUNCTION hearth_notice_post_deleted()`,
		`CREATE TRIGGER threads_notice_update AFTER UPDATE ON threads FOR EACH ROW
		WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.tags IS DISTINCT FROM NEW.tags)
		EXECUTE FUNCTION hearth_notice_thread_row_changed()`,
	}
	for _, t := range noticeMemberTables {
		for _, op := range []struct{ event, ref string }{
			{"INSERT", "NEW TABLE AS new_rows"}, {"UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"}, {"DELETE", "OLD TABLE AS old_rows"},
		} {
			// Names and columns come from the constant table above, never input.
			stmts = append(stmts,
				`CREATE TRIGGER `+t.table+`_notice_`+strings.ToLower(op.event)+` AFTER `+op.event+` ON `+t.table+
					` REFERENCING `+op.ref+` FOR EACH STATEMENT EXECUTE FUNCTION hearth_notice_rows_changed('`+t.member+`')`)
		}
	}
	return stmts
}
