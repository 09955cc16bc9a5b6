package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"hearth/migrations"
	"hearth/pkg/forum"
)

// Waiting implements forum.WaitingStore.
type Waiting struct{ db *DB }

// NewWaiting returns the waiting-list store on db.
func NewWaiting(db *DB) *Waiting { return &Waiting{db: db} }

var _ forum.WaitingStore = (*Waiting)(nil)

// waitingColumns is the allowlisted select list of the waiting list.
const waitingColumns = `threads.id, threads.group_id, groups.slug AS group_slug, groups.name AS group_name,
	threads.title, threads.tags, threads.author_id, threads.created_at`

// answeredBy is the condition "someone other than the thread's author has
// replied": a visible or redacted post that is not the opening post. The
// threads' answered column keeps it (migration 46), so the waiting list
// reads only threads still waiting, through their partial index; the
// list checks it again for those few, so it never shows an answered
// thread.
var answeredBy = migrations.AnsweredSQL("threads")

// memberHelping records the members who asked to see the waiting count.
type memberHelping struct {
	UserID    int64     `gorm:"column:user_id;primaryKey"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

func (memberHelping) TableName() string { return "member_helping" }

func (s *Waiting) query(ctx context.Context, q forum.WaitingQuery) *gorm.DB {
	tx := s.db.read(ctx).Table("threads").
		Joins("JOIN groups ON groups.id = threads.group_id").
		Where("groups.archived = ?", false).
		Where("threads.status = ? AND threads.locked = ? AND threads.author_id IS NOT NULL", forum.StatusVisible, false).
		Where("threads.created_at >= ?", q.Since).
		Where("NOT threads.answered AND NOT " + answeredBy)
	if !q.Before.IsZero() {
		tx = tx.Where("threads.created_at < ?", q.Before)
	}
	if q.GroupID != 0 {
		tx = tx.Where("threads.group_id = ?", q.GroupID)
	}
	if q.OnlyGroups != nil {
		if len(q.OnlyGroups) == 0 {
			tx = tx.Where("1 = 0")
		} else {
			tx = tx.Where("threads.group_id IN ?", q.OnlyGroups)
		}
	}
	if len(q.SkipGroups) > 0 {
		tx = tx.Where("threads.group_id NOT IN ?", q.SkipGroups)
	}
	for _, slug := range q.HideTags {
		tx = tx.Where("threads.tags NOT LIKE ?", forum.Pattern(slug))
	}
	if q.ViewerID > 0 {
		tx = tx.Where(`NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = ? AND b.blocked_id = threads.author_id)
			OR (b.blocker_id = threads.author_id AND b.blocked_id = ?))`, q.ViewerID, q.ViewerID)
		if q.ExcludeOwn {
			tx = tx.Where("threads.author_id <> ?", q.ViewerID)
		}
	}
	return tx
}

// WaitingThreads implements forum.WaitingStore.
func (s *Waiting) WaitingThreads(ctx context.Context, q forum.WaitingQuery) ([]forum.WaitingThread, error) {
	var rows []forum.WaitingThread
	err := s.query(ctx, q).Select(waitingColumns).Order("threads.created_at, threads.id").
		Offset(q.Offset).Limit(q.Limit + 1).Find(&rows).Error
	return rows, translate(err)
}

// CountWaiting implements forum.WaitingStore.
func (s *Waiting) CountWaiting(ctx context.Context, q forum.WaitingQuery, limit int) (int, error) {
	var n int64
	sub := s.query(ctx, q).Select("threads.id").Limit(limit)
	err := s.db.read(ctx).Table("(?) AS w", sub).Count(&n).Error
	return int(n), translate(err)
}

// Answered implements forum.WaitingStore.
func (s *Waiting) Answered(ctx context.Context, threadID int64) (bool, error) {
	var n int64
	err := s.db.read(ctx).Table("threads").Where("threads.id = ? AND "+answeredBy, threadID).Count(&n).Error
	return n > 0, translate(err)
}

// Helping implements forum.WaitingStore.
func (s *Waiting) Helping(ctx context.Context, userID int64) (bool, error) {
	var n int64
	err := s.db.read(ctx).Model(&memberHelping{}).Where("user_id = ?", userID).Count(&n).Error
	return n > 0, translate(err)
}

// SetHelping implements forum.WaitingStore.
func (s *Waiting) SetHelping(ctx context.Context, userID int64, on bool, at time.Time) error {
	if !on {
		return translate(s.db.write(ctx).Where("user_id = ?", userID).Delete(&memberHelping{}).Error)
	}
	return translate(s.db.write(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&memberHelping{UserID: userID, CreatedAt: at}).Error)
}
