package migrations

import (
	"context"
	"database/sql"
)

// Accountable anonymity: a member may post a thread or reply as "Anonymous
// member" in a group that allows it (groups.allow_anonymous, on for every
// group, the default ones included, until an admin turns it off). The
// author stays in posts.author_id, so blocks, reports and sanctions reach
// the real account; posts.anonymous hides them from everyone else.
// threads.anonymous is the opening post's flag and threads.last_anonymous
// the last counted post's, so thread lists hide the author and the last
// poster without reading the posts.
//
// anonymous_blocks are blocks made from an anonymous post ("block this
// author"): the blocker stops seeing that author's anonymous posts and
// hearing from them, and is never told who it was. They are kept apart from
// blocks, whose list names the member, so that neither list nor any named
// post changes in a way that would tell the blocker who wrote it. Like
// blocks, they move the blocker's settings version (migration 16).
var step0030AnonymousPosts = Step{Version: 30, Name: "anonymous posts", Up: func(ctx context.Context, tx *sql.Tx, d Dialect) error {
	trigger := []string{
		`CREATE TRIGGER anonymous_blocks_settings_insert AFTER INSERT ON anonymous_blocks BEGIN
			UPDATE users SET settings_version = settings_version + 1 WHERE id = NEW.blocker_id; END`,
		`CREATE TRIGGER anonymous_blocks_settings_delete AFTER DELETE ON anonymous_blocks BEGIN
			UPDATE users SET settings_version = settings_version + 1 WHERE id = OLD.blocker_id; END`,
	}
	if d == Postgres {
		trigger = []string{`CREATE TRIGGER anonymous_blocks_settings AFTER INSERT OR UPDATE OR DELETE ON anonymous_blocks
			FOR EACH ROW EXECUTE FUNCTION hearth_settings_changed('blocker_id')`}
	}
	return execAll(ctx, tx, d, append(anonymousPosts, trigger...)...)
}}

var anonymousPosts = []string{
	`ALTER TABLE groups ADD COLUMN allow_anonymous {{BOOL}} NOT NULL DEFAULT {{TRUE}}`,
	`ALTER TABLE posts ADD COLUMN anonymous {{BOOL}} NOT NULL DEFAULT {{FALSE}}`,
	`ALTER TABLE threads ADD COLUMN anonymous {{BOOL}} NOT NULL DEFAULT {{FALSE}}`,
	`ALTER TABLE threads ADD COLUMN last_anonymous {{BOOL}} NOT NULL DEFAULT {{FALSE}}`,
	`CREATE TABLE anonymous_blocks (
		id {{ID}},
		blocker_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		blocked_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		post_id {{BIGINT}} REFERENCES posts (id) ON DELETE SET NULL,
		created_at {{TS}} NOT NULL,
		CHECK (blocker_id <> blocked_id)
	)`,
	`CREATE UNIQUE INDEX anonymous_blocks_pair ON anonymous_blocks (blocker_id, blocked_id)`,
	`CREATE INDEX anonymous_blocks_blocked ON anonymous_blocks (blocked_id, blocker_id)`,
}
