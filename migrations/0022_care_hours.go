package migrations

import (
	"context"
	"database/sql"
)

// Moderation hours: moderator_duty holds a moderator on duty until
// ends_at, which beats the timetable of moderation hours (a site setting).
//
// The timetable is kept on every page, with each member's settings (see
// migration 16): changing it moves every member's settings version, as a
// change of the tag vocabulary does (migration 20), which costs one write
// of every users row when an admin saves the hours, rarely enough.
var step0022CareHours = Step{Version: 22, Name: "moderation hours", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if err := execAll(ctx, tx, d, careHoursTables...); err != nil {
		return err
	}
	if d == Postgres {
		return execAll(ctx, tx, d, careHoursPostgres...)
	}
	return execAll(ctx, tx, d, careHoursSQLite...)
}}

var careHoursTables = []string{
	`CREATE TABLE moderator_duty (
		user_id {{BIGINT}} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
		started_at {{TS}} NOT NULL,
		ends_at {{TS}} NOT NULL,
		CHECK (ends_at > started_at)
	)`,
	`CREATE INDEX moderator_duty_ends ON moderator_duty (ends_at)`,
}

var careHoursSQLite = []string{
	`CREATE TRIGGER site_settings_hours_insert AFTER INSERT ON site_settings WHEN NEW.name = 'hours' BEGIN
		UPDATE users SET settings_version = settings_version + 1; END`,
	`CREATE TRIGGER site_settings_hours_update AFTER UPDATE ON site_settings
		WHEN (NEW.name = 'hours' OR OLD.name = 'hours') AND (OLD.value IS NOT NEW.value OR OLD.name IS NOT NEW.name) BEGIN
		UPDATE users SET settings_version = settings_version + 1; END`,
	`CREATE TRIGGER site_settings_hours_delete AFTER DELETE ON site_settings WHEN OLD.name = 'hours' BEGIN
		UPDATE users SET settings_version = settings_version + 1; END`,
}

// The function that moves every member's settings version is migration
// 20's, written for the tag vocabulary.
var careHoursPostgres = []string{
	`CREATE TRIGGER site_settings_hours_insert AFTER INSERT ON site_settings
		FOR EACH ROW WHEN (NEW.name = 'hours') EXECUTE FUNCTION hearth_vocabulary_changed()`,
	`CREATE TRIGGER site_settings_hours_update AFTER UPDATE ON site_settings
		FOR EACH ROW WHEN ((NEW.name = 'hours' OR OLD.name = 'hours') AND (OLD.value IS DISTINCT FROM NEW.value OR OLD.name IS DISTINCT FROM NEW.name))
		EXECUTE FUNCTION hearth_vocabulary_changed()`,
	`CREATE TRIGGER site_settings_hours_delete AFTER DELETE ON site_settings
		FOR EACH ROW WHEN (OLD.name = 'hours') EXECUTE FUNCTION hearth_vocabulary_changed()`,
}
