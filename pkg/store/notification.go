package store

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"hearth/pkg/forum"
)

// notifyPost writes the notifications a new visible post causes, inside its
// transaction: its parent's author ("reply"), members it mentions
// ("mention") and the thread's followers ("thread_reply"), one per member,
// in that order of precedence. Nobody is notified about their own post, and
// members who muted the thread are not notified at all.
//
// The followers' notifications (about 35 a reply) are one INSERT ...
// SELECT, so their rows never pass through Go: no query for the followers,
// no loop, and no multi-row insert whose text changes with their number.
// What remains of the cost is the rows' own index writes.
func notifyPost(tx *gorm.DB, p *forum.Post, parent *forum.Post, mentionKeys []string) error {
	author := *p.AuthorID
	kinds := map[int64]string{}
	var order []int64
	add := func(uid int64, kind string) {
		if uid == 0 || uid == author {
			return
		}
		if _, ok := kinds[uid]; ok {
			return
		}
		kinds[uid] = kind
		order = append(order, uid)
	}
	if parent != nil && parent.ID != 0 && parent.AuthorID != nil {
		add(*parent.AuthorID, forum.NoteReply)
	}
	if len(mentionKeys) > 0 {
		var ids []int64
		if err := tx.Table("users").Where("username_key IN ?", mentionKeys).Pluck("id", &ids).Error; err != nil {
			return err
		}
		for _, id := range ids {
			add(id, forum.NoteMention)
		}
	}
	if len(order) > 0 {
		// Members who muted the thread hear nothing of it, and members who
		// blocked the author hear nothing about their posts (hearth/pkg/forum's
		// Block).
		var quiet []int64
		if err := tx.Raw(`SELECT user_id FROM subscriptions WHERE thread_id = ? AND state = ? AND user_id IN ?
			UNION SELECT blocker_id FROM blocks WHERE blocked_id = ? AND blocker_id IN ?`,
			p.ThreadID, forum.SubMute, order, author, order).Scan(&quiet).Error; err != nil {
			return err
		}
		var notes []forum.Notification
		for _, uid := range order {
			if !slices.Contains(quiet, uid) {
				notes = append(notes, forum.Notification{UserID: uid, Kind: kinds[uid], ActorID: p.AuthorID, PostID: p.ID, ThreadID: p.ThreadID, CreatedAt: p.CreatedAt})
			}
		}
		if len(notes) > 0 {
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&notes).Error; err != nil {
				return err
			}
		}
	}
	// The followers, but not the author, not members who blocked the
	// author, and not those already told of this post as its parent's
	// author or as mentioned (the precedence above).
	return tx.Exec(`INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
		SELECT s.user_id, ?, ?, ?, ?, '', ? FROM subscriptions s
		WHERE s.thread_id = ? AND s.state = ? AND s.user_id <> ?
			AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = s.user_id AND b.blocked_id = ?)
			AND NOT EXISTS (SELECT 1 FROM notifications x WHERE x.user_id = s.user_id AND x.post_id = ?)
		ON CONFLICT DO NOTHING`,
		forum.NoteThreadReply, author, p.ID, p.ThreadID, p.CreatedAt,
		p.ThreadID, forum.SubFollow, author, author, p.ID).Error
}

// visibleNoteFilter restricts a notification query to posts and threads a
// member may still see and whose tags they do not hide.
func visibleNoteFilter(q *gorm.DB, hide []string) *gorm.DB {
	q = q.Where("p.status = ? AND t.status IN ?", forum.StatusVisible, []string{forum.StatusVisible, forum.StatusRedacted})
	for _, slug := range hide {
		q = q.Where("p.tags NOT LIKE ? AND t.tags NOT LIKE ?", forum.Pattern(slug), forum.Pattern(slug))
	}
	return q
}

// Notifications implements forum.PostingStore.
func (s *Forum) Notifications(ctx context.Context, q forum.NotificationQuery) ([]forum.NotificationRow, error) {
	tx := s.db.read(ctx).Table("notifications n").
		Select("n.*, u.username AS actor_name, t.title AS thread_title, p.tags AS post_tags, t.tags AS thread_tags, p.body_md AS post_body").
		Joins("JOIN posts p ON p.id = n.post_id").
		Joins("JOIN threads t ON t.id = n.thread_id").
		Joins("LEFT JOIN users u ON u.id = n.actor_id").
		Where("n.user_id = ?", q.UserID)
	tx = visibleNoteFilter(tx, q.HideTags)
	if q.Before > 0 {
		tx = tx.Where("n.id < ?", q.Before)
	}
	var rows []forum.NotificationRow
	if err := tx.Order("n.id DESC").Limit(q.Limit + 1).Find(&rows).Error; err != nil {
		return nil, translate(err)
	}
	return rows, nil
}

