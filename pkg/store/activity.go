package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"hearth/pkg/forum"
)

// Activity implements forum.ActivityStore.
type Activity struct{ db *DB }

// NewActivity returns the activity store on db.
func NewActivity(db *DB) *Activity { return &Activity{db: db} }

var _ forum.ActivityStore = (*Activity)(nil)

// memberVisit is a member's last visit (migration 28).
type memberVisit struct {
	UserID  int64      `gorm:"column:user_id;primaryKey"`
	SeenAt  time.Time  `gorm:"column:seen_at"`
	SinceAt *time.Time `gorm:"column:since_at"`
}

func (memberVisit) TableName() string { return "member_visits" }

// RecentThreads implements forum.ActivityStore, along the threads_activity
// index.
func (s *Activity) RecentThreads(ctx context.Context, q forum.ActivityQuery) ([]forum.ActiveThread, error) {
	tx := s.db.read(ctx).Table("threads").
		Joins("JOIN groups ON groups.id = threads.group_id").
		Where("groups.archived = ?", false).
		Where("threads.status = ?", forum.StatusVisible)
	if len(q.SkipGroups) > 0 {
		tx = tx.Where("threads.group_id NOT IN ?", q.SkipGroups)
	}
	for _, slug := range q.HideTags {
		tx = tx.Where("threads.tags NOT LIKE ?", forum.Pattern(slug))
	}
	if q.ViewerID > 0 {
		tx = tx.Where(`NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = ? AND b.blocked_id = threads.author_id)
			OR (b.blocker_id = threads.author_id AND b.blocked_id = ?))`, q.ViewerID, q.ViewerID)
	}
	var rows []forum.ActiveThread
	err := tx.Select(`threads.id, groups.slug AS group_slug, groups.name AS group_name, threads.title, threads.tags,
		threads.reply_count, threads.last_post_at`).
		Order("threads.last_post_at DESC, threads.id DESC").Limit(q.Limit).Find(&rows).Error
	return rows, translate(err)
}

// Visit implements forum.ActivityStore.
func (s *Activity) Visit(ctx context.Context, userID int64, update func(seen, since time.Time) (time.Time, time.Time)) error {
	return translate(s.db.write(ctx).Transaction(func(tx *gorm.DB) error {
		var v memberVisit
		var seen, since time.Time
		err := tx.Where("user_id = ?", userID).Take(&v).Error
		switch {
		case err == nil:
			seen = v.SeenAt
			if v.SinceAt != nil {
				since = *v.SinceAt
			}
		case err != gorm.ErrRecordNotFound:
			return err
		}
		seen, since = update(seen, since)
		row := memberVisit{UserID: userID, SeenAt: seen}
		if !since.IsZero() {
			row.SinceAt = &since
		}
		return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "user_id"}}, DoUpdates: clause.AssignmentColumns([]string{"seen_at", "since_at"})}).
			Create(&row).Error
	}))
}
