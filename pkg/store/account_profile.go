package store

import (
	"context"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// RecentPosts implements auth.AccountStore: visible posts in visible
// threads only, newest first.
func (s *Auth) RecentPosts(ctx context.Context, userID int64, limit int) ([]auth.ProfilePost, error) {
	var rows []auth.ProfilePost
	err := s.db.read(ctx).Table("posts").
		Select("posts.id, posts.thread_id, threads.title AS thread_title, groups.slug AS group_slug, groups.name AS group_name, posts.body_html, posts.tags, threads.tags AS thread_tags, posts.created_at, "+
			"posts.group_id, posts.crisis_folded, posts.crisis_topic").
		Joins("JOIN threads ON threads.id = posts.thread_id").
		Joins("JOIN groups ON groups.id = posts.group_id").
		Where("posts.author_id = ? AND posts.status = ? AND threads.status = ? AND posts.anonymous = ?", userID, forum.StatusVisible, forum.StatusVisible, false).
		Order("posts.created_at DESC, posts.id DESC").Limit(limit).Scan(&rows).Error
	return rows, translate(err)
}
