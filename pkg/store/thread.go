package store

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm"

	"hearth/pkg/forum"
)

// ThreadHead implements forum.PostingStore: the thread, its group's slug,
// name and archived flag, and its author's name, in one query; or the head
// read with the member's session when the request asked for it
// (forum.ReadAhead).
func (s *Forum) ThreadHead(ctx context.Context, id int64) (forum.ThreadHead, error) {
	if ahead := forum.ReadAheadOf(ctx); ahead != nil {
		if h, ok := ahead.Take(id); ok {
			return h, nil
		}
	}
	var h forum.ThreadHead
	found, err := scanOne(s.db.read(ctx), threadHeadQuery, []any{id}, threadHeadDest(&h)...)
	if err == nil && !found {
		err = gorm.ErrRecordNotFound
	}
	if err != nil {
		return forum.ThreadHead{}, translate(err)
	}
	return h, nil
}

// threadHeadDest is where threadHeadQuery's columns are scanned into h.
func threadHeadDest(h *forum.ThreadHead) []any {
	return []any{&h.ID, &h.GroupID, &h.AuthorID, &h.Title, &h.Tags, &h.Status, &h.Locked, &h.LockReason, &h.Pinned,
		&h.ReplyCount, &h.FirstPostID, &h.LastPostID, &h.LastAuthorID, &h.LastPostAt, &h.CreatedAt, &h.UpdatedAt, &h.ContentVersion,
		&h.Anonymous, &h.LastAnonymous, &h.Answered,
		&h.GroupSlug, &h.GroupName, &h.GroupArchived, &h.GroupAllowAnonymous, &h.GroupHasSupporters, &h.AuthorName}
}

// threadHeadQuery reads a thread with its group and author, by hand
// (scanRows): it runs after every write, when the thread page's cache has
// to be filled again. TestThreadHeadReadsEveryColumn keeps its columns in
// step with forum.ThreadHead.
const threadHeadQuery = `SELECT t.id, t.group_id, t.author_id, t.title, t.tags, t.status, t.locked, t.lock_reason, t.pinned,
	t.reply_count, t.first_post_id, t.last_post_id, t.last_author_id, t.last_post_at, t.created_at, t.updated_at, t.content_version,
	t.anonymous, t.last_anonymous, t.answered, g.slug, g.name, g.archived, g.allow_anonymous,
	EXISTS (SELECT 1 FROM peer_supporters ps WHERE ps.group_id = t.group_id), COALESCE(a.username, '')
	FROM threads t JOIN groups g ON g.id = t.group_id LEFT JOIN users a ON a.id = t.author_id
	WHERE t.id = ?`

// Posts implements forum.PostingStore: one range scan of the
// (thread_id, sort_key) index with the authors' and parents' authors' names
// joined, whatever the size of the thread.
func (s *Forum) Posts(ctx context.Context, q forum.PostQuery) ([]forum.PostRow, error) {
	if q.Limit <= 0 {
		return nil, fmt.Errorf("post query without a limit")
	}
	tx := s.db.read(ctx).Table("posts").Select(postRowColumns).
		Joins("LEFT JOIN users a ON a.id = posts.author_id").
		Joins("LEFT JOIN posts pp ON pp.id = posts.parent_id").
		Joins("LEFT JOIN users pa ON pa.id = pp.author_id").
		Where("posts.thread_id = ?", q.ThreadID)
	if !q.IncludeHeld {
		if q.ViewerID > 0 {
			tx = tx.Where("(posts.status <> ? OR posts.author_id = ?)", forum.StatusHeld, q.ViewerID)
		} else {
			tx = tx.Where("posts.status <> ?", forum.StatusHeld)
		}
	}
	order := "posts.sort_key"
	switch {
	case q.Before != "":
		tx = tx.Where("posts.sort_key < ?", q.Before)
		order = "posts.sort_key DESC"
	case q.After != "":
		tx = tx.Where("posts.sort_key > ?", q.After)
	}
	var rows []forum.PostRow
	if err := tx.Order(order).Limit(q.Limit + 1).Find(&rows).Error; err != nil {
		return nil, translate(err)
	}
	return rows, nil
}

// pageKeysQuery reads forum.PageKeys of a key in a thread, as one row;
// its arguments are pageKeysArgs'.
const pageKeysQuery = `SELECT COALESCE((SELECT sort_key FROM posts WHERE thread_id = ? ORDER BY sort_key LIMIT 1 OFFSET ?), ''),
	COALESCE((SELECT sort_key FROM posts WHERE thread_id = ? AND sort_key < ? ORDER BY sort_key DESC LIMIT 1 OFFSET 1), '')`

func pageKeysArgs(threadID int64, key string) []any {
	return []any{threadID, forum.PostsPerPage - 1, threadID, key}
}

// PageKeys implements forum.PostingStore.
func (s *Forum) PageKeys(ctx context.Context, threadID int64, key string) (forum.PageKeys, error) {
	var k forum.PageKeys
	_, err := scanOne(s.db.read(ctx), pageKeysQuery, pageKeysArgs(threadID, key), &k.FirstPageLast, &k.SecondBefore)
	return k, translate(err)
}

// NewPosts implements forum.PostingStore: only the columns that decide
// who may see a post, from the thread's index.
func (s *Forum) NewPosts(ctx context.Context, threadID, afterID int64, limit int) ([]forum.Post, error) {
	var out []forum.Post
	err := scanRows(s.db.read(ctx), "SELECT id, group_id, author_id, status, tags, crisis_folded, crisis_topic FROM posts WHERE thread_id = ? AND id > ? ORDER BY id LIMIT ?",
		[]any{threadID, afterID, limit}, func(r *sql.Rows) error {
			p := forum.Post{ThreadID: threadID}
			var tags, topic sql.NullString
			if err := r.Scan(&p.ID, &p.GroupID, &p.AuthorID, &p.Status, &tags, &p.CrisisFolded, &topic); err != nil {
				return err
			}
			p.Tags, p.CrisisTopic = forum.Tags(tags.String), forum.Topic(topic.String)
			out = append(out, p)
			return nil
		})
	if err != nil {
		return nil, translate(err)
	}
	return out, nil
}
