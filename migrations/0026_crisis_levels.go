package migrations

// What the crisis-language screening said of a post's words when they were
// written or last edited: crisis_level 0 (none), 1 (concern) or 2 (crisis);
// crisis_topic the automatic warning a crisis names ('suicide' or
// 'self-harm', which are also trigger-warning slugs); not_screened why the
// words were not read (” when they were, 'language' for a language the
// detector does not read). crisis_folded is true from a crisis-level write
// until a moderator has looked at the post: other readers then see it
// folded, without its words.
//
// Posts already waiting in the queue as crisis language (a wellbeing item
// opened by posting, which names the matched phrases; members' concerns
// say "A member is worried about this person.") are folded now, so
// upgrading never shows them unfolded; those a moderator already handled
// keep their level only.
var step0026CrisisLevels = sqlStep(26, "crisis levels on posts",
	`ALTER TABLE posts ADD COLUMN crisis_level INTEGER NOT NULL DEFAULT 0`,
	`ALTER TABLE posts ADD COLUMN crisis_topic TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE posts ADD COLUMN not_screened TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE posts ADD COLUMN crisis_folded {{BOOL}} NOT NULL DEFAULT {{FALSE}}`,
	`UPDATE posts SET crisis_level = 2 WHERE id IN (SELECT post_id FROM queue_items
		WHERE kind = 'wellbeing' AND detail <> '' AND detail <> 'A member is worried about this person.')`,
	`UPDATE posts SET crisis_folded = {{TRUE}} WHERE crisis_level = 2 AND id IN (SELECT post_id FROM queue_items
		WHERE kind = 'wellbeing' AND status = 'open')`,
)
