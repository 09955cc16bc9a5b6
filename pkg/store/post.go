package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"hearth/pkg/events"
	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// heldPriority is the queue priority of a held post, below reports;
// wellbeing items sort above everything (moderation.WellbeingPriority and
// the priorities below it).
const heldPriority = 0

// queueItem is the part of a moderator queue row that posting writes.
type queueItem struct {
	ID        int64     `gorm:"column:id;primaryKey"`
	Kind      string    `gorm:"column:kind"`
	PostID    int64     `gorm:"column:post_id"`
	ThreadID  int64     `gorm:"column:thread_id"`
	GroupID   int64     `gorm:"column:group_id"`
	Priority  int       `gorm:"column:priority"`
	Detail    string    `gorm:"column:detail"`
	Status    string    `gorm:"column:status"`
	CreatedAt time.Time `gorm:"column:created_at"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
}

func (queueItem) TableName() string { return "queue_items" }

// openItem opens a queue item unless one of the same kind is open already,
// and records event for the webhooks when it does.
func openItem(tx *gorm.DB, p *forum.Post, kind string, priority int, detail string, event events.Kind, now time.Time) error {
	it := queueItem{Kind: kind, PostID: p.ID, ThreadID: p.ThreadID, GroupID: p.GroupID, Priority: priority,
		Detail: detail, Status: "open", CreatedAt: now, UpdatedAt: now}
	res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&it)
	if res.Error != nil || res.RowsAffected == 0 {
		return res.Error
	}
	return recordEvent(tx, postEvent(event, p, now))
}

// Posting implements forum.PostingStore. On SQLite, posts written at the
// same moment share one commit (TxGrouped); each is acknowledged only once
// that commit is durable.
// A write may have appended a group tally (bumpCounters), which a fold
// outside the transaction moves into the group's row now and then.
func (s *Forum) Posting(ctx context.Context, fn func(tx forum.PostTx) error) error {
	if err := s.db.TxGrouped(ctx, func(tx *gorm.DB) error { return fn(postTx{tx}) }); err != nil {
		return err
	}
	s.db.folds.tallied(s.db)
	return s.db.postFault.take()
}

// PostByIdem implements forum.PostingStore. It reads from the writer, which
// has just seen the conflicting insert.
func (s *Forum) PostByIdem(ctx context.Context, authorID int64, key string) (forum.Post, bool, error) {
	return postTx{s.db.write(ctx)}.PostByIdem(authorID, key)
}

// postTx implements forum.PostTx on one write transaction. The reply
// path's statements are fixed SQL read and written by hand (scanRows): on
// SQLite they run on the one writer connection, so they skip GORM's
// statement building and reflection there.
type postTx struct{ tx *gorm.DB }

const (
	// idemQuery is a fixed probe of posts_idem; the whole post is read
	// only for a repeated submission.
	idemQuery = `SELECT id FROM posts WHERE author_id = ? AND idem_key = ?`
	// replyPlaceQuery reads the thread with its group and its opening
	// post, which a reply to the thread answers. The opening post is found
	// by primary key: asked for by parent_id IS NULL instead, PostgreSQL's
	// planner intersects the thread's posts with every opening post.
	// replyPlaceQuery and parentQuery also read whether the member
	// answered has blocked the writer (the first argument).
	replyPlaceQuery = `SELECT t.id, t.group_id, t.author_id, t.status, t.locked, t.lock_reason,
		g.id, g.slug, g.premod, g.premod_first_n, g.archived, g.allow_anonymous, o.id, o.sort_key, o.status, o.author_id,
		EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = t.author_id AND b.blocked_id = ?)
		FROM threads t JOIN groups g ON g.id = t.group_id LEFT JOIN posts o ON o.id = t.first_post_id AND o.thread_id = t.id
		WHERE t.id = ?`
	parentQuery = `SELECT id, sort_key, status, author_id,
		EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = posts.author_id AND b.blocked_id = ?)
		FROM posts WHERE thread_id = ? AND id = ?`
	openingQuery = `SELECT id, sort_key, status, author_id FROM posts WHERE thread_id = ? AND parent_id IS NULL
		ORDER BY sort_key LIMIT 1`
	// insertPostQuery writes a post with its sort key, which ends in the
	// post's own id: the id is taken first (nextPostID) so that the key is
	// written with the row, not by a second statement (an UPDATE would
	// also leave a dead row and move the thread's content version twice).
	insertPostQuery = `INSERT INTO posts (id, thread_id, group_id, author_id, parent_id, depth, sort_key, body_md, body_html,
		tags, status, status_reason, version, edited_at, idem_key, crisis_score, crisis_level, crisis_topic, not_screened,
		crisis_folded, anonymous, created_at, updated_at)
		SELECT n.id, ?, ?, ?, ?, ?, ? || {{PAD}}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
		FROM {{ID}} n RETURNING id`
)

// insertPostSQL is insertPostQuery for each dialect: PostgreSQL takes the
// next id from the identity's sequence; SQLite, whose writes are serial,
// from the AUTOINCREMENT counter, which is exactly the id the row would
// be given. On PostgreSQL the statement also names, for the rest of the
// transaction, the thread whose content version the transaction moves
// itself (threadCounted), so that the insert trigger does not move it a
// second time (migration 36), an empty name leaving the trigger to it;
// and the post, whose notices the transaction marks itself (notifyPost),
// so that the notification trigger does not mark them again (migration
// 39). Volatile columns of a subquery are computed even when unread.
var insertPostSQL = map[bool]string{
	true: strings.NewReplacer("{{ID}}", `(SELECT m.id, set_config('hearth.post_marked', m.id::text, true) AS marked
		FROM (SELECT nextval(pg_get_serial_sequence('posts', 'id')) AS id,
			set_config('hearth.thread_counted', ?, true) AS counted) m)`,
		"{{PAD}}", "lpad(n.id::text, 10, '0')").Replace(insertPostQuery),
	false: strings.NewReplacer("{{ID}}", "(SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'posts'), 0) + 1 AS id)",
		"{{PAD}}", "printf('%010d', n.id)").Replace(insertPostQuery),
}

// PostByIdem is Forum.PostByIdem in a transaction.
func (t postTx) PostByIdem(authorID int64, key string) (forum.Post, bool, error) {
	var id int64
	found, err := scanOne(t.tx, idemQuery, []any{authorID, key}, &id)
	if err != nil || !found {
		return forum.Post{}, false, translate(err)
	}
	var p forum.Post
	if err := t.tx.Take(&p, id).Error; err != nil {
		return forum.Post{}, false, translate(err)
	}
	return p, true, nil
}

// Group implements forum.PostTx.
func (t postTx) Group(id int64) (forum.Group, error) {
	var g forum.Group
	if err := t.tx.Take(&g, id).Error; err != nil {
		return forum.Group{}, translate(err)
	}
	return g, nil
}

// ReplyPlace implements forum.PostTx: one query for a reply to the thread,
// two for a reply to a reply.
func (t postTx) ReplyPlace(threadID, parentID, writerID int64) (forum.Thread, forum.Group, *forum.Post, bool, error) {
	var th forum.Thread
	var g forum.Group
	var openID sql.NullInt64
	var openKey, openStatus sql.NullString
	var openAuthor *int64
	var blocked bool
	found, err := scanOne(t.tx, replyPlaceQuery, []any{writerID, threadID},
		&th.ID, &th.GroupID, &th.AuthorID, &th.Status, &th.Locked, &th.LockReason,
		&g.ID, &g.Slug, &g.Premod, &g.PremodFirstN, &g.Archived, &g.AllowAnonymous,
		&openID, &openKey, &openStatus, &openAuthor, &blocked)
	if err != nil {
		return forum.Thread{}, forum.Group{}, nil, false, err
	}
	if !found {
		return forum.Thread{}, forum.Group{}, nil, false, fmt.Errorf("thread %d: %w", threadID, forum.ErrNotFound)
	}
	if parentID == 0 && openID.Valid {
		p := &forum.Post{ID: openID.Int64, ThreadID: th.ID, SortKey: openKey.String, Status: openStatus.String, AuthorID: openAuthor}
		return th, g, p, blocked, nil
	}
	if parentID == 0 {
		p := &forum.Post{ThreadID: th.ID}
		found, err = scanOne(t.tx, openingQuery, []any{th.ID}, &p.ID, &p.SortKey, &p.Status, &p.AuthorID)
		if err != nil || !found {
			return th, g, nil, blocked, err
		}
		return th, g, p, blocked, nil
	}
	p := &forum.Post{ThreadID: th.ID}
	found, err = scanOne(t.tx, parentQuery, []any{writerID, th.ID, parentID}, &p.ID, &p.SortKey, &p.Status, &p.AuthorID, &blocked)
	if err != nil || !found {
		return th, g, nil, false, err
	}
	return th, g, p, blocked, nil
}

// VisiblePosts implements forum.PostTx.
func (t postTx) VisiblePosts(authorID, groupID int64) (int, error) {
	var n int64
	err := t.tx.Model(&forum.Post{}).Where("author_id = ? AND group_id = ? AND status = ?", authorID, groupID, forum.StatusVisible).
		Count(&n).Error
	return int(n), translate(err)
}

// InsertPost implements forum.PostTx.
func (t postTx) InsertPost(w forum.PostWrite, status string, parent *forum.Post) (forum.Post, forum.PageKeys, bool, error) {
	tx, now := t.tx, w.Now
	th := forum.Thread{ID: w.ThreadID}
	if w.ThreadID == 0 {
		th = forum.Thread{GroupID: w.GroupID, AuthorID: &w.AuthorID, Title: w.Title, Tags: w.Tags, Status: status,
			LastAuthorID: &w.AuthorID, LastPostAt: now, Anonymous: w.Anonymous, LastAnonymous: w.Anonymous, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(&th).Error; err != nil {
			return forum.Post{}, forum.PageKeys{}, false, translate(err)
		}
	}
	p := forum.Post{ThreadID: th.ID, GroupID: w.GroupID, AuthorID: &w.AuthorID, BodyMD: w.BodyMD, BodyHTML: w.BodyHTML,
		Tags: w.Tags, Status: status, Version: 1, CrisisScore: w.Screening.Score, CrisisLevel: w.Screening.AtLevel(),
		CrisisTopic: w.Screening.Topic, NotScreened: w.Screening.NotScreened, CrisisFolded: w.Folded, Anonymous: w.Anonymous,
		CreatedAt: now, UpdatedAt: now}
	parentKey := ""
	if parent != nil {
		p.ParentID, parentKey = &parent.ID, parent.SortKey
	}
	if w.IdemKey != "" {
		p.IdemKey = &w.IdemKey
	}
	// The key is the (depth-capped) parent's key and the post's own id.
	placeholder := forum.ChildKey(parentKey, 0)
	prefix := strings.TrimSuffix(placeholder, forum.SortKey("", 0))
	p.Depth = forum.DepthOf(placeholder)
	pg := tx.Dialector.Name() == "postgres"
	args := []any{p.ThreadID, p.GroupID, p.AuthorID, p.ParentID,
		p.Depth, prefix, p.BodyMD, p.BodyHTML, p.Tags, p.Status, p.StatusReason, p.Version, p.EditedAt, p.IdemKey, p.CrisisScore,
		p.CrisisLevel, p.CrisisTopic, p.NotScreened, p.CrisisFolded, p.Anonymous, p.CreatedAt, p.UpdatedAt}
	if pg {
		args = append(args, threadCounted(&p, w.ThreadID == 0))
	}
	if _, err := scanOne(tx, insertPostSQL[pg], args, &p.ID); err != nil {
		return forum.Post{}, forum.PageKeys{}, false, translate(err)
	}
	p.SortKey = forum.ChildKey(parentKey, p.ID)
	if err := openItems(tx, &p, w, now); err != nil {
		return forum.Post{}, forum.PageKeys{}, false, err
	}
	// What follows is written in one batch (one round trip on
	// PostgreSQL): the author's subscription, the notices, the thread's
	// counters and the group's tally touch different rows, and none needs
	// a row another writes (the followers' insert leaves out the author
	// and whoever the post tells on their own). The thread's row, which the batch
	// locks until commit, is so taken last, with nothing after it but the
	// commit.
	var b writeBatch
	b.add(`INSERT INTO subscriptions (user_id, thread_id, state, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, w.AuthorID, th.ID, forum.SubFollow, now, now)
	if p.Status == forum.StatusVisible {
		if err := notifyPost(tx, &b, &p, parent, w.MentionKeys); err != nil {
			return forum.Post{}, forum.PageKeys{}, false, err
		}
	}
	bumpCounters(&b, &th, &p, w.ThreadID == 0, pg)
	if !w.ReadPage {
		return p, forum.PageKeys{}, false, b.exec(tx)
	}
	var keys forum.PageKeys
	read, err := b.query(tx, pageKeysQuery, pageKeysArgs(th.ID, p.SortKey), func(r *sql.Rows) error {
		return r.Scan(&keys.FirstPageLast, &keys.SecondBefore)
	})
	if err != nil || !read {
		return p, forum.PageKeys{}, false, err
	}
	return p, keys, true, nil
}

