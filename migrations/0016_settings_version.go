package migrations

import (
	"context"
	"database/sql"
)

// A member's settings version: a number on their users row that grows in
// the same transaction as any change to what every page they view reads
// about them besides the row itself: their trigger-warning preferences,
// the members they blocked, their breaks and the moderators' notices to
// them. The session lookup reads it with the member, so a server can keep
// those rows in memory and know, with no further query, when they are out
// of date, even when another instance made the change. Triggers keep it,
// so no write path (the settings pages, moderation, cascades from account
// deletion) can forget to.
var step0016SettingsVersion = Step{Version: 16, Name: "member settings version", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if d == Postgres {
		return execAll(ctx, tx, d, settingsVersionPostgres...)
	}
	return execAll(ctx, tx, d, settingsVersionSQLite()...)
}}

// settingsTables are the tables the version covers, with the column that
// names the member they belong to.
var settingsTables = []struct{ table, member string }{
	{"tag_prefs", "user_id"},
	{"blocks", "blocker_id"},
	{"breaks", "user_id"},
	{"member_notices", "user_id"},
}

func settingsVersionSQLite() []string {
	stmts := []string{`ALTER TABLE users ADD COLUMN settings_version INTEGER NOT NULL DEFAULT 0`}
	bump := func(ref string) string {
		return `UPDATE users SET settings_version = settings_version + 1 WHERE id = ` + ref + `;`
	}
	for _, t := range settingsTables {
		// Names and columns come from the constant table above, never input.
		stmts = append(stmts,
			`CREATE TRIGGER `+t.table+`_settings_insert AFTER INSERT ON `+t.table+` BEGIN `+bump("NEW."+t.member)+` END`,
			`CREATE TRIGGER `+t.table+`_settings_update AFTER UPDATE ON `+t.table+` BEGIN `+bump("OLD."+t.member)+` `+bump("NEW."+t.member)+` END`,
			`CREATE TRIGGER `+t.table+`_settings_delete AFTER DELETE ON `+t.table+` BEGIN `+bump("OLD."+t.member)+` END`,
		)
	}
	return stmts
}

var settingsVersionPostgres = []string{
	`ALTER TABLE users ADD COLUMN settings_version BIGINT NOT NULL DEFAULT 0`,
	// TG_ARGV[0] names the member column of the table the trigger is on.
	`CREATE FUNCTION hearth_settings_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP <> 'INSERT' THEN
			UPDATE users SET settings_version = settings_version + 1 WHERE id = (to_jsonb(OLD) ->> TG_ARGV[0])::BIGINT;
		END IF;
		IF TG_OP <> 'DELETE' THEN
			UPDATE users SET settings_version = settings_version + 1 WHERE id = (to_jsonb(NEW) ->> TG_ARGV[0])::BIGINT;
		END IF;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER tag_prefs_settings AFTER INSERT OR UPDATE OR DELETE ON tag_prefs
		FOR EACH ROW EXECUTE FUNCTION hearth_settings_changed('user_id')`,
	`CREATE TRIGGER blocks_settings AFTER INSERT OR UPDATE OR DELETE ON blocks
		FOR EACH ROW EXECUTE FUNCTION hearth_settings_changed('blocker_id')`,
	`CREATE TRIGGER breaks_settings AFTER INSERT OR UPDATE OR DELETE ON breaks
		FOR EACH ROW EXECUTE FUNCTION hearth_settings_changed('user_id')`,
	`CREATE TRIGGER member_notices_settings AFTER INSERT OR UPDATE OR DELETE ON member_notices
		FOR EACH ROW EXECUTE FUNCTION hearth_settings_changed('user_id')`,
}
