package migrations

import (
	"context"
	"database/sql"
	"strings"
)

// A member's notice version: a number in member_versions that grows in the
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
// It has a table of its own, not a column of users: a reply locks its
// author's users row (post counts) and notifies other members, and two
// replies between two members would each hold the row the other needs. On
// PostgreSQL a transaction's notifications move the versions once, at
// commit, in member order, so two transactions notifying the same members
// queue instead of deadlocking.
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

var noticeVersionCommon = []string{
	`CREATE TABLE member_versions (
		user_id {{BIGINT}} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
		notices {{BIGINT}} NOT NULL DEFAULT 0
	)`,
	`CREATE INDEX notifications_unread_thread ON notifications (thread_id) WHERE read_at IS NULL`,
	`CREATE INDEX notifications_following_user ON notifications (user_id) WHERE read_at IS NULL AND kind = 'thread_reply'`,
}

// noticeMemberTables are a member's own rows the count depends on, with
// the column that names the member.
var noticeMemberTables = []struct{ table, member string }{
	{"notifications", "user_id"},
	{"subscriptions", "user_id"},
	{"tag_prefs", "user_id"},
	{"blocks", "blocker_id"},
}

// bumpMembers moves the notice version of the members a query selects
// (one column named user_id), in member order. A member whose account is
// being deleted (their notifications go with their users row) has none.
func bumpMembers(query string) string {
	return `INSERT INTO member_versions (user_id, notices) SELECT DISTINCT m.user_id, 1 FROM (` + query + `) m
		JOIN users u ON u.id = m.user_id ORDER BY m.user_id
		ON CONFLICT (user_id) DO UPDATE SET notices = member_versions.notices + 1`
}

// threadReaders selects the members with an unread notification in a
// thread.
func threadReaders(thread string) string {
	return `SELECT user_id FROM notifications WHERE thread_id = ` + thread + ` AND read_at IS NULL`
}

func noticeVersionSQLite() []string {
	stmts := append([]string(nil), noticeVersionCommon...)
	bump := func(ref string) string {
		return bumpMembers(`SELECT `+ref+` AS user_id`) + `;`
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
		`CREATE TRIGGER posts_notice_update AFTER UPDATE ON posts
			WHEN OLD.status IS NOT NEW.status OR OLD.tags IS NOT NEW.tags OR OLD.author_id IS NOT NEW.author_id OR OLD.thread_id IS NOT NEW.thread_id
			BEGIN `+bumpMembers(threadReaders("OLD.thread_id")+` UNION `+threadReaders("NEW.thread_id"))+`; END`,
		`CREATE TRIGGER posts_notice_delete AFTER DELETE ON posts BEGIN `+bumpMembers(threadReaders("OLD.thread_id"))+`; END`,
		`CREATE TRIGGER threads_notice_update AFTER UPDATE ON threads WHEN OLD.status IS NOT NEW.status OR OLD.tags IS NOT NEW.tags
			BEGIN `+bumpMembers(threadReaders("NEW.id"))+`; END`,
	)
}