// openItems opens the moderator queue items a new post needs: a held post
// waits in the queue, and a post whose screening asks for a moderator's
// eyes is a wellbeing item (screeningItem).
func openItems(tx *gorm.DB, p *forum.Post, w forum.PostWrite, now time.Time) error {
	if p.Status == forum.StatusHeld {
		if err := openItem(tx, p, "held", heldPriority, "", events.Held, now); err != nil {
			return err
		}
	}
	return openScreeningItem(tx, p, w.Screening, now)
}

// screeningItem is the wellbeing item a post's screening opens, if any:
// crisis language at the top of the queue, a concern below it, and words
// the detector could not read below both; the detail is what the queue
// shows as the reason.
func screeningItem(s forum.Screening) (priority int, detail string, ok bool) {
	switch {
	case s.AtLevel() == forum.LevelCrisis:
		return moderation.WellbeingPriority, s.Detail(), true
	case s.AtLevel() == forum.LevelConcern:
		return moderation.ConcernPriority, s.Detail(), true
	case s.NotScreened != "":
		return moderation.UnscreenedPriority, "Not screened (" + s.NotScreened + ")", true
	}
	return 0, "", false
}

// openScreeningItem opens the wellbeing item of screening s for post p,
// or raises the post's open one to it: a concern edited into crisis
// words moves up the queue with the new reason; nothing moves an item
// down.
func openScreeningItem(tx *gorm.DB, p *forum.Post, s forum.Screening, now time.Time) error {
	priority, detail, ok := screeningItem(s)
	if !ok {
		return nil
	}
	it := queueItem{Kind: moderation.KindWellbeing, PostID: p.ID, ThreadID: p.ThreadID, GroupID: p.GroupID, Priority: priority,
		Detail: detail, Status: "open", CreatedAt: now, UpdatedAt: now}
	res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&it)
	if res.Error != nil {
		return res.Error
	}
	raised := res.RowsAffected > 0
	if !raised {
		up := tx.Exec(`UPDATE queue_items SET priority = ?, detail = ?, updated_at = ?
			WHERE post_id = ? AND kind = ? AND status = 'open' AND priority < ?`,
			priority, detail, now, p.ID, moderation.KindWellbeing, priority)
		if up.Error != nil {
			return up.Error
		}
		raised = up.RowsAffected > 0
	}
	if raised && priority >= moderation.WellbeingPriority {
		return recordEvent(tx, postEvent(events.CrisisPost, p, now))
	}
	return nil
}

