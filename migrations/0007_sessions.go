package migrations

// Sessions live in the database so several instances share them. Only a
// hash of the token is stored; device is a coarse hint ("Firefox on Linux"),
// never an address.
var step0007Sessions = sqlStep(7, "sessions",
	`CREATE TABLE sessions (
		token_hash TEXT PRIMARY KEY,
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		device TEXT NOT NULL DEFAULT '',
		created_at {{TS}} NOT NULL,
		last_seen_at {{TS}} NOT NULL,
		expires_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX sessions_user ON sessions (user_id)`,
	`CREATE INDEX sessions_expires ON sessions (expires_at)`,
)
