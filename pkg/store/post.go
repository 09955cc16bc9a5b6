package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"hearth/pkg/forum"
)

// Queue priorities of the items posting opens. Wellbeing concerns sort above
// everything; held posts below reports.
const (
	wellbeingPriority = 100
	heldPriority      = 0
)

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

// openItem opens a queue item unless one of the same kind is open already.
func openItem(tx *gorm.DB, p *forum.Post, kind string, priority int, detail string, now time.Time) error {
	it := queueItem{Kind: kind, PostID: p.ID, ThreadID: p.ThreadID, GroupID: p.GroupID, Priority: priority,
		Detail: detail, Status: "open", CreatedAt: now, UpdatedAt: now}
	return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&it).Error
}

// CreatePost implements forum.PostingStore. On SQLite, posts written at the
// same moment share one commit (TxGrouped); each is acknowledged only once
// that commit is durable.
func (s *Forum) CreatePost(ctx context.Context, w forum.PostWrite) (forum.Posted, error) {
	var res forum.Posted
	err := s.db.TxGrouped(ctx, func(tx *gorm.DB) error {
		res = forum.Posted{}
		if w.IdemKey != "" {
			// Almost always nothing: a fixed probe of posts_idem, and the
			// whole post only for a repeated submission.
			var id int64
			found, err := scanOne(tx, "SELECT id FROM posts WHERE author_id = ? AND idem_key = ?", []any{w.AuthorID, w.IdemKey}, &id)
			if err != nil {
				return err
			}
			if found {
				var p forum.Post
				if err := tx.Take(&p, id).Error; err != nil {
					return err
				}
				res = forum.Posted{Post: p, Duplicate: true}
				return nil
			}
		}
		var err error
		res, err = createPost(tx, w)
		return err
	})
	if err != nil && w.IdemKey != "" && errors.Is(err, forum.ErrConflict) {
		// A concurrent submission with the same key won the race.
		var p forum.Post
		if e := s.db.write(ctx).Where("author_id = ? AND idem_key = ?", w.AuthorID, w.IdemKey).Take(&p).Error; e == nil {
			return forum.Posted{Post: p, Duplicate: true}, nil
		}
	}
	if err != nil {
		return forum.Posted{}, err
	}
	return res, nil
}