// EditPlace implements forum.PostTx.
func (t postTx) EditPlace(postID int64) (forum.Post, forum.Thread, forum.Group, error) {
	var p forum.Post
	if err := t.tx.Take(&p, postID).Error; err != nil {
		return forum.Post{}, forum.Thread{}, forum.Group{}, translate(err)
	}
	var th forum.Thread
	if err := t.tx.Take(&th, p.ThreadID).Error; err != nil {
		return forum.Post{}, forum.Thread{}, forum.Group{}, translate(err)
	}
	g, err := t.Group(th.GroupID)
	if err != nil {
		return forum.Post{}, forum.Thread{}, forum.Group{}, err
	}
	return p, th, g, nil
}

// SaveEdit implements forum.PostTx. The update is conditional on the
// version read, so of two edits from the same version only one is saved.
func (t postTx) SaveEdit(p forum.Post, th forum.Thread, e forum.EditWrite) (forum.Post, error) {
	tx := t.tx
	opening := p.ParentID == nil
	written := p.CreatedAt
	if p.EditedAt != nil {
		written = *p.EditedAt
	}
	rev := forum.Revision{PostID: p.ID, Version: p.Version, BodyMD: p.BodyMD, BodyHTML: p.BodyHTML, Tags: p.Tags, WrittenAt: written, CreatedAt: e.Now}
	if opening {
		rev.Title = th.Title
	}
	if err := tx.Create(&rev).Error; err != nil {
		return forum.Post{}, err
	}
	res := tx.Model(&forum.Post{}).Where("id = ? AND version = ?", p.ID, p.Version).Updates(map[string]any{
		"body_md": e.BodyMD, "body_html": e.BodyHTML, "tags": e.Tags, "version": gorm.Expr("version + 1"),
		"edited_at": e.Now, "updated_at": e.Now, "crisis_score": e.Screening.Score, "crisis_level": e.Screening.AtLevel(),
		"crisis_topic": e.Screening.Topic, "not_screened": e.Screening.NotScreened, "crisis_folded": e.Folded,
	})
	if res.Error != nil {
		return forum.Post{}, res.Error
	}
	if res.RowsAffected != 1 {
		return forum.Post{}, fmt.Errorf("post %d moved on: %w", p.ID, forum.ErrConflict)
	}
	if opening {
		if err := tx.Model(&forum.Thread{}).Where("id = ?", th.ID).
			Updates(map[string]any{"title": e.Title, "tags": e.Tags, "updated_at": e.Now}).Error; err != nil {
			return forum.Post{}, err
		}
	}
	var out forum.Post
	if err := tx.Take(&out, p.ID).Error; err != nil {
		return forum.Post{}, err
	}
	if err := openScreeningItem(tx, &out, e.Screening, e.Now); err != nil {
		return forum.Post{}, err
	}
	return out, nil
}

