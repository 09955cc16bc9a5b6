package store

import (
	"time"

	"hearth/pkg/forum"
)

// Publish implements moderation.Tx. Posting leaves a held post out of its
// thread's and group's counters (hearth/pkg/store's bumpCounters) and
// notifies nobody; when a moderator lets it through it is counted and
// notified as if it had just been posted. Mentions were not kept with the
// held post, so only the parent's author and the thread's followers hear.
func (t *modTx) Publish(postID int64, at time.Time) error {
	var p forum.Post
	if err := t.tx.Where("id = ?", postID).Take(&p).Error; err != nil {
		return translate(err)
	}
	var th forum.Thread
	if err := t.tx.Where("id = ?", p.ThreadID).Take(&th).Error; err != nil {
		return translate(err)
	}
	opening := th.FirstPostID != nil && *th.FirstPostID == p.ID
	if !opening {
		err := t.tx.Exec(`UPDATE threads SET reply_count = reply_count + 1, updated_at = ?,
			last_post_id = CASE WHEN last_post_at <= ? THEN ? ELSE last_post_id END,
			last_author_id = CASE WHEN last_post_at <= ? THEN ? ELSE last_author_id END,
			last_anonymous = CASE WHEN last_post_at <= ? THEN ? ELSE last_anonymous END,
			last_post_at = CASE WHEN last_post_at <= ? THEN ? ELSE last_post_at END
			WHERE id = ?`, at, p.CreatedAt, p.ID, p.CreatedAt, p.AuthorID, p.CreatedAt, p.Anonymous, p.CreatedAt, p.CreatedAt, th.ID).Error
		if err != nil {
			return translate(err)
		}
	}
	threads := 0
	if opening {
		threads = 1
	}
	err := t.tx.Exec(`UPDATE groups SET post_count = post_count + 1, thread_count = thread_count + ?,
		last_activity_at = CASE WHEN last_activity_at IS NULL OR last_activity_at < ? THEN ? ELSE last_activity_at END
		WHERE id = ?`, threads, p.CreatedAt, p.CreatedAt, p.GroupID).Error
	if err != nil {
		return translate(err)
	}
	if p.AuthorID == nil {
		return nil
	}
	var parent forum.Post
	if p.ParentID != nil {
		if err := t.tx.Where("id = ?", *p.ParentID).Take(&parent).Error; err != nil {
			return translate(err)
		}
	}
	var b writeBatch
	if err := notifyPost(t.tx, &b, &p, &parent, nil); err != nil {
		return translate(err)
	}
	return translate(b.exec(t.tx))
}
