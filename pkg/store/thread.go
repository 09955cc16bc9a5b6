package store

import (
	"context"
	"fmt"

	"hearth/pkg/forum"
)

// ThreadHead implements forum.PostingStore: the thread, its group's slug,
// name and archived flag, and its author's name, in one query.
func (s *Forum) ThreadHead(ctx context.Context, id int64) (forum.ThreadHead, error) {
	var h forum.ThreadHead
	err := s.db.read(ctx).Table("threads").
		Select("threads.*, g.slug AS group_slug, g.name AS group_name, g.archived AS group_archived, a.username AS author_name").
		Joins("JOIN groups g ON g.id = threads.group_id").
		Joins("LEFT JOIN users a ON a.id = threads.author_id").
		Where("threads.id = ?", id).Take(&h).Error
	if err != nil {
		return forum.ThreadHead{}, translate(err)
	}
	return h, nil
}

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

// CountBefore implements forum.PostingStore.
func (s *Forum) CountBefore(ctx context.Context, threadID int64, key string) (int, error) {
	var n int64
	if err := s.db.read(ctx).Model(&forum.Post{}).Where("thread_id = ? AND sort_key < ?", threadID, key).Count(&n).Error; err != nil {
		return 0, translate(err)
	}
	return int(n), nil
}

// KeysBefore implements forum.PostingStore.
func (s *Forum) KeysBefore(ctx context.Context, threadID int64, key string, n int) ([]string, error) {
	var keys []string
	err := s.db.read(ctx).Model(&forum.Post{}).Where("thread_id = ? AND sort_key < ?", threadID, key).
		Order("sort_key DESC").Limit(n).Pluck("sort_key", &keys).Error
	if err != nil {
		return nil, translate(err)
	}
	return keys, nil
}