// DeletePost implements forum.PostingStore.
func (s *Forum) DeletePost(ctx context.Context, postID, authorID int64, now time.Time) (forum.Post, error) {
	var out forum.Post
	err := s.db.Tx(ctx, func(tx *gorm.DB) error {
		var p forum.Post
		if err := tx.Take(&p, postID).Error; err != nil {
			return err
		}
		if p.AuthorID == nil || *p.AuthorID != authorID {
			return fmt.Errorf("post %d is not by %d: %w", p.ID, authorID, forum.ErrForbidden)
		}
		switch p.Status {
		case forum.StatusDeleted:
			out = p
			return nil
		case forum.StatusVisible, forum.StatusHeld:
		default:
			return fmt.Errorf("post %d is %s: %w", p.ID, p.Status, forum.ErrForbidden)
		}
		if err := tx.Model(&forum.Post{}).Where("id = ?", p.ID).Updates(map[string]any{
			"status": forum.StatusDeleted, "body_md": "", "body_html": "", "tags": forum.Tags(""),
			"status_reason": "", "updated_at": now,
		}).Error; err != nil {
			return err
		}
		for _, m := range []any{&forum.Revision{}, &forum.Reaction{}, &forum.Notification{}} {
			if err := tx.Where("post_id = ?", p.ID).Delete(m).Error; err != nil {
				return err
			}
		}
		return tx.Take(&out, p.ID).Error
	})
	if err != nil {
		return forum.Post{}, err
	}
	return out, nil
}

