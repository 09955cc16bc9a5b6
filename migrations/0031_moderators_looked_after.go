package migrations

// Moderators looked after, and one open check-in per member and group.
//
// moderator_prefs holds a moderator's own care settings: daily_limit is
// the soft limit of hard items (crisis, wellbeing, trigger-warned) they
// want to open in a day, NULL for none; unfold_warned shows trigger-warned
// posts unfolded in the queue, which by default keeps them folded until
// the moderator opens the item.
//
// moderator_exposures counts what a moderator opened: one row per
// moderator, queue item and day (the day in the moderation hours' time
// zone, written by the application as YYYY-MM-DD), marking whether the
// item was a crisis, a wellbeing concern and trigger-warned. item_id is not
// a foreign key: the count outlives the item. Rows go with the account.
//
// queue_claims says who is looking at an open queue item ("I'm looking at
// this"): one holder per item, released by them, by stepping away, or by
// the item being handled or deleted.
//
// handover_notes are what a moderator who stepped away left for the next
// one: shown to the staff who share a group with the author (site_wide
// for an author who moderates every group; group_ids wrapped in commas,
// ",3,7,") for a day, until each dismisses it (handover_dismissals).
//
// conversations_checkin_open_once: reopening a check-in could leave two open
// check-ins between one member and one group's staff; the older ones are
// closed (as staff would have) before the index makes it impossible.
var step0031ModeratorsLookedAfter = sqlStep(31, "moderators looked after: exposures, claims, hand-over notes; one open check-in",
	`CREATE TABLE moderator_prefs (
		user_id {{BIGINT}} PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
		daily_limit INTEGER CHECK (daily_limit IS NULL OR daily_limit > 0),
		unfold_warned {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		updated_at {{TS}} NOT NULL
	)`,
	`CREATE TABLE moderator_exposures (
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		item_id {{BIGINT}} NOT NULL,
		day TEXT NOT NULL,
		crisis {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		wellbeing {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		warned {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		opened_at {{TS}} NOT NULL,
		PRIMARY KEY (user_id, item_id, day)
	)`,
	`CREATE INDEX moderator_exposures_opened ON moderator_exposures (user_id, opened_at)`,
	`CREATE TABLE queue_claims (
		item_id {{BIGINT}} PRIMARY KEY REFERENCES queue_items (id) ON DELETE CASCADE,
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		claimed_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX queue_claims_user ON queue_claims (user_id)`,
	`CREATE TABLE handover_notes (
		id {{ID}},
		author_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		body TEXT NOT NULL,
		released INTEGER NOT NULL DEFAULT 0,
		site_wide {{BOOL}} NOT NULL DEFAULT {{FALSE}},
		group_ids TEXT NOT NULL DEFAULT '',
		created_at {{TS}} NOT NULL
	)`,
	`CREATE INDEX handover_notes_created ON handover_notes (created_at)`,
	`CREATE TABLE handover_dismissals (
		note_id {{BIGINT}} NOT NULL REFERENCES handover_notes (id) ON DELETE CASCADE,
		user_id {{BIGINT}} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
		created_at {{TS}} NOT NULL,
		PRIMARY KEY (note_id, user_id)
	)`,
	`UPDATE conversations SET status = 'closed', closed_at = updated_at
		WHERE kind = 'checkin' AND status = 'open' AND group_id IS NOT NULL AND EXISTS (
			SELECT 1 FROM conversations n WHERE n.kind = conversations.kind AND n.subject_id = conversations.subject_id
			AND n.group_id = conversations.group_id AND n.status = 'open' AND n.id > conversations.id)`,
	`CREATE UNIQUE INDEX conversations_checkin_open_once ON conversations (subject_id, group_id) WHERE kind = 'checkin' AND status = 'open'`,
)
