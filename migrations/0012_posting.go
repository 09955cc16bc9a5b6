package migrations

// Posting: what members do around posts.
//
// post_revisions keeps every earlier version of an edited post (and, for an
// opening post, the thread title it had) for moderators. Redaction and the
// author's deletion remove a post's revisions with its text.
//
// reactions hold at most one of each supportive reaction per member and post.
// subscriptions record that a member follows or mutes a thread; members
// follow the threads they start or reply to. notifications are written in
// the same transaction as the reply, mention or reaction that causes them;
// notifications_once keeps one notification per recipient, post, kind and actor.
//
// tag_prefs holds a member's choice per trigger-warning tag: show, warn or
// hide. No row means warn, the default for everyone.
var step0012Posting = sqlStep(12, "posting: revisions, reactions, subscriptions, notifications, tag preferences",
	`CREATE TABLE post_revisions (
		id {{ID}},
		post_id {{BIGINT}} NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
		version INTEGER NOT NULL,
		title TEXT NOT NULL DEFAULT '',
		body_md TEXT NOT NULL,
		body_html TEXT NOT NULL,
		tags TEXT NOT NULL DEFAULT '',
		written_at {{TS}} NOT NULL,
		created_at {{TS}} NOT NULL
	)`,
	`CREATE UNIQUE INDEX post_revisions_post ON post_revisions (post_id, version)`,
	`CREATE TABLE reactions (
		post_id {{BIGINT}} NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		kind TEXT NOT NULL CHECK (kind IN ('thinking', 'hear', 'metoo', 'helped')),
		created_at {{TS}} NOT NULL,
		PRIMARY KEY (post_id, user_id, kind)
	)`,
	`CREATE INDEX reactions_user ON reactions (user_id, created_at)`,
	`CREATE TABLE subscriptions (
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		thread_id {{BIGINT}} NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
		state TEXT NOT NULL CHECK (state IN ('follow', 'mute')),
		created_at {{TS}} NOT NULL,
		updated_at {{TS}} NOT NULL,
		PRIMARY KEY (user_id, thread_id)
	)`,
	`CREATE INDEX subscriptions_thread ON subscriptions (thread_id, state)`,
	`CREATE TABLE notifications (
		id {{ID}},
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		kind TEXT NOT NULL CHECK (kind IN ('reply', 'thread_reply', 'mention', 'reaction')),
		actor_id {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		post_id {{BIGINT}} NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
		thread_id {{BIGINT}} NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
		reaction TEXT NOT NULL DEFAULT '',
		read_at {{TS}},
		created_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX notifications_user ON notifications (user_id, id)`,
	`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`,
	`CREATE UNIQUE INDEX notifications_once ON notifications (user_id, post_id, kind, reaction, actor_id)`,
	`CREATE TABLE tag_prefs (
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		tag_slug TEXT NOT NULL REFERENCES tags (slug) ON DELETE CASCADE ON UPDATE CASCADE,
		mode TEXT NOT NULL CHECK (mode IN ('show', 'warn', 'hide')),
		updated_at {{TS}} NOT NULL,
		PRIMARY KEY (user_id, tag_slug)
	)`,
)