// postRowColumns is the allowlisted select list of posts with names.
const postRowColumns = "posts.id, posts.thread_id, posts.group_id, posts.author_id, posts.parent_id, posts.depth, posts.sort_key, " +
	"posts.body_html, posts.tags, posts.status, posts.status_reason, posts.version, posts.edited_at, posts.crisis_score, " +
	"posts.crisis_level, posts.crisis_topic, posts.not_screened, posts.crisis_folded, posts.anonymous, " +
	"posts.created_at, posts.updated_at, a.username AS author_name, pa.username AS parent_author_name, pp.author_id AS parent_author_id, " +
	"COALESCE(pp.anonymous, FALSE) AS parent_anonymous"

// PostRow implements forum.PostingStore. Unlike thread pages it includes
// the Markdown source (for editing and quoting).
func (s *Forum) PostRow(ctx context.Context, id int64) (forum.PostRow, error) {
	var p forum.PostRow
	err := s.db.read(ctx).Table("posts").Select(postRowColumns+", posts.body_md").
		Joins("LEFT JOIN users a ON a.id = posts.author_id").
		Joins("LEFT JOIN posts pp ON pp.id = posts.parent_id").
		Joins("LEFT JOIN users pa ON pa.id = pp.author_id").
		Where("posts.id = ?", id).Take(&p).Error
	if err != nil {
		return forum.PostRow{}, translate(err)
	}
	return p, nil
}

// Revisions implements forum.PostingStore.
func (s *Forum) Revisions(ctx context.Context, postID int64) ([]forum.Revision, error) {
	var rs []forum.Revision
	if err := s.db.read(ctx).Where("post_id = ?", postID).Order("version DESC").Find(&rs).Error; err != nil {
		return nil, translate(err)
	}
	return rs, nil
}

// PostsForRerender implements forum.PostingStore.
func (s *Forum) PostsForRerender(ctx context.Context, afterID int64, limit int) ([]forum.Post, error) {
	var ps []forum.Post
	err := s.db.read(ctx).Select("id, body_md, body_html").
		Where("id > ? AND status IN ?", afterID, []string{forum.StatusVisible, forum.StatusHeld, forum.StatusRemoved}).
		Order("id").Limit(limit).Find(&ps).Error
	if err != nil {
		return nil, translate(err)
	}
	return ps, nil
}

// SetPostsHTML implements forum.PostingStore.
func (s *Forum) SetPostsHTML(ctx context.Context, html map[int64]string) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		for id, h := range html {
			if err := tx.Model(&forum.Post{}).Where("id = ?", id).UpdateColumn("body_html", h).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// SetGuidelinesHTML implements forum.PostingStore.
func (s *Forum) SetGuidelinesHTML(ctx context.Context, groupID int64, html string) error {
	return translate(s.db.write(ctx).Model(&forum.Group{}).Where("id = ?", groupID).UpdateColumn("guidelines_html", html).Error)
}
