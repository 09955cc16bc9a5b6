package store

import (
	"strconv"
	"strings"

	"hearth/pkg/forum"
)

// bumpCounters adds to b the writes that record a new post on its thread
// and group. Held posts change neither: they count when a moderator lets
// them through. The group's counters take a tally (fold.go) instead of an
// update of its row, which every reply in the group would otherwise lock
// until commit.
func bumpCounters(b *writeBatch, th *forum.Thread, p *forum.Post, opening, pg bool) {
	if opening {
		b.add("UPDATE threads SET first_post_id = ?, last_post_id = ? WHERE id = ?", p.ID, p.ID, th.ID)
	}
	if p.Status != forum.StatusVisible {
		return
	}
	threads := 0
	if opening {
		threads = 1
	} else {
		b.add(lastPostUpdateSQL[pg], p.ID, p.ID, p.ID, p.AuthorID, p.ID, p.Anonymous, p.ID, p.CreatedAt, p.ID, p.CreatedAt, th.ID)
	}
	b.add(tallyInsert, p.GroupID, 1, threads, p.CreatedAt.UnixMicro())
}

// threadCounted is the thread a new post's own transaction moves the
// content version of in the update that counts the post (bumpCounters on
// PostgreSQL), as text for hearth.thread_counted, or "" when nothing
// there does and the insert trigger must.
func threadCounted(p *forum.Post, opening bool) string {
	if opening || p.Status != forum.StatusVisible {
		return ""
	}
	return strconv.FormatInt(p.ThreadID, 10)
}

// lastPostUpdateSQL is lastPostUpdate for each dialect: on PostgreSQL it
// also moves the thread's content version, which the insert trigger
// leaves to it (threadCounted), so a reply updates the thread's row once.
var lastPostUpdateSQL = map[bool]string{
	true:  strings.Replace(lastPostUpdate, "SET ", "SET content_version = content_version + 1, ", 1),
	false: lastPostUpdate,
}

// lastPostUpdate counts a reply on its thread and makes it the thread's
// last post unless a later one is already there. Two replies commit in
// either order on PostgreSQL (ids come from a sequence before the row
// lock is taken), so "last" is decided by id under the lock, not by
// whichever update ran last.
const lastPostUpdate = `UPDATE threads SET reply_count = reply_count + 1,
	last_post_id = CASE WHEN COALESCE(last_post_id, 0) < ? THEN ? ELSE last_post_id END,
	last_author_id = CASE WHEN COALESCE(last_post_id, 0) < ? THEN ? ELSE last_author_id END,
	last_anonymous = CASE WHEN COALESCE(last_post_id, 0) < ? THEN ? ELSE last_anonymous END,
	last_post_at = CASE WHEN COALESCE(last_post_id, 0) < ? THEN ? ELSE last_post_at END,
	updated_at = CASE WHEN COALESCE(last_post_id, 0) < ? THEN ? ELSE updated_at END
	WHERE id = ?`