// The reply path's statements are fixed SQL read and written by hand
// (scanRows): on SQLite they run on the one writer, where GORM's statement
// building and reflection were a fifth of a reply's time.
const (
	// The thread's opening post comes too, by primary key: a reply to
	// the thread answers it. (Found by parent_id IS NULL instead,
	// PostgreSQL's planner intersected the thread's posts with every
	// opening post: 0.24 ms a reply.)
	replyTargetQuery = `SELECT t.id, t.group_id, t.author_id, t.status, t.locked,
		g.id, g.slug, g.premod, g.premod_first_n, g.archived, o.id, o.sort_key, o.status, o.author_id
		FROM threads t JOIN groups g ON g.id = t.group_id LEFT JOIN posts o ON o.id = t.first_post_id AND o.thread_id = t.id
		WHERE t.id = ?`
	parentQuery  = `SELECT id, sort_key, status, author_id FROM posts WHERE thread_id = ? AND id = ?`
	openingQuery = `SELECT id, sort_key, status, author_id FROM posts WHERE thread_id = ? AND parent_id IS NULL
		ORDER BY sort_key LIMIT 1`
	insertPostQuery = `INSERT INTO posts (thread_id, group_id, author_id, parent_id, depth, sort_key, body_md, body_html,
		tags, status, status_reason, version, edited_at, idem_key, crisis_score, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
)

func createPost(tx *gorm.DB, w forum.PostWrite) (forum.Posted, error) {
	var g forum.Group
	var th forum.Thread
	var parent forum.Post
	if w.ThreadID == 0 {
		if err := tx.Take(&g, w.GroupID).Error; err != nil {
			return forum.Posted{}, translate(err)
		}
	} else {
		var openID sql.NullInt64
		var openKey, openStatus sql.NullString
		var openAuthor *int64
		found, err := scanOne(tx, replyTargetQuery, []any{w.ThreadID},
			&th.ID, &th.GroupID, &th.AuthorID, &th.Status, &th.Locked, &g.ID, &g.Slug, &g.Premod, &g.PremodFirstN, &g.Archived,
			&openID, &openKey, &openStatus, &openAuthor)
		if err != nil {
			return forum.Posted{}, err
		}
		if !found {
			return forum.Posted{}, fmt.Errorf("thread %d: %w", w.ThreadID, forum.ErrNotFound)
		}
		switch th.Status {
		case forum.StatusVisible, forum.StatusRedacted:
		case forum.StatusHeld:
			if !w.Moderator && (th.AuthorID == nil || *th.AuthorID != w.AuthorID) {
				return forum.Posted{}, fmt.Errorf("thread %d is held: %w", th.ID, forum.ErrNotFound)
			}
		default:
			if !w.Moderator {
				return forum.Posted{}, fmt.Errorf("thread %d is %s: %w", th.ID, th.Status, forum.ErrNotFound)
			}
		}
		if th.Locked && !w.Moderator {
			return forum.Posted{}, fmt.Errorf("thread %d: %w", th.ID, forum.ErrLocked)
		}
		switch {
		case w.ParentID == 0 && openID.Valid:
			parent = forum.Post{ID: openID.Int64, SortKey: openKey.String, Status: openStatus.String, AuthorID: openAuthor}
		default:
			q, args := openingQuery, []any{th.ID}
			if w.ParentID != 0 {
				q, args = parentQuery, []any{th.ID, w.ParentID}
			}
			found, err = scanOne(tx, q, args, &parent.ID, &parent.SortKey, &parent.Status, &parent.AuthorID)
			if err != nil {
				return forum.Posted{}, err
			}
		}
		if !found {
			return forum.Posted{}, forum.ErrBadParent
		}
		if parent.Status == forum.StatusHeld && !w.Moderator && (parent.AuthorID == nil || *parent.AuthorID != w.AuthorID) {
			return forum.Posted{}, forum.ErrBadParent
		}
	}
	if g.Archived {
		return forum.Posted{}, fmt.Errorf("group %s is archived: %w", g.Slug, forum.ErrLocked)
	}
	status, err := premodStatus(tx, g, w)
	if err != nil {
		return forum.Posted{}, err
	}
	now := w.Now
	if w.ThreadID == 0 {
		th = forum.Thread{GroupID: g.ID, AuthorID: &w.AuthorID, Title: w.Title, Tags: w.Tags, Status: status,
			LastAuthorID: &w.AuthorID, LastPostAt: now, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(&th).Error; err != nil {
			return forum.Posted{}, err
		}
	}
	p := forum.Post{ThreadID: th.ID, GroupID: g.ID, AuthorID: &w.AuthorID, BodyMD: w.BodyMD, BodyHTML: w.BodyHTML,
		Tags: w.Tags, Status: status, Version: 1, CrisisScore: w.Screening.Score, CreatedAt: now, UpdatedAt: now}
	if parent.ID != 0 {
		p.ParentID = &parent.ID
	}
	if w.IdemKey != "" {
		p.IdemKey = &w.IdemKey
	}
	if _, err := scanOne(tx, insertPostQuery, []any{p.ThreadID, p.GroupID, p.AuthorID, p.ParentID, p.Depth, p.SortKey,
		p.BodyMD, p.BodyHTML, p.Tags, p.Status, p.StatusReason, p.Version, p.EditedAt, p.IdemKey, p.CrisisScore,
		p.CreatedAt, p.UpdatedAt}, &p.ID); err != nil {
		return forum.Posted{}, err
	}
	// The path holds the post's own id, so it is known only now.
	p.SortKey = forum.ChildKey(parent.SortKey, p.ID)
	p.Depth = forum.DepthOf(p.SortKey)
	if err := tx.Exec("UPDATE posts SET sort_key = ?, depth = ? WHERE id = ?", p.SortKey, p.Depth, p.ID).Error; err != nil {
		return forum.Posted{}, err
	}
	if status == forum.StatusHeld {
		if err := openItem(tx, &p, "held", heldPriority, "", now); err != nil {
			return forum.Posted{}, err
		}
	}
	if w.Screening.Crisis {
		if err := openItem(tx, &p, "wellbeing", wellbeingPriority, w.Screening.Detail(), now); err != nil {
			return forum.Posted{}, err
		}
	}
	if err := tx.Exec(`INSERT INTO subscriptions (user_id, thread_id, state, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, w.AuthorID, th.ID, forum.SubFollow, now, now).Error; err != nil {
		return forum.Posted{}, err
	}
	if status == forum.StatusVisible {
		if err := notifyPost(tx, &p, &parent, w.MentionKeys); err != nil {
			return forum.Posted{}, err
		}
	}
	// The counters come last: on PostgreSQL each UPDATE holds its row
	// until commit, and every reply in a group updates the group's row
	// and every post by a member the member's row. Taken first, those
	// locks were held through the notifications too, and replies queued
	// on them (pg_stat_activity under the reply bench: most waits were
	// for the groups row). Nothing before this point locks those rows
	// against each other (foreign-key checks take KEY SHARE, which an
	// UPDATE of non-key columns does not block), and the three updates
	// keep their order, thread, group, member.
	if err := bumpCounters(tx, &th, &p, w.ThreadID == 0); err != nil {
		return forum.Posted{}, err
	}
	return forum.Posted{Post: p}, nil
}

