package migrations

// Peer support: nobody left unanswered, peer supporters, and one-to-one
// support requests.
//
// threads_created lists recent threads oldest first for "Waiting for a
// first reply" (threads with no reply from anyone but their author).
//
// member_helping holds the members who said "I'd like to help answer new
// posts": they see how many posts wait for a first reply in their header.
// It goes with the account.
//
// peer_supporters are the members admins appointed, per group, to support
// others there (audited); group_follows the groups a peer supporter
// follows, with the newest thread they have seen there (seen_thread_id),
// so their peer support page shows the threads started since.
//
// support_requests are members' requests for one-to-one support in a
// group: what it is about and its trigger-warning tags, seen only by the
// group's peer supporters and moderators. A member has at most one open
// or accepted request at a time (support_requests_one_open). When a peer
// supporter accepts it, a private conversation of kind 'support' opens
// (conversations, migration 21) between the two; reported_at is when
// either of them reported a message of it or the detector read one as a
// crisis: from then on the group's moderators may read the conversation,
// each look audited. support_reports are those reports, with the message
// reported, open until a moderator has looked.
var step0027PeerSupport = sqlStep(27, "peer support: waiting posts, peer supporters, support requests",
	`CREATE INDEX threads_created ON threads (created_at)`,
	`CREATE TABLE member_helping (
		user_id {{BIGINT}} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
		created_at {{TS}} NOT NULL
	)`,
	`CREATE TABLE peer_supporters (
		group_id {{BIGINT}} NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		appointed_by {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		created_at {{TS}} NOT NULL,
		PRIMARY KEY (group_id, user_id)
	)`,
	`CREATE INDEX peer_supporters_user ON peer_supporters (user_id)`,
	`CREATE TABLE group_follows (
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		group_id {{BIGINT}} NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
		seen_thread_id {{BIGINT}} NOT NULL DEFAULT 0,
		created_at {{TS}} NOT NULL,
		PRIMARY KEY (user_id, group_id)
	)`,
	`CREATE TABLE support_requests (
		id {{ID}},
		group_id {{BIGINT}} NOT NULL REFERENCES groups (id),
		requester_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		about TEXT NOT NULL,
		tags TEXT NOT NULL DEFAULT '',
		status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'withdrawn', 'ended')),
		supporter_id {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		conversation_id {{BIGINT}} REFERENCES conversations (id) ON DELETE SET NULL,
		reported_at {{TS}},
		ended_by {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		ended_reason TEXT NOT NULL DEFAULT '',
		accepted_at {{TS}},
		ended_at {{TS}},
		created_at {{TS}} NOT NULL,
		updated_at {{TS}} NOT NULL
	)`,
	`CREATE UNIQUE INDEX support_requests_one_open ON support_requests (requester_id) WHERE status IN ('open', 'accepted')`,
	`CREATE INDEX support_requests_group ON support_requests (group_id, status, created_at)`,
	`CREATE INDEX support_requests_supporter ON support_requests (supporter_id, status)`,
	`CREATE INDEX support_requests_conversation ON support_requests (conversation_id)`,
	`CREATE TABLE support_reports (
		id {{ID}},
		request_id {{BIGINT}} NOT NULL REFERENCES support_requests (id) ON DELETE CASCADE,
		message_id {{BIGINT}} REFERENCES conversation_messages (id) ON DELETE SET NULL,
		reporter_id {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		crisis {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		note TEXT NOT NULL DEFAULT '',
		handled_by {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		handled_at {{TS}},
		created_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX support_reports_open ON support_reports (handled_at, created_at)`,
	`CREATE INDEX support_reports_request ON support_reports (request_id)`,
)
