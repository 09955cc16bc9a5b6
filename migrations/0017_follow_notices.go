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
	`DELETE FROM notifications WHERE kind = 'thread_reply' AND read_at IS NULL
		AND id > (SELECT MIN(m.id) FROM notifications m WHERE m.user_id = notifications.user_id
			AND m.thread_id = notifications.thread_id AND m.kind = 'thread_reply' AND m.read_at IS NULL)`,
	`CREATE UNIQUE INDEX notifications_following ON notifications (user_id, thread_id)
		WHERE read_at IS NULL AND kind = 'thread_reply'`,
)
