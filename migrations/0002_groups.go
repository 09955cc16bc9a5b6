package migrations

var step0002Groups = sqlStep(2, "groups",
	`CREATE TABLE groups (
		id {{ID}},
		slug TEXT NOT NULL,
		name TEXT NOT NULL,
		description TEXT NOT NULL DEFAULT '',
		guidelines TEXT NOT NULL DEFAULT '',
		guidelines_html TEXT NOT NULL DEFAULT '',
		position INTEGER NOT NULL DEFAULT 0,
		premod TEXT NOT NULL DEFAULT 'off' CHECK (premod IN ('off', 'new', 'all')),
		premod_first_n INTEGER NOT NULL DEFAULT 0,
		require_tag {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		archived {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		thread_count INTEGER NOT NULL DEFAULT 0,
		post_count INTEGER NOT NULL DEFAULT 0,
		last_activity_at {{TS}},
		created_at {{TS}} NOT NULL,
		updated_at {{TS}} NOT NULL
	)`,
	`CREATE UNIQUE INDEX groups_slug ON groups (slug)`,
	// Group-scoped moderators; site-wide moderators are flagged on users.
	`CREATE TABLE moderator_groups (
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		group_id {{BIGINT}} NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
		created_at {{TS}} NOT NULL,
		PRIMARY KEY (user_id, group_id)
	)`,
	`CREATE INDEX moderator_groups_group ON moderator_groups (group_id)`,
)
