package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
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
// The followers' notifications are one INSERT ... SELECT, so their rows
// never pass through Go: no query for the followers, no loop, and no
// multi-row insert whose text changes with their number. A follower has at
// most one unread notice per thread (migration 17), so on a busy thread it
// usually inserts nothing, and a reply costs about one index probe per
// follower.
//
// Every notice is a part of b, after the author's subscription and before
// the thread's counters. On PostgreSQL the notices' statements return
// their members, and one more part appends those members' notice marks
// (migration 25); the post's insert named the post in hearth.post_marked,
// so the notification trigger, which would mark them one row at a time,
// stands aside for them (migration 39).
func notifyPost(tx *gorm.DB, b *writeBatch, p *forum.Post, parent *forum.Post, mentionKeys []string) error {
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
	pg := tx.Dialector.Name() == "postgres"
	returning := ""
	if pg {
		returning = " RETURNING user_id"
	}
	var marked []string
	// Members who muted the thread hear nothing of it, and members who
	// blocked the author hear nothing about their posts (hearth/pkg/forum's
	// Block). An anonymous post's author is blocked from anonymous posts
	// too. One fixed single-row statement each, with those tests in it
	// (usually only the parent's author is left).
	for _, uid := range order {
		marked = append(marked, b.add(directNotice+returning, uid, kinds[uid], author, p.ID, p.ThreadID, p.CreatedAt,
			p.ThreadID, uid, forum.SubMute, uid, author, p.Anonymous, uid, author))
	}
	// The followers, but not the author, not members who blocked the
	// author, and not those told of this post on their own above (the
	// precedence above; a member told on their own who follows the thread
	// and was not written a notice muted nothing and blocked the author,
	// so the tests here leave them out too). A follower who still
	// has an unread notice for the thread gets nothing new: that notice
	// stands for every reply from its post on (followWindow), and the
	// partial unique index notifications_following makes the insert do
	// nothing for them, with no race between replies. The same test comes
	// first in the query too, so that for most followers one probe of that
	// index is all the reply costs.
	//
	// Each test is one index probe per follower. On PostgreSQL, OFFSET 0
	// keeps every NOT EXISTS a probe instead of letting the planner turn it
	// into a join: with statistics taken while few notices were unread it
	// would otherwise scan every unread notice of every member, on every
	// reply.
	q := followersInsert
	if pg {
		q = strings.ReplaceAll(q, "{{PROBE}}", " OFFSET 0")
	} else {
		q = strings.ReplaceAll(q, "{{PROBE}}", "")
	}
	// The author stands in for an empty list: the query leaves them out
	// anyway, and the statement keeps one text for a reply to the thread.
	told := append([]int64{author}, order...)
	marked = append(marked, b.add(q+returning, forum.NoteThreadReply, author, p.ID, p.ThreadID, p.CreatedAt,
		p.ThreadID, forum.SubFollow, author, told, author, p.Anonymous, author))
	var from []string
	for _, w := range marked {
		from = append(from, "SELECT user_id FROM "+w)
	}
	b.addPG("INSERT INTO notice_marks (user_id) " + strings.Join(from, " UNION "))
	return nil
}

// directNotice writes the notice of a new post to one member told of it
// on its own (its parent's author, a member it mentions), unless they
// muted the thread or blocked its author (notifyPost).
const directNotice = `INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
	SELECT ?, ?, ?, ?, ?, '', ?
	WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.thread_id = ? AND s.user_id = ? AND s.state = ?)
		AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = ? AND b.blocked_id = ?)
		AND NOT (? AND EXISTS (SELECT 1 FROM anonymous_blocks ab WHERE ab.blocker_id = ? AND ab.blocked_id = ?))
	ON CONFLICT DO NOTHING`

// followersInsert writes the followers' notices of a new post (notifyPost).
const followersInsert = `INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
	SELECT s.user_id, ?, ?, ?, ?, '', ? FROM subscriptions s
	WHERE s.thread_id = ? AND s.state = ? AND s.user_id <> ? AND s.user_id NOT IN ?
		AND NOT EXISTS (SELECT 1 FROM notifications y WHERE y.thread_id = s.thread_id AND y.user_id = s.user_id
			AND y.read_at IS NULL AND y.kind = '` + forum.NoteThreadReply + `'{{PROBE}})
		AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = s.user_id AND b.blocked_id = ?{{PROBE}})
		AND NOT (? AND EXISTS (SELECT 1 FROM anonymous_blocks ab WHERE ab.blocker_id = s.user_id AND ab.blocked_id = ?{{PROBE}}))
	ON CONFLICT DO NOTHING`

