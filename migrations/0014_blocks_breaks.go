package migrations

// Blocks: blocker_id no longer sees blocked_id's posts, and blocked_id can
// neither reply to blocker_id's posts nor notify them with a mention. The
// blocked member is never told. Breaks: a member locks themself out of
// posting, of the whole site, of one group or away from one tag until
// ends_at; asking to end early moves ends_at to one cooling-off day later.
var step0014BlocksBreaks = sqlStep(14, "blocks and breaks",
	`CREATE TABLE blocks (
		blocker_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		blocked_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		created_at {{TS}} NOT NULL,
		PRIMARY KEY (blocker_id, blocked_id),
		CHECK (blocker_id <> blocked_id)
	)`,
	`CREATE INDEX blocks_blocked ON blocks (blocked_id, blocker_id)`,
	`CREATE TABLE breaks (
		id {{ID}},
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		scope TEXT NOT NULL CHECK (scope IN ('posting', 'site', 'group', 'tag')),
		group_id {{BIGINT}} REFERENCES groups (id) ON DELETE CASCADE,
		tag TEXT NOT NULL DEFAULT '',
		starts_at {{TS}} NOT NULL,
		ends_at {{TS}} NOT NULL,
		end_requested_at {{TS}},
		created_at {{TS}} NOT NULL,
		CHECK (ends_at > starts_at),
		CHECK ((scope = 'group') = (group_id IS NOT NULL)),
		CHECK ((scope = 'tag') = (tag <> ''))
	)`,
	`CREATE INDEX breaks_user_ends ON breaks (user_id, ends_at)`,
)
