package migrations

// The audit log records every moderator and admin action. actor_id and
// target ids are not foreign keys on purpose: the record must outlive the
// accounts and posts it talks about.
var step0006Audit = sqlStep(6, "audit log",
	`CREATE TABLE audit_log (
		id {{ID}},
		actor_id {{BIGINT}},
		action TEXT NOT NULL,
		target_type TEXT NOT NULL DEFAULT '',
		target_id {{BIGINT}},
		group_id {{BIGINT}},
		reason TEXT NOT NULL DEFAULT '',
		detail TEXT NOT NULL DEFAULT '',
		content_sha256 TEXT NOT NULL DEFAULT '',
		public {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		created_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX audit_log_created ON audit_log (created_at, id)`,
	`CREATE INDEX audit_log_actor ON audit_log (actor_id, created_at)`,
	`CREATE INDEX audit_log_group ON audit_log (group_id, created_at)`,
)
