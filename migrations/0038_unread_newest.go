package migrations

// A member's unread count reads their newest unread notices only
// (forum.UnreadScanLimit of them), newest first: this index hands them
// over in that order on both databases, so a backlog they cannot see
// (hidden tags, removed posts) costs nothing. It replaces the unordered
// notifications_unread, whose lookups it also serves.
var step0038UnreadNewest = sqlStep(38, "unread notices newest first",
	`CREATE INDEX notifications_unread_newest ON notifications (user_id, id) WHERE read_at IS NULL`,
	`DROP INDEX notifications_unread`,
)
