package store

import (
	"time"

	"gorm.io/gorm"

	"hearth/pkg/events"
	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// modTx implements moderation.Tx on one write transaction. Each
// conditional update reports whether it changed a row; on PostgreSQL a
// second transaction waiting on the same row re-checks the condition once
// the first commits, so exactly one of them wins.
type modTx struct {
	tx *gorm.DB
	// redacted is set when the transaction redacts, so the commit is
	// followed by a checkpoint (Moderation.Atomic).
	redacted bool
}

var _ moderation.Tx = (*modTx)(nil)

func changed(res *gorm.DB) (bool, error) {
	if res.Error != nil {
		return false, translate(res.Error)
	}
	return res.RowsAffected > 0, nil
}

// LockPost implements moderation.Tx. Setting a column to itself takes the
// row lock on PostgreSQL (SQLite's write transaction already holds the
// database) and fires no search trigger.
func (t *modTx) LockPost(postID int64) error {
	return translate(t.tx.Exec("UPDATE posts SET updated_at = updated_at WHERE id = ?", postID).Error)
}

// ClaimItem implements moderation.Tx.
func (t *modTx) ClaimItem(id, actorID int64, resolution string, at time.Time) (bool, error) {
	return changed(t.tx.Model(&moderation.QueueItem{}).Where("id = ? AND status = ?", id, moderation.StatusOpen).
		Updates(map[string]any{"status": moderation.StatusHandled, "handled_by": actorID, "handled_at": at, "resolution": resolution, "updated_at": at}))
}

// Item implements moderation.Tx.
func (t *modTx) Item(id int64) (moderation.QueueItem, error) {
	var it moderation.QueueItem
	return it, translate(t.tx.Where("id = ?", id).Take(&it).Error)
}

// CloseItems implements moderation.Tx.
func (t *modTx) CloseItems(postID, actorID int64, resolution string, at time.Time, kinds ...string) error {
	q := t.tx.Model(&moderation.QueueItem{}).Where("post_id = ? AND status = ?", postID, moderation.StatusOpen)
	if len(kinds) > 0 {
		q = q.Where("kind IN ?", kinds)
	}
	return translate(q.Updates(map[string]any{"status": moderation.StatusHandled, "handled_by": actorID, "handled_at": at, "resolution": resolution, "updated_at": at}).Error)
}

// Record implements moderation.Tx.
func (t *modTx) Record(e events.Event) error { return recordEvent(t.tx, e) }

// HasOpenItem implements moderation.Tx.
func (t *modTx) HasOpenItem(postID int64, kind string) (bool, error) {
	var n int64
	err := t.tx.Model(&moderation.QueueItem{}).Where("post_id = ? AND kind = ? AND status = ?", postID, kind, moderation.StatusOpen).Count(&n).Error
	return n > 0, translate(err)
}

// Unfold implements moderation.Tx.
func (t *modTx) Unfold(postID int64) (bool, error) {
	return changed(t.tx.Model(&forum.Post{}).Where("id = ? AND crisis_folded = ?", postID, true).Update("crisis_folded", false))
}

// CloseReports implements moderation.Tx.
func (t *modTx) CloseReports(postID int64, wellbeing bool, at time.Time) error {
	q := t.tx.Model(&moderation.Report{}).Where("post_id = ? AND status = ?", postID, moderation.StatusOpen)
	if wellbeing {
		q = q.Where("reason = ?", moderation.ReasonWellbeing)
	} else {
		q = q.Where("reason <> ?", moderation.ReasonWellbeing)
	}
	return translate(q.Updates(map[string]any{"status": moderation.StatusHandled, "handled_at": at}).Error)
}

// LastAudit implements moderation.Tx.
func (t *modTx) LastAudit(targetType string, targetID int64) (moderation.AuditEntry, error) {
	var e moderation.AuditEntry
	err := t.tx.Where("target_type = ? AND target_id = ?", targetType, targetID).Order("id DESC").Take(&e).Error
	return e, translate(err)
}

// Audit implements moderation.Tx.
func (t *modTx) Audit(e *moderation.AuditEntry) error { return translate(t.tx.Create(e).Error) }

// Notify implements moderation.Tx.
func (t *modTx) Notify(n *moderation.Notice) error { return translate(t.tx.Create(n).Error) }

// SetPostStatus implements moderation.Tx.
func (t *modTx) SetPostStatus(postID int64, from []string, to, reason string, at time.Time) (bool, error) {
	return changed(t.tx.Model(&forum.Post{}).Where("id = ? AND status IN ?", postID, from).
		Updates(map[string]any{"status": to, "status_reason": reason, "updated_at": at}))
}

// SetThreadStatus implements moderation.Tx.
func (t *modTx) SetThreadStatus(threadID int64, from []string, to string, at time.Time) (bool, error) {
	return changed(t.tx.Model(&forum.Thread{}).Where("id = ? AND status IN ?", threadID, from).
		Updates(map[string]any{"status": to, "updated_at": at}))
}

// ClaimPostText implements moderation.Tx. The no-op update takes the row
// lock before the text is read, so the hash is of the text being replaced.
func (t *modTx) ClaimPostText(postID int64, at time.Time) (forum.Post, bool, error) {
	ok, err := changed(t.tx.Model(&forum.Post{}).Where("id = ? AND status <> ?", postID, forum.StatusRedacted).Update("updated_at", at))
	if err != nil || !ok {
		return forum.Post{}, false, err
	}
	var p forum.Post
	return p, true, translate(t.tx.Where("id = ?", postID).Take(&p).Error)
}

// ClaimThreadText implements moderation.Tx.
func (t *modTx) ClaimThreadText(threadID int64, at time.Time) (forum.Thread, bool, error) {
	ok, err := changed(t.tx.Model(&forum.Thread{}).Where("id = ? AND status <> ?", threadID, forum.StatusRedacted).Update("updated_at", at))
	if err != nil || !ok {
		return forum.Thread{}, false, err
	}
	var th forum.Thread
	return th, true, translate(t.tx.Where("id = ?", threadID).Take(&th).Error)
}

// RedactPost implements moderation.Tx. The search index follows the post's
// status and body through triggers (migration 0013); notifications hold no
// text; revisions are deleted here. The version moves on so an edit that
// was in flight cannot write the old words back.
func (t *modTx) RedactPost(postID int64, md, html, reason string, at time.Time) error {
	t.redacted = true
	err := t.tx.Model(&forum.Post{}).Where("id = ?", postID).Updates(map[string]any{
		"body_md": md, "body_html": html, "status": forum.StatusRedacted, "status_reason": reason,
		"version": gorm.Expr("version + 1"), "updated_at": at,
	}).Error
	if err != nil {
		return translate(err)
	}
	return translate(t.tx.Exec("DELETE FROM post_revisions WHERE post_id = ?", postID).Error)
}

// RedactThread implements moderation.Tx.
func (t *modTx) RedactThread(threadID int64, title, lockReason string, at time.Time) error {
	t.redacted = true
	return translate(t.tx.Model(&forum.Thread{}).Where("id = ?", threadID).Updates(map[string]any{
		"title": title, "status": forum.StatusRedacted, "locked": true, "lock_reason": lockReason, "updated_at": at,
	}).Error)
}

// SetLocked implements moderation.Tx.
func (t *modTx) SetLocked(threadID int64, locked bool, reason string, at time.Time) (bool, error) {
	return changed(t.tx.Model(&forum.Thread{}).Where("id = ? AND locked = ?", threadID, !locked).
		Updates(map[string]any{"locked": locked, "lock_reason": reason, "updated_at": at}))
}

// SetPinned implements moderation.Tx.
func (t *modTx) SetPinned(threadID int64, pinned bool, at time.Time) (bool, error) {
	return changed(t.tx.Model(&forum.Thread{}).Where("id = ? AND pinned = ?", threadID, !pinned).
		Updates(map[string]any{"pinned": pinned, "updated_at": at}))
}

// MoveThread implements moderation.Tx.
func (t *modTx) MoveThread(threadID, from, to int64, at time.Time) (bool, error) {
	ok, err := changed(t.tx.Model(&forum.Thread{}).Where("id = ? AND group_id = ?", threadID, from).
		Updates(map[string]any{"group_id": to, "updated_at": at}))
	if err != nil || !ok {
		return false, err
	}
	var th forum.Thread
	if err := t.tx.Where("id = ?", threadID).Take(&th).Error; err != nil {
		return false, translate(err)
	}
	var posts int64
	if err := t.tx.Model(&forum.Post{}).Where("thread_id = ? AND status IN ?", threadID, countedStatuses).Count(&posts).Error; err != nil {
		return false, translate(err)
	}
	threads := 0
	if th.Status == forum.StatusVisible || th.Status == forum.StatusRedacted {
		threads = 1
	}
	for _, stmt := range []struct {
		sql  string
		args []any
	}{
		{"UPDATE posts SET group_id = ? WHERE thread_id = ?", []any{to, threadID}},
		{"UPDATE queue_items SET group_id = ? WHERE thread_id = ?", []any{to, threadID}},
		{"UPDATE reports SET group_id = ? WHERE thread_id = ?", []any{to, threadID}},
		{"UPDATE groups SET thread_count = thread_count - ?, post_count = post_count - ?, updated_at = ? WHERE id = ?", []any{threads, posts, at, from}},
		{"UPDATE groups SET thread_count = thread_count + ?, post_count = post_count + ?, updated_at = ?, last_activity_at = CASE WHEN last_activity_at IS NULL OR last_activity_at < ? THEN ? ELSE last_activity_at END WHERE id = ?",
			[]any{threads, posts, at, th.LastPostAt, th.LastPostAt, to}},
	} {
		if err := t.tx.Exec(stmt.sql, stmt.args...).Error; err != nil {
			return false, translate(err)
		}
	}
	return true, nil
}

// countedStatuses are the post statuses a group's post count includes.
var countedStatuses = []string{forum.StatusVisible, forum.StatusRedacted}

// SetPostTags implements moderation.Tx: the tags are written only while
// they are still from, so of two moderators saving over the same tags the
// second changes nothing and is told.
func (t *modTx) SetPostTags(postID int64, from, to forum.Tags, at time.Time) (bool, error) {
	return changed(t.tx.Model(&forum.Post{}).Where("id = ? AND tags = ?", postID, from).
		Updates(map[string]any{"tags": to, "updated_at": at}))
}

// SetThreadTags implements moderation.Tx, as SetPostTags.
func (t *modTx) SetThreadTags(threadID int64, from, to forum.Tags, at time.Time) (bool, error) {
	return changed(t.tx.Model(&forum.Thread{}).Where("id = ? AND tags = ?", threadID, from).
		Updates(map[string]any{"tags": to, "updated_at": at}))
}

// AddReport implements moderation.Tx.
func (t *modTx) AddReport(r *moderation.Report) error { return translate(t.tx.Create(r).Error) }

// UpsertItem implements moderation.Tx. The conflict target names the
// partial unique index of open items, on both dialects. The open item
// never ends below the new one's priority: a member's worry about a post
// already queued as a concern lifts it to the top.
func (t *modTx) UpsertItem(it *moderation.QueueItem, addPriority int) error {
	return translate(t.tx.Exec(`INSERT INTO queue_items (kind, post_id, thread_id, group_id, priority, detail, status, resolution, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, 'open', '', ?, ?)
		ON CONFLICT (post_id, kind) WHERE status = 'open'
		DO UPDATE SET priority = CASE WHEN queue_items.priority + ? >= excluded.priority THEN queue_items.priority + ? ELSE excluded.priority END,
			updated_at = excluded.updated_at`,
		it.Kind, it.PostID, it.ThreadID, it.GroupID, it.Priority, it.Detail, it.CreatedAt, it.UpdatedAt, addPriority, addPriority).Error)
}

// DistinctReporters implements moderation.Tx.
func (t *modTx) DistinctReporters(postID int64) (int, error) {
	var n int64
	err := t.tx.Model(&moderation.Report{}).
		Where("post_id = ? AND status = ? AND reason <> ? AND throttled = ? AND reporter_id IS NOT NULL", postID, moderation.StatusOpen, moderation.ReasonWellbeing, false).
		Distinct("reporter_id").Count(&n).Error
	return int(n), translate(err)
}

// LockUser implements moderation.Tx.
func (t *modTx) LockUser(userID int64, at time.Time) (moderation.Subject, error) {
	ok, err := changed(t.tx.Exec("UPDATE users SET updated_at = ? WHERE id = ?", at, userID))
	if err != nil {
		return moderation.Subject{}, err
	}
	if !ok {
		return moderation.Subject{}, forum.ErrNotFound
	}
	var sub moderation.Subject
	return sub, translate(t.tx.Table("users").Select(subjectColumns).Where("id = ?", userID).Take(&sub).Error)
}

// RecentSanction implements moderation.Tx.
func (t *modTx) RecentSanction(userID int64, kind string, since time.Time) (bool, error) {
	var n int64
	err := t.tx.Model(&moderation.Sanction{}).Where("user_id = ? AND kind = ? AND created_at >= ?", userID, kind, since).Count(&n).Error
	return n > 0, translate(err)
}

// AddSanction implements moderation.Tx.
func (t *modTx) AddSanction(s *moderation.Sanction) error { return translate(t.tx.Create(s).Error) }

// SetUserStatus implements moderation.Tx.
func (t *modTx) SetUserStatus(userID int64, status string, until *time.Time, reason string, at time.Time) error {
	return translate(t.tx.Exec("UPDATE users SET status = ?, status_until = ?, status_reason = ?, updated_at = ? WHERE id = ?",
		status, until, reason, at, userID).Error)
}

// LiftSanctions implements moderation.Tx.
func (t *modTx) LiftSanctions(userID int64, at time.Time) error {
	return translate(t.tx.Model(&moderation.Sanction{}).
		Where("user_id = ? AND kind IN ? AND lifted_at IS NULL", userID, []string{moderation.SanctionSuspension, moderation.SanctionBan}).
		Update("lifted_at", at).Error)
}

// EndSessions implements moderation.Tx.
func (t *modTx) EndSessions(userID int64) error {
	return translate(t.tx.Exec("DELETE FROM sessions WHERE user_id = ?", userID).Error)
}