// followWindow is the condition for a post q to count in a followed-thread
// notice n ("thread_reply"): a post in n's thread from n's own post on
// (until the member read the notice, for a read one) that the member can
// see: visible, not their own, not by a member they block, without a tag
// they hide, and not one they were told of on its own as a reply to them
// or a mention. Past the notice's own post, only while they still follow
// the thread, so muting or unfollowing stops the count. Blocks and tags
// are applied here, when the notice is read, because the notice was
// written before the later replies existed. "q.id + 0" keeps the planner
// on the thread's index: on PostgreSQL, with a member's 2,000 unread
// notices, it otherwise ANDs a range of the primary key (tens of thousands
// of rows) into every probe, and the stability check took 12 s, not 0.8 s.
const followWindow = `q.thread_id = n.thread_id AND q.id + 0 >= n.post_id
	AND (n.read_at IS NULL OR q.created_at <= n.read_at)
	AND q.status = '` + forum.StatusVisible + `'
	AND (q.author_id IS NULL OR q.author_id <> n.user_id)
	AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = n.user_id AND b.blocked_id = q.author_id)
	AND NOT (q.anonymous AND EXISTS (SELECT 1 FROM anonymous_blocks ab WHERE ab.blocker_id = n.user_id AND ab.blocked_id = q.author_id))
	AND NOT EXISTS (SELECT 1 FROM tag_prefs tp WHERE tp.user_id = n.user_id AND tp.mode = '` + forum.ModeHide + `'
		AND q.tags LIKE '%,' || tp.tag_slug || ',%')
	AND NOT EXISTS (SELECT 1 FROM notifications x WHERE x.user_id = n.user_id AND x.post_id = q.id
		AND x.kind <> '` + forum.NoteThreadReply + `')
	AND (q.id = n.post_id OR EXISTS (SELECT 1 FROM subscriptions s
		WHERE s.user_id = n.user_id AND s.thread_id = n.thread_id AND s.state = '` + forum.SubFollow + `'))`

// noteVisible is the condition for a notification n to be listed and
// counted, besides its thread's status and tags: a followed-thread notice
// while any post in its window is there for the member to read, any other
// notification while its own post is visible and carries no tag they
// hide. postTagsHidden is the "p.tags does not carry a hidden tag" test.
func noteVisible(postTagsHidden string) string {
	return `((n.kind = '` + forum.NoteThreadReply + `' AND EXISTS (SELECT 1 FROM posts q WHERE ` + followWindow + `))
		OR (n.kind <> '` + forum.NoteThreadReply + `' AND p.status = '` + forum.StatusVisible + `'` + postTagsHidden + `))`
}

// Notifications implements forum.PostingStore. A followed-thread notice
// comes back as the first post of its window the member can see, with the
// number of such posts (followWindow).
func (s *Forum) Notifications(ctx context.Context, q forum.NotificationQuery) ([]forum.NotificationRow, error) {
	postTags := ""
	var args []any
	for _, slug := range q.HideTags {
		postTags += " AND p.tags NOT LIKE ?"
		args = append(args, forum.Pattern(slug))
	}
	tx := s.db.read(ctx).Table("notifications n").
		Select("n.*, u.username AS actor_name, t.title AS thread_title, p.tags AS post_tags, t.tags AS thread_tags, p.body_md AS post_body, "+
			"t.group_id AS post_group_id, p.crisis_folded AS post_folded, p.crisis_topic AS post_topic, p.anonymous AS post_anonymous").
		Joins("JOIN posts p ON p.id = n.post_id").
		Joins("JOIN threads t ON t.id = n.thread_id").
		Joins("LEFT JOIN users u ON u.id = n.actor_id").
		Where("n.user_id = ?", q.UserID).
		Where("t.status IN ?", []string{forum.StatusVisible, forum.StatusRedacted})
	for _, slug := range q.HideTags {
		tx = tx.Where("t.tags NOT LIKE ?", forum.Pattern(slug))
	}
	tx = tx.Where(noteVisible(postTags), args...)
	if q.Before > 0 {
		tx = tx.Where("n.id < ?", q.Before)
	}
	var rows []forum.NotificationRow
	if err := tx.Order("n.id DESC").Limit(q.Limit + 1).Find(&rows).Error; err != nil {
		return nil, translate(err)
	}
	return rows, translate(s.followWindows(ctx, rows))
}

