package migrations

var step0001Users = sqlStep(1, "users",
	`CREATE TABLE users (
		id {{ID}},
		username TEXT NOT NULL,
		username_key TEXT NOT NULL,
		password_hash TEXT NOT NULL,
		role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator', 'admin')),
		moderator_site_wide {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'banned')),
		status_until {{TS}},
		status_reason TEXT NOT NULL DEFAULT '',
		country TEXT NOT NULL DEFAULT '',
		totp_secret TEXT NOT NULL DEFAULT '',
		totp_enabled {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		post_count INTEGER NOT NULL DEFAULT 0,
		created_at {{TS}} NOT NULL,
		updated_at {{TS}} NOT NULL
	)`,
	`CREATE UNIQUE INDEX users_username_key ON users (username_key)`,
)
