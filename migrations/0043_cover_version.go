package migrations

import (
	"context"
	"database/sql"
	"strings"
)

// step0043CoverVersion keeps one number, site_versions.cover, that every
// change to the site settings or to moderators' time on duty moves, in
// the same transaction. Whether a moderator is around (the moderation
// cover) is read from those two tables before every new post, and on
// PostgreSQL that read was a round trip of its own: a member's session
// query now reads the number on a thread's routes, and the settings are
// kept in memory against it (hearth/pkg/cache's Cover), exact on both
// databases and for any number of instances.
var step0043CoverVersion = Step{Version: 43, Name: "moderation cover version", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if err := execAll(ctx, tx, d, coverVersionTables...); err != nil {
		return err
	}
	if d == Postgres {
		return execAll(ctx, tx, d, coverVersionPostgres...)
	}
	return execAll(ctx, tx, d, coverVersionSQLite...)
}}

var coverVersionTables = []string{
	`CREATE TABLE site_versions (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		cover {{BIGINT}} NOT NULL
	)`,
	`INSERT INTO site_versions (id, cover) VALUES (1, 0)`,
}

var coverVersionSQLite = coverTriggers(func(table, op string) string {
	return `CREATE TRIGGER ` + table + `_cover_` + strings.ToLower(op) + ` AFTER ` + op + ` ON ` + table + ` BEGIN
		UPDATE site_versions SET cover = cover + 1 WHERE id = 1; END`
})

var coverVersionPostgres = append([]string{
	`CREATE FUNCTION hearth_cover_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
		BEGIN
			UPDATE site_versions SET cover = cover + 1 WHERE id = 1;
			RETURN NULL;
		END $$`,
}, coverTriggers(func(table, op string) string {
	return `CREATE TRIGGER ` + table + `_cover_` + strings.ToLower(op) + ` AFTER ` + op + ` ON ` + table + `
		FOR EACH STATEMENT EXECUTE FUNCTION hearth_cover_changed()`
})...)

// coverTriggers is one trigger per table and kind of change, as trigger
// writes it.
func coverTriggers(trigger func(table, op string) string) []string {
	var out []string
	for _, table := range []string{"site_settings", "moderator_duty"} {
		for _, op := range []string{"INSERT", "UPDATE", "DELETE"} {
			out = append(out, trigger(table, op))
		}
	}
	return out
}