// followWindows fills in, for the followed-thread notices among rows, the
// first post of the window the member can see (its author, words and tags
// replace the notice's own post's) and how many posts the window holds:
// one query for the whole page.
func (s *Forum) followWindows(ctx context.Context, rows []forum.NotificationRow) error {
	at := map[int64]int{}
	var ids []int64
	for i := range rows {
		rows[i].ShownPostID = rows[i].PostID
		if rows[i].Kind == forum.NoteThreadReply {
			at[rows[i].ID] = i
			ids = append(ids, rows[i].ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return scanRows(s.db.read(ctx), `SELECT w.id, w.posts, p.id, p.author_id, COALESCE(u.username, ''), p.body_md, p.tags,
		p.crisis_folded, p.crisis_topic, p.anonymous
		FROM (SELECT n.id,
				(SELECT MIN(q.id) FROM posts q WHERE `+followWindow+`) AS first_id,
				(SELECT COUNT(*) FROM posts q WHERE `+followWindow+`) AS posts
			FROM notifications n WHERE n.id IN ?) w
		JOIN posts p ON p.id = w.first_id
		LEFT JOIN users u ON u.id = p.author_id`, []any{ids}, func(r *sql.Rows) error {
		var id int64
		var shown forum.NotificationRow
		if err := r.Scan(&id, &shown.NewReplies, &shown.ShownPostID, &shown.ActorID, &shown.ActorName, &shown.PostBody, &shown.PostTags,
			&shown.PostFolded, &shown.PostTopic, &shown.PostAnonymous); err != nil {
			return err
		}
		row := &rows[at[id]]
		row.NewReplies, row.ShownPostID, row.ActorID, row.ActorName, row.PostBody, row.PostTags =
			shown.NewReplies, shown.ShownPostID, shown.ActorID, shown.ActorName, shown.PostBody, shown.PostTags
		row.PostFolded, row.PostTopic, row.PostAnonymous = shown.PostFolded, shown.PostTopic, shown.PostAnonymous
		return nil
	})
}

// unreadWindow is a member's newest forum.UnreadScanLimit unread
// notifications, read newest first from the partial index
// notifications_unread_newest (user_id, id) WHERE read_at IS NULL: the
// count and its stability check read no further, however many notices
// they cannot see wait unread behind these (hidden tags, removed posts).
var unreadWindow = `(SELECT id, user_id, kind, post_id, thread_id, read_at FROM notifications
	WHERE user_id = ? AND read_at IS NULL ORDER BY id DESC LIMIT ` + strconv.Itoa(forum.UnreadScanLimit) + `) n`

// unreadCountQuery counts the unread notifications of the window, stopping
// at forum.UnreadCountCap rows; each is joined to its post and thread by
// primary key. It applies the notifications page's filter (noteVisible) in
// one fixed statement: the member's hidden tags come from tag_prefs in the
// query, matched with the same LIKE pattern as forum.Pattern, so the text
// never changes with their number.
var unreadCountQuery = `SELECT COUNT(*) FROM (
	SELECT 1 FROM ` + unreadWindow + `
	JOIN posts p ON p.id = n.post_id
	JOIN threads t ON t.id = n.thread_id
	WHERE t.status IN (?, ?)
		AND NOT EXISTS (SELECT 1 FROM tag_prefs tp WHERE tp.user_id = n.user_id AND tp.mode = ?
			AND t.tags LIKE '%,' || tp.tag_slug || ',%')
		AND ` + noteVisible(`
		AND NOT EXISTS (SELECT 1 FROM tag_prefs tp WHERE tp.user_id = n.user_id AND tp.mode = '`+forum.ModeHide+`'
			AND p.tags LIKE '%,' || tp.tag_slug || ',%')`) + `
	LIMIT ?) AS unread`

// unsettledQuery finds an unread followed-thread notice of the window with
// no post in its window they can see: the next reply in its thread would
// make it count without writing a row of theirs, so their count is not
// kept (forum.Unread.Stable). A notice older than the window is not
// counted, revived or not.
var unsettledQuery = `SELECT 1 FROM ` + unreadWindow + `
	WHERE n.kind = '` + forum.NoteThreadReply + `'
		AND NOT EXISTS (SELECT 1 FROM posts q WHERE ` + followWindow + `)`

// beyondWindowQuery finds an unread notification older than the window
// (forum.Unread.More), reading forum.UnreadScanLimit+1 index entries.
var beyondWindowQuery = `SELECT 1 FROM notifications WHERE user_id = ? AND read_at IS NULL
	ORDER BY id DESC LIMIT 1 OFFSET ` + strconv.Itoa(forum.UnreadScanLimit)

// unreadQuery reads the count, whether it is stable and whether older
// notices may add to it, in one statement. A count at
// forum.UnreadCountCap is stable and complete without looking further: a
// reply reviving a notice can only add to it, and it shows "99+" already.
// So the other two are looked for only while fewer than the cap count, and
// no part reads more than forum.UnreadScanLimit notices, whatever the
// backlog. CASE, unlike OR, is sure to evaluate its branches only as
// needed on both databases.
var unreadQuery = `SELECT u.c,
		CASE WHEN u.c >= ? THEN 1 WHEN EXISTS (` + unsettledQuery + `) THEN 0 ELSE 1 END,
		CASE WHEN u.c >= ? THEN 0 WHEN EXISTS (` + beyondWindowQuery + `) THEN 1 ELSE 0 END
	FROM (SELECT (` + unreadCountQuery + `) AS c) u`

// UnreadCount implements forum.PostingStore.
func (s *Forum) UnreadCount(ctx context.Context, userID int64) (forum.Unread, error) {
	var u forum.Unread
	var stable, more int
	err := scanRows(s.db.read(ctx), unreadQuery,
		[]any{forum.UnreadCountCap, userID, forum.UnreadCountCap, userID,
			userID, forum.StatusVisible, forum.StatusRedacted, forum.ModeHide, forum.UnreadCountCap},
		func(r *sql.Rows) error { return r.Scan(&u.Count, &stable, &more) })
	u.More = more == 1
	u.Stable = stable == 1 && !u.More
	return u, translate(err)
}

// MarkRead implements forum.PostingStore. A followed-thread notice marked
// read stops covering the replies after seen (the newest post the member's
// page could show): for each, the first later reply in its thread starts a
// new unread notice, so a reply that arrived while the member was reading
// is not lost with the notice.
func (s *Forum) MarkRead(ctx context.Context, userID, upTo, seen int64, now time.Time) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		if upTo <= 0 {
			if err := tx.Raw("SELECT COALESCE(MAX(id), 0) FROM notifications WHERE user_id = ?", userID).Row().Scan(&upTo); err != nil {
				return err
			}
		}
		var threads []int64
		if seen > 0 {
			if err := tx.Model(&forum.Notification{}).
				Where("user_id = ? AND read_at IS NULL AND kind = ? AND id <= ?", userID, forum.NoteThreadReply, upTo).
				Pluck("thread_id", &threads).Error; err != nil {
				return err
			}
		}
		if err := tx.Model(&forum.Notification{}).Where("user_id = ? AND read_at IS NULL AND id <= ?", userID, upTo).
			Update("read_at", now).Error; err != nil {
			return err
		}
		if len(threads) == 0 {
			return nil
		}
		// The new notice's own post may be one the member cannot see; its
		// window (followWindow) decides what it shows, as for any notice.
		return tx.Exec(`INSERT INTO notifications (user_id, kind, actor_id, post_id, thread_id, reaction, created_at)
			SELECT ?, ?, p.author_id, p.id, p.thread_id, '', p.created_at
			FROM (SELECT (SELECT MIN(q.id) FROM posts q WHERE q.thread_id = t.id AND q.id > ?
					AND (q.author_id IS NULL OR q.author_id <> ?)) AS first_id
				FROM threads t WHERE t.id IN ?) w
			JOIN posts p ON p.id = w.first_id
			WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = ? AND s.thread_id = p.thread_id AND s.state = ?)
			ON CONFLICT DO NOTHING`,
			userID, forum.NoteThreadReply, seen, userID, threads, userID, forum.SubFollow).Error
	})
}

// LatestPostID implements forum.PostingStore.
func (s *Forum) LatestPostID(ctx context.Context) (int64, error) {
	var id int64
	err := scanRows(s.db.read(ctx), "SELECT COALESCE(MAX(id), 0) FROM posts", nil,
		func(r *sql.Rows) error { return r.Scan(&id) })
	return id, translate(err)
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
