package migrations

// One notice per followed thread: a member who follows a thread has at most
// one unread "thread_reply" notification for it, which stands for every
// reply they can see from its post on ("5 new replies in …"). Later
// replies write nothing while it is unread, so a busy thread no longer
// writes a row per follower per reply, and a member coming back to a thread
// they follow reads one line instead of fifty. The partial unique index
// keeps the rule even when two replies race on PostgreSQL (the second
// insert does nothing). Existing unread duplicates are folded into the
// oldest, whose range already covers their posts.
var step0017FollowNotices = sqlStep(17, "one unread notice per followed thread",
	// One sort of the unread notices rather than a lookup per row: 116,000
	// of them took 1 s this way and 4 s with a correlated MIN in the
	// sqlite3 shell.
	`DELETE FROM notifications WHERE id IN (SELECT id FROM (
		SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id, thread_id ORDER BY id) AS n
		FROM notifications WHERE kind = 'thread_reply' AND read_at IS NULL) d WHERE n > 1)`,
	`CREATE UNIQUE INDEX notifications_following ON notifications (user_id, thread_id)
		WHERE read_at IS NULL AND kind = 'thread_reply'`,
)