// noticeFunctionsPostgres are the PostgreSQL functions the notice version
// triggers call, and the vocabulary's trigger.
var noticeFunctionsPostgres = []string{
	// A change notes the members it concerns in a setting local to the
	// transaction; at commit the first deferred trigger moves every
	// noted member's version in one statement, in member order, and
	// the rest find nothing left to do. So a transaction takes the
	// rows of member_versions once, last, in one order.
	`CREATE FUNCTION hearth_notice_note(ids TEXT) RETURNS VOID LANGUAGE plpgsql AS $$
		BEGIN
			IF ids IS NOT NULL AND ids <> '' THEN
				PERFORM set_config('hearth.noticed', COALESCE(current_setting('hearth.noticed', true), '') || ',' || ids, true);
			END IF;
		END $$`,
	`CREATE FUNCTION hearth_notice_flush() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		DECLARE
			noted TEXT := COALESCE(current_setting('hearth.noticed', true), '');
		BEGIN
			IF noted = '' THEN
				RETURN NULL;
			END IF;
			PERFORM set_config('hearth.noticed', '', true);
			` + bumpMembers(`SELECT u::BIGINT AS user_id FROM unnest(string_to_array(substr(noted, 2), ',')) AS u`) + `;
			RETURN NULL;
		END $$`,
	// A member's own rows, noted once a statement (marking two thousand
	// notifications read notes their member once); TG_ARGV[0] names
	// the member column.
	`CREATE FUNCTION hearth_notice_rows_noted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		DECLARE
			ids TEXT;
		BEGIN
			IF TG_OP <> 'INSERT' THEN
				EXECUTE format('SELECT string_agg(DISTINCT %I::TEXT, '','') FROM old_rows', TG_ARGV[0]) INTO ids;
				PERFORM hearth_notice_note(ids);
			END IF;
			IF TG_OP <> 'DELETE' THEN
				EXECUTE format('SELECT string_agg(DISTINCT %I::TEXT, '','') FROM new_rows', TG_ARGV[0]) INTO ids;
				PERFORM hearth_notice_note(ids);
			END IF;
			RETURN NULL;
		END $$`,
	`CREATE FUNCTION hearth_notice_post_noted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		BEGIN
			PERFORM hearth_notice_note((SELECT string_agg(DISTINCT user_id::TEXT, ',') FROM notifications
				WHERE read_at IS NULL AND thread_id IN (OLD.thread_id, CASE WHEN TG_OP = 'UPDATE' THEN NEW.thread_id END)));
			RETURN NULL;
		END $$`,
	`CREATE FUNCTION hearth_notice_thread_noted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		BEGIN
			PERFORM hearth_notice_note((SELECT string_agg(DISTINCT user_id::TEXT, ',') FROM notifications
				WHERE read_at IS NULL AND thread_id = OLD.id));
			RETURN NULL;
		END $$`,
	`CREATE FUNCTION hearth_vocabulary_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		BEGIN
			UPDATE users SET settings_version = settings_version + 1;
			RETURN NULL;
		END $$`,
	`CREATE TRIGGER tags_settings AFTER INSERT OR UPDATE OR DELETE ON tags
			FOR EACH STATEMENT EXECUTE FUNCTION hearth_vocabulary_changed()`,
}

func noticeVersionPostgres() []string {
	stmts := append([]string(nil), noticeVersionCommon...)
	stmts = append(stmts, noticeFunctionsPostgres...)
	const postSeen = `(OLD.status IS DISTINCT FROM NEW.status OR OLD.tags IS DISTINCT FROM NEW.tags
		OR OLD.author_id IS DISTINCT FROM NEW.author_id OR OLD.thread_id IS DISTINCT FROM NEW.thread_id)`
	const threadSeen = `(OLD.status IS DISTINCT FROM NEW.status OR OLD.tags IS DISTINCT FROM NEW.tags)`
	for _, t := range noticeMemberTables {
		for _, op := range []struct{ event, ref string }{
			{"INSERT", "NEW TABLE AS new_rows"}, {"UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"}, {"DELETE", "OLD TABLE AS old_rows"},
		} {
			// Names and columns come from the constant table above, never input.
			stmts = append(stmts, `CREATE TRIGGER `+t.table+`_notice_noted_`+strings.ToLower(op.event)+` AFTER `+op.event+` ON `+t.table+
				` REFERENCING `+op.ref+` FOR EACH STATEMENT EXECUTE FUNCTION hearth_notice_rows_noted('`+t.member+`')`)
		}
		stmts = append(stmts, `CREATE CONSTRAINT TRIGGER `+t.table+`_versions_flush AFTER INSERT OR UPDATE OR DELETE ON `+t.table+
			` DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hearth_notice_flush()`)
	}
	stmts = append(stmts, notedTriggers("posts", "_update", "UPDATE", postSeen, "hearth_notice_post_noted", "")...)
	stmts = append(stmts, notedTriggers("posts", "_delete", "DELETE", "", "hearth_notice_post_noted", "")...)
	stmts = append(stmts, notedTriggers("threads", "_update", "UPDATE", threadSeen, "hearth_notice_thread_noted", "")...)
	return stmts
}

// notedTriggers are the two triggers of a change to table that concerns
// the members with unread notifications in a thread: one notes them, one
// moves their versions at commit. The flush triggers are named to sort
// after posts_thread_version (migration 18), which PostgreSQL fires first
// for the same event: a transaction then takes the thread's row before
// member_versions, as a reply does.
func notedTriggers(table, op, event, when, fn, arg string) []string {
	if when != "" {
		when = ` WHEN ` + when
	}
	return []string{
		`CREATE TRIGGER ` + table + `_notice_noted` + op + ` AFTER ` + event + ` ON ` + table +
			` FOR EACH ROW` + when + ` EXECUTE FUNCTION ` + fn + `(` + arg + `)`,
		`CREATE CONSTRAINT TRIGGER ` + table + `_versions_flush` + op + ` AFTER ` + event + ` ON ` + table +
			` DEFERRABLE INITIALLY DEFERRED FOR EACH ROW` + when + ` EXECUTE FUNCTION hearth_notice_flush()`,
	}
}
