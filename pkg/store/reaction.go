package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"hearth/pkg/forum"
)

// Reactions implements forum.PostingStore.
func (s *Forum) Reactions(ctx context.Context, postIDs []int64) ([]forum.ReactionRow, error) {
	var rs []forum.ReactionRow
	err := s.db.read(ctx).Table("reactions r").
		Select("r.post_id, r.user_id, r.kind, u.username AS user_name").
		Joins("JOIN users u ON u.id = r.user_id").
		Where("r.post_id IN ?", postIDs).
		Order("r.created_at, r.user_id").Find(&rs).Error
	if err != nil {
		return nil, translate(err)
	}
	return rs, nil
}

// ToggleReaction implements forum.PostingStore. Only visible posts take
// reactions, and not from their own author. Adding one notifies the author
// (unless they muted the thread or blocked the reacting member); taking it
// back removes that notification.
func (s *Forum) ToggleReaction(ctx context.Context, postID, userID int64, kind string, now time.Time) (bool, error) {
	var on bool
	err := s.db.Tx(ctx, func(tx *gorm.DB) error {
		var p forum.Post
		if err := tx.Select("id, thread_id, author_id, status").Take(&p, postID).Error; err != nil {
			return err
		}
		if p.Status != forum.StatusVisible {
			return fmt.Errorf("post %d is %s: %w", p.ID, p.Status, forum.ErrForbidden)
		}
		if p.AuthorID != nil && *p.AuthorID == userID {
			return fmt.Errorf("reaction to own post %d: %w", p.ID, forum.ErrForbidden)
		}
		res := tx.Where("post_id = ? AND user_id = ? AND kind = ?", postID, userID, kind).Delete(&forum.Reaction{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected > 0 {
			on = false
			if p.AuthorID == nil {
				return nil
			}
			return tx.Where("user_id = ? AND post_id = ? AND kind = ? AND reaction = ? AND actor_id = ?",
				*p.AuthorID, postID, forum.NoteReaction, kind, userID).Delete(&forum.Notification{}).Error
		}
		on = true
		if err := tx.Create(&forum.Reaction{PostID: postID, UserID: userID, Kind: kind, CreatedAt: now}).Error; err != nil {
			return err
		}
		if p.AuthorID == nil {
			return nil
		}
		var muted int64
		if err := tx.Model(&forum.Subscription{}).Where("user_id = ? AND thread_id = ? AND state = ?", *p.AuthorID, p.ThreadID, forum.SubMute).
			Count(&muted).Error; err != nil {
			return err
		}
		if muted > 0 {
			return nil
		}
		// An author who blocked the reacting member hears nothing from
		// them, as with replies and mentions (notifyPost).
		var blocked int64
		if err := tx.Model(&forum.Block{}).Where("blocker_id = ? AND blocked_id = ?", *p.AuthorID, userID).
			Count(&blocked).Error; err != nil {
			return err
		}
		if blocked > 0 {
			return nil
		}
		n := forum.Notification{UserID: *p.AuthorID, Kind: forum.NoteReaction, ActorID: &userID, PostID: postID, ThreadID: p.ThreadID, Reaction: kind, CreatedAt: now}
		return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&n).Error
	})
	if err != nil {
		return false, err
	}
	return on, nil
}
