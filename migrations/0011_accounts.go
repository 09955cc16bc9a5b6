package migrations

// Accounts: one-time recovery codes, the login throttle, and the last TOTP
// step a member used.
//
// recovery_codes keeps only an HMAC of each code (auth.HashRecoveryCode);
// a code is spent by setting used_at, in a conditional update, so two
// requests racing with the same code cannot both succeed.
//
// login_failures is the shared throttle: one row per failed attempt, keyed
// by an HMAC of the pseudonym typed ("account:...") or by the daily keyed
// hash of the client address ("client:..."), never by the name or the
// address itself. Several instances count the same rows. Rows older than the
// throttle window are deleted as new failures arrive.
//
// users.totp_last_step is the RFC 6238 time step of the last code accepted,
// so a code cannot be used twice (section 5.2).
var step0011Accounts = sqlStep(11, "accounts: recovery codes, login throttle, TOTP replay guard",
	`CREATE TABLE recovery_codes (
		id {{ID}},
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		code_hash TEXT NOT NULL,
		used_at {{TS}},
		created_at {{TS}} NOT NULL
	)`,
	`CREATE UNIQUE INDEX recovery_codes_user_code ON recovery_codes (user_id, code_hash)`,
	`CREATE TABLE login_failures (
		id {{ID}},
		throttle_key TEXT NOT NULL,
		created_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX login_failures_key ON login_failures (throttle_key, created_at)`,
	`CREATE INDEX login_failures_created ON login_failures (created_at)`,
	`ALTER TABLE users ADD COLUMN totp_last_step {{BIGINT}} NOT NULL DEFAULT 0`,
)
