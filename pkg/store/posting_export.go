package store

import (
	"gorm.io/gorm"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// The reading-and-posting sections of a member's export: the reactions
// they gave, their trigger-warning choices and their thread subscriptions.

func exportReactions(tx *gorm.DB, userID int64, e *auth.Export) error {
	var rs []forum.Reaction
	if err := tx.Where("user_id = ?", userID).Order("created_at, post_id").Find(&rs).Error; err != nil {
		return err
	}
	e.Reactions = make([]auth.ExportReaction, len(rs))
	for i, r := range rs {
		e.Reactions[i] = auth.ExportReaction{PostID: r.PostID, Kind: r.Kind, CreatedAt: r.CreatedAt}
	}
	return nil
}

func exportTagPrefs(tx *gorm.DB, userID int64, e *auth.Export) error {
	var ps []forum.TagPref
	if err := tx.Where("user_id = ?", userID).Order("tag_slug").Find(&ps).Error; err != nil {
		return err
	}
	e.TriggerWarnings = map[string]string{}
	for _, p := range ps {
		e.TriggerWarnings[p.TagSlug] = p.Mode
	}
	return nil
}

func exportSubscriptions(tx *gorm.DB, userID int64, e *auth.Export) error {
	var ss []forum.Subscription
	if err := tx.Where("user_id = ?", userID).Order("thread_id").Find(&ss).Error; err != nil {
		return err
	}
	e.Subscriptions = make([]auth.ExportSubscription, len(ss))
	for i, s := range ss {
		e.Subscriptions[i] = auth.ExportSubscription{ThreadID: s.ThreadID, State: s.State, Since: s.CreatedAt}
	}
	return nil
}
