package migrations

// The care loop: private check-ins between a group's staff and a member,
// safeguarding leads, and escalation to them.
//
// conversations are private conversations. A check-in (kind 'checkin') is
// between one member (subject_id) and the staff of one group (group_id):
// the member, that group's moderators, admins and safeguarding leads may
// read it; nobody else learns it exists. kind carries no CHECK so that
// other kinds of private conversation can reuse the tables without
// rebuilding them (SQLite cannot alter a CHECK); the code knows the kinds.
// waiting is true while the member has written last and no staff member
// has answered; crisis_at is when a reply of theirs read as a crisis and
// brings the check-in to the top of the queue until staff answer it.
// closed_by_member records who closed it: a member who closes a check-in
// is sent no other for a day unless they reopen it. The conversation,
// its participants and messages go with the member's account; a staff
// author who leaves is shown as a former moderator.
//
// member_notices.conversation_id marks the gentle notice that a check-in
// is waiting ("A moderator wanted to check in with you"), which is not a
// sanction and reads differently.
//
// escalations are items, check-ins or members a moderator passed to the
// safeguarding leads, with a reason; a lead resolves them with a note.
// Like audit_log, their ids are not foreign keys: the record outlives
// what it is about. escalations_open_once keeps one open escalation per
// target. users.safeguarding_lead is the permission admins grant.
var step0021Care = sqlStep(21, "care: check-ins, safeguarding leads, escalations",
	`ALTER TABLE users ADD COLUMN safeguarding_lead {{BOOL}} NOT NULL DEFAULT {{FALSE}}`,
	`CREATE TABLE conversations (
		id {{ID}},
		kind TEXT NOT NULL,
		group_id {{BIGINT}} REFERENCES groups (id),
		subject_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		item_id {{BIGINT}} REFERENCES queue_items (id) ON DELETE SET NULL,
		post_id {{BIGINT}} REFERENCES posts (id) ON DELETE SET NULL,
		status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
		waiting {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		crisis_at {{TS}},
		created_by {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		closed_by {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		closed_by_member {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		closed_at {{TS}},
		last_message_at {{TS}} NOT NULL,
		created_at {{TS}} NOT NULL,
		updated_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX conversations_subject ON conversations (subject_id, kind, status)`,
	`CREATE INDEX conversations_group ON conversations (group_id, status, last_message_at)`,
	`CREATE INDEX conversations_waiting ON conversations (waiting, kind) WHERE waiting`,
	`CREATE INDEX conversations_item ON conversations (item_id)`,
	`CREATE TABLE conversation_participants (
		conversation_id {{BIGINT}} NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		role TEXT NOT NULL CHECK (role IN ('member', 'staff')),
		created_at {{TS}} NOT NULL,
		PRIMARY KEY (conversation_id, user_id)
	)`,
	`CREATE INDEX conversation_participants_user ON conversation_participants (user_id)`,
	`CREATE TABLE conversation_messages (
		id {{ID}},
		conversation_id {{BIGINT}} NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
		author_id {{BIGINT}} REFERENCES users (id) ON DELETE SET NULL,
		from_staff {{BOOL}} NOT NULL,
		body_md TEXT NOT NULL,
		body_html TEXT NOT NULL,
		crisis_level INTEGER NOT NULL DEFAULT 0,
		created_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX conversation_messages_conversation ON conversation_messages (conversation_id, id)`,
	`ALTER TABLE member_notices ADD COLUMN conversation_id {{BIGINT}} REFERENCES conversations (id) ON DELETE CASCADE`,
	`CREATE INDEX member_notices_conversation ON member_notices (conversation_id) WHERE conversation_id IS NOT NULL`,
	`CREATE TABLE escalations (
		id {{ID}},
		target_type TEXT NOT NULL CHECK (target_type IN ('item', 'checkin', 'member')),
		target_id {{BIGINT}} NOT NULL,
		group_id {{BIGINT}},
		subject_id {{BIGINT}},
		post_id {{BIGINT}},
		reason TEXT NOT NULL,
		status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
		escalated_by {{BIGINT}},
		resolved_by {{BIGINT}},
		resolution TEXT NOT NULL DEFAULT '',
		resolved_at {{TS}},
		created_at {{TS}} NOT NULL
	)`,
	`CREATE UNIQUE INDEX escalations_open_once ON escalations (target_type, target_id) WHERE status = 'open'`,
	`CREATE INDEX escalations_status ON escalations (status, created_at)`,
)
