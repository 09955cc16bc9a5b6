package migrations

// Webhooks for on-call moderators. An admin's endpoint holds the URL, the
// secret deliveries are signed with and the events it carries, as a list
// wrapped in commas (",crisis_post,post_held,") so one LIKE finds the
// endpoints of an event.
//
// webhook_deliveries is the outbox: the transaction that opens a queue
// item writes one pending row per endpoint that carries its event, so a
// delivery is never lost to a crash between the change and the send, and
// survives a restart. A sender claims a due row with a conditional update
// (claim, claimed_until), so of several instances only one sends it;
// attempts, next_at and the last answer record the retries, which stop a
// day after the event. The partial index finds the due rows; the second
// lists an endpoint's log, newest first. A delivery names the group and
// post by id only: its body is built at sending from those and never holds
// anyone's words or name.
var step0024Webhooks = sqlStep(24, "webhooks and their delivery outbox",
	`CREATE TABLE IF NOT EXISTS webhook_endpoints (
		id {{ID}},
		name TEXT NOT NULL,
		url TEXT NOT NULL,
		secret TEXT NOT NULL,
		events TEXT NOT NULL,
		enabled {{BOOL}} NOT NULL DEFAULT {{TRUE}},
		created_at {{TS}} NOT NULL,
		updated_at {{TS}} NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS webhook_deliveries (
		id {{ID}},
		endpoint_id {{BIGINT}} NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
		event TEXT NOT NULL,
		group_id {{BIGINT}} REFERENCES groups (id) ON DELETE SET NULL,
		post_id {{BIGINT}},
		occurred_at {{TS}} NOT NULL,
		status TEXT NOT NULL DEFAULT 'pending',
		attempts INTEGER NOT NULL DEFAULT 0,
		next_at {{TS}} NOT NULL,
		claim {{BIGINT}},
		claimed_until {{TS}},
		last_code INTEGER NOT NULL DEFAULT 0,
		last_error TEXT NOT NULL DEFAULT '',
		delivered_at {{TS}},
		created_at {{TS}} NOT NULL,
		updated_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (next_at) WHERE status = 'pending'`,
	`CREATE INDEX IF NOT EXISTS webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id)`,
)
