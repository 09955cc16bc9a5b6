package migrations

// Tags are stored denormalised as ",slug,slug," so a reader's hidden tags can
// be filtered with a parameterised LIKE on both dialects without a join.
//
// sort_key is the post's materialised path in the reply tree (zero-padded ids
// joined by '/'), so a thread page is one range scan in conversation order and
// paginates by cursor.
var step0003ThreadsPosts = sqlStep(3, "threads and posts",
	`CREATE TABLE threads (
		id {{ID}},
		group_id {{BIGINT}} NOT NULL REFERENCES groups (id),
		author_id {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		title TEXT NOT NULL,
		tags TEXT NOT NULL DEFAULT '',
		status TEXT NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'held', 'removed', 'redacted', 'deleted')),
		locked {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		lock_reason TEXT NOT NULL DEFAULT '',
		pinned {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		reply_count INTEGER NOT NULL DEFAULT 0,
		first_post_id {{BIGINT}},
		last_post_id {{BIGINT}},
		last_author_id {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		last_post_at {{TS}} NOT NULL,
		created_at {{TS}} NOT NULL,
		updated_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX threads_group_activity ON threads (group_id, pinned, last_post_at, id)`,
	`CREATE INDEX threads_author ON threads (author_id)`,
	`CREATE TABLE posts (
		id {{ID}},
		thread_id {{BIGINT}} NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
		group_id {{BIGINT}} NOT NULL REFERENCES groups (id),
		author_id {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		parent_id {{BIGINT}} REFERENCES posts (id) ON DELETE SET NULL,
		depth INTEGER NOT NULL DEFAULT 0,
		sort_key TEXT NOT NULL DEFAULT '',
		body_md TEXT NOT NULL,
		body_html TEXT NOT NULL,
		tags TEXT NOT NULL DEFAULT '',
		status TEXT NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'held', 'removed', 'redacted', 'deleted')),
		status_reason TEXT NOT NULL DEFAULT '',
		version INTEGER NOT NULL DEFAULT 1,
		edited_at {{TS}},
		idem_key TEXT,
		crisis_score {{REAL}} NOT NULL DEFAULT 0,
		created_at {{TS}} NOT NULL,
		updated_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX posts_thread_order ON posts (thread_id, sort_key)`,
	`CREATE INDEX posts_author ON posts (author_id, created_at)`,
	`CREATE INDEX posts_parent ON posts (parent_id)`,
	// One post per idempotency key and author: a double submit finds the first.
	`CREATE UNIQUE INDEX posts_idem ON posts (author_id, idem_key)`,
)
