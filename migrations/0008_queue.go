package migrations

// queue_items is the moderator queue: one row per thing a moderator must look
// at. Posting inserts "wellbeing" (crisis language) and "held"
// (pre-moderation) items in the same transaction as the post; reporting
// inserts or re-weights "report" items. An item is handled once: the update
// that handles it is conditional on status = 'open'.
var step0008Queue = sqlStep(8, "moderator queue",
	`CREATE TABLE queue_items (
		id {{ID}},
		kind TEXT NOT NULL CHECK (kind IN ('wellbeing', 'report', 'held')),
		post_id {{BIGINT}} NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
		thread_id {{BIGINT}} NOT NULL,
		group_id {{BIGINT}} NOT NULL,
		priority INTEGER NOT NULL DEFAULT 0,
		detail TEXT NOT NULL DEFAULT '',
		status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled')),
		handled_by {{BIGINT}},
		handled_at {{TS}},
		resolution TEXT NOT NULL DEFAULT '',
		created_at {{TS}} NOT NULL,
		updated_at {{TS}} NOT NULL
	)`,
	`CREATE UNIQUE INDEX queue_items_open_post ON queue_items (post_id, kind) WHERE status = 'open'`,
	`CREATE INDEX queue_items_pending ON queue_items (status, priority, created_at)`,
	`CREATE INDEX queue_items_group ON queue_items (group_id, status)`,
)