// unreadCountQuery counts a member's unread notifications, stopping at
// forum.UnreadCountCap rows so its cost does not grow with a backlog: the
// partial index notifications_unread (user_id) WHERE read_at IS NULL finds
// the unread rows, and each is joined to its post and thread by primary
// key. It applies the notifications page's filter (visibleNoteFilter) in
// one fixed statement: the member's hidden tags come from tag_prefs in the
// query, matched with the same LIKE pattern as forum.Pattern, so the text
// never changes with their number. Blocks are applied when notifications
// are written.
const unreadCountQuery = `SELECT COUNT(*) FROM (
	SELECT 1 FROM notifications n
	JOIN posts p ON p.id = n.post_id
	JOIN threads t ON t.id = n.thread_id
	WHERE n.user_id = ? AND n.read_at IS NULL AND p.status = ? AND t.status IN (?, ?)
		AND NOT EXISTS (SELECT 1 FROM tag_prefs tp WHERE tp.user_id = n.user_id AND tp.mode = ?
			AND (p.tags LIKE '%,' || tp.tag_slug || ',%' OR t.tags LIKE '%,' || tp.tag_slug || ',%'))
	LIMIT ?) AS unread`

// UnreadCount implements forum.PostingStore.
func (s *Forum) UnreadCount(ctx context.Context, userID int64) (int, error) {
	var n int
	err := scanRows(s.db.read(ctx), unreadCountQuery,
		[]any{userID, forum.StatusVisible, forum.StatusVisible, forum.StatusRedacted, forum.ModeHide, forum.UnreadCountCap},
		func(r *sql.Rows) error { return r.Scan(&n) })
	return n, translate(err)
}

// MarkRead implements forum.PostingStore.
func (s *Forum) MarkRead(ctx context.Context, userID, upTo int64, now time.Time) error {
	q := s.db.write(ctx).Model(&forum.Notification{}).Where("user_id = ? AND read_at IS NULL", userID)
	if upTo > 0 {
		q = q.Where("id <= ?", upTo)
	}
	return translate(q.Update("read_at", now).Error)
}

// Subscription implements forum.PostingStore.
func (s *Forum) Subscription(ctx context.Context, userID, threadID int64) (string, error) {
	var state string
	err := scanRows(s.db.read(ctx), "SELECT state FROM subscriptions WHERE user_id = ? AND thread_id = ?",
		[]any{userID, threadID}, func(r *sql.Rows) error { return r.Scan(&state) })
	return state, translate(err)
}

// SetSubscription implements forum.PostingStore.
func (s *Forum) SetSubscription(ctx context.Context, userID, threadID int64, state string, now time.Time) error {
	if state == "" {
		return translate(s.db.write(ctx).Where("user_id = ? AND thread_id = ?", userID, threadID).Delete(&forum.Subscription{}).Error)
	}
	sub := forum.Subscription{UserID: userID, ThreadID: threadID, State: state, CreatedAt: now, UpdatedAt: now}
	return translate(s.db.write(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "user_id"}, {Name: "thread_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"state", "updated_at"}),
	}).Create(&sub).Error)
}

// TagPrefs implements forum.PostingStore.
func (s *Forum) TagPrefs(ctx context.Context, userID int64) ([]forum.TagPref, error) {
	var ps []forum.TagPref
	err := scanRows(s.db.read(ctx), "SELECT user_id, tag_slug, mode, updated_at FROM tag_prefs WHERE user_id = ? ORDER BY tag_slug",
		[]any{userID}, func(r *sql.Rows) error {
			var p forum.TagPref
			if err := r.Scan(&p.UserID, &p.TagSlug, &p.Mode, &p.UpdatedAt); err != nil {
				return err
			}
			ps = append(ps, p)
			return nil
		})
	return ps, translate(err)
}

// SetTagPrefs implements forum.PostingStore.
func (s *Forum) SetTagPrefs(ctx context.Context, userID int64, prefs forum.Prefs, now time.Time) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("user_id = ?", userID).Delete(&forum.TagPref{}).Error; err != nil {
			return err
		}
		var rows []forum.TagPref
		for slug, mode := range prefs {
			rows = append(rows, forum.TagPref{UserID: userID, TagSlug: slug, Mode: mode, UpdatedAt: now})
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.Create(&rows).Error
	})
}