// premodStatus decides whether a new post is held for review: every post
// in a PremodAll group, and a member's first PremodFirstN posts in a
// PremodNew group (counting posts moderators let through). Moderators'
// posts are never held.
func premodStatus(tx *gorm.DB, g forum.Group, w forum.PostWrite) (string, error) {
	if w.Moderator {
		return forum.StatusVisible, nil
	}
	switch g.Premod {
	case forum.PremodAll:
		return forum.StatusHeld, nil
	case forum.PremodNew:
		var n int64
		if err := tx.Model(&forum.Post{}).Where("author_id = ? AND group_id = ? AND status = ?", w.AuthorID, g.ID, forum.StatusVisible).
			Count(&n).Error; err != nil {
			return "", err
		}
		if n < int64(g.PremodFirstN) {
			return forum.StatusHeld, nil
		}
	}
	return forum.StatusVisible, nil
}

// bumpCounters records a new post on its thread, group and author. Held
// posts change only the author's count: the thread and group move when a
// moderator lets the post through.
func bumpCounters(tx *gorm.DB, th *forum.Thread, p *forum.Post, opening bool) error {
	if opening {
		if err := tx.Exec("UPDATE threads SET first_post_id = ?, last_post_id = ? WHERE id = ?", p.ID, p.ID, th.ID).Error; err != nil {
			return err
		}
	}
	if p.Status == forum.StatusVisible {
		if !opening {
			if err := tx.Exec(`UPDATE threads SET reply_count = reply_count + 1, last_post_id = ?, last_author_id = ?,
				last_post_at = ?, updated_at = ? WHERE id = ?`, p.ID, p.AuthorID, p.CreatedAt, p.CreatedAt, th.ID).Error; err != nil {
				return err
			}
		}
		threads := 0
		if opening {
			threads = 1
		}
		if err := tx.Exec(`UPDATE groups SET post_count = post_count + 1, thread_count = thread_count + ?,
			last_activity_at = ?, updated_at = ? WHERE id = ?`, threads, p.CreatedAt, p.CreatedAt, p.GroupID).Error; err != nil {
			return err
		}
	}
	return tx.Exec("UPDATE users SET post_count = post_count + 1 WHERE id = ?", *p.AuthorID).Error
}

// EditPost implements forum.PostingStore.
func (s *Forum) EditPost(ctx context.Context, e forum.EditWrite) (forum.Post, error) {
	var out forum.Post
	err := s.db.Tx(ctx, func(tx *gorm.DB) error {
		var p forum.Post
		if err := tx.Take(&p, e.PostID).Error; err != nil {
			return err
		}
		if p.AuthorID == nil || *p.AuthorID != e.AuthorID {
			return fmt.Errorf("post %d is not by %d: %w", p.ID, e.AuthorID, forum.ErrForbidden)
		}
		if p.Status != forum.StatusVisible && p.Status != forum.StatusHeld {
			return fmt.Errorf("post %d is %s: %w", p.ID, p.Status, forum.ErrForbidden)
		}
		var th forum.Thread
		if err := tx.Take(&th, p.ThreadID).Error; err != nil {
			return err
		}
		if th.Locked && !e.Moderator {
			return fmt.Errorf("thread %d: %w", th.ID, forum.ErrLocked)
		}
		if p.Version != e.Version {
			return fmt.Errorf("post %d is at version %d, edit from %d: %w", p.ID, p.Version, e.Version, forum.ErrConflict)
		}
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
			return err
		}
		res := tx.Model(&forum.Post{}).Where("id = ? AND version = ?", p.ID, e.Version).Updates(map[string]any{
			"body_md": e.BodyMD, "body_html": e.BodyHTML, "tags": e.Tags, "version": gorm.Expr("version + 1"),
			"edited_at": e.Now, "updated_at": e.Now, "crisis_score": e.Screening.Score,
		})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return fmt.Errorf("post %d moved on: %w", p.ID, forum.ErrConflict)
		}
		if opening {
			if err := tx.Model(&forum.Thread{}).Where("id = ?", th.ID).
				Updates(map[string]any{"title": e.Title, "tags": e.Tags, "updated_at": e.Now}).Error; err != nil {
				return err
			}
		}
		if err := tx.Take(&out, p.ID).Error; err != nil {
			return err
		}
		if e.Screening.Crisis {
			return openItem(tx, &out, "wellbeing", wellbeingPriority, e.Screening.Detail(), e.Now)
		}
		return nil
	})
	if err != nil {
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
	"posts.created_at, posts.updated_at, a.username AS author_name, pa.username AS parent_author_name, pp.author_id AS parent_author_id"

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
