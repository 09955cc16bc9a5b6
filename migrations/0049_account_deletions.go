package migrations

// account_deletions holds the accounts whose deletion goes on in the
// background (a member with more posts than one request erases in good
// time; pkg/auth/deletion.go): the member is logged out and their
// credentials are gone at once, and the row lets any instance finish the
// rest, after a restart too. It goes with the user row.
var step0049AccountDeletions = sqlStep(49, "account deletions finished in the background",
	`CREATE TABLE account_deletions (
		user_id {{BIGINT}} PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
		mode TEXT NOT NULL,
		requested_at {{TS}} NOT NULL
	)`,
)
