package migrations

// Moderation: reports from members, sanctions (warnings, suspensions, bans),
// notices that tell a member what moderators did and why, and site settings
// such as the report threshold.
//
// reports.reporter_id is nulled when the reporter deletes their account; the
// report itself stays so the queue keeps its weight. A member has at most
// one open report per post (reports_open_once). audit_log gains subject_id,
// the member an action was about, so a member's moderation history is one
// indexed read; like the other audit ids it is not a foreign key, because the
// record must outlive the account.
var step0010Moderation = sqlStep(10, "moderation: reports, sanctions, notices, settings",
	`CREATE TABLE reports (
		id {{ID}},
		post_id {{BIGINT}} NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
		thread_id {{BIGINT}} NOT NULL,
		group_id {{BIGINT}} NOT NULL,
		reporter_id {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		subject_id {{BIGINT}},
		reason TEXT NOT NULL CHECK (reason IN ('harassment', 'harmful', 'personal', 'spam', 'trigger', 'wellbeing', 'other')),
		note TEXT NOT NULL DEFAULT '',
		throttled {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled')),
		created_at {{TS}} NOT NULL,
		handled_at {{TS}}
	)`,
	`CREATE UNIQUE INDEX reports_open_once ON reports (post_id, reporter_id) WHERE status = 'open'`,
	`CREATE INDEX reports_post ON reports (post_id, status)`,
	`CREATE INDEX reports_reporter ON reports (reporter_id, created_at)`,
	`CREATE TABLE sanctions (
		id {{ID}},
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		actor_id {{BIGINT}},
		kind TEXT NOT NULL CHECK (kind IN ('warning', 'suspension', 'ban')),
		group_id {{BIGINT}},
		post_id {{BIGINT}},
		reason TEXT NOT NULL,
		ends_at {{TS}},
		lifted_at {{TS}},
		created_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX sanctions_user ON sanctions (user_id, created_at)`,
	`CREATE TABLE member_notices (
		id {{ID}},
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		kind TEXT NOT NULL CHECK (kind IN ('action', 'warning', 'suspension', 'ban')),
		message TEXT NOT NULL,
		reason TEXT NOT NULL DEFAULT '',
		link TEXT NOT NULL DEFAULT '',
		acknowledged_at {{TS}},
		created_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX member_notices_pending ON member_notices (user_id, acknowledged_at)`,
	`CREATE TABLE site_settings (
		name TEXT PRIMARY KEY,
		value TEXT NOT NULL,
		updated_at {{TS}} NOT NULL
	)`,
	`INSERT INTO site_settings (name, value, updated_at) VALUES ('report_threshold', '3', CURRENT_TIMESTAMP)`,
	`ALTER TABLE audit_log ADD COLUMN subject_id {{BIGINT}}`,
	`CREATE INDEX audit_log_subject ON audit_log (subject_id, created_at)`,
	`CREATE INDEX audit_log_public ON audit_log (public, id)`,
)
