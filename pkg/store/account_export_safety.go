package store

import (
	"time"

	"gorm.io/gorm"

	"hearth/pkg/auth"
)

// exportReportsFiled adds the reports the member filed. Only their own
// reports are read; who else reported the same post is never included.
func exportReportsFiled(tx *gorm.DB, userID int64, e *auth.Export) error {
	var rows []struct {
		PostID    int64     `gorm:"column:post_id"`
		Reason    string    `gorm:"column:reason"`
		Note      string    `gorm:"column:note"`
		Status    string    `gorm:"column:status"`
		CreatedAt time.Time `gorm:"column:created_at"`
	}
	if err := tx.Table("reports").Select("post_id, reason, note, status, created_at").
		Where("reporter_id = ?", userID).Order("id").Scan(&rows).Error; err != nil {
		return err
	}
	e.ReportsFiled = make([]auth.ExportReport, len(rows))
	for i, r := range rows {
		e.ReportsFiled[i] = auth.ExportReport{PostID: r.PostID, Reason: r.Reason, Note: r.Note, Status: r.Status, CreatedAt: r.CreatedAt}
	}
	return nil
}

// exportBlocks adds the members the member blocked.
func exportBlocks(tx *gorm.DB, userID int64, e *auth.Export) error {
	var rows []struct {
		Username  string    `gorm:"column:username"`
		CreatedAt time.Time `gorm:"column:created_at"`
	}
	if err := tx.Table("blocks").Select("users.username, blocks.created_at").
		Joins("JOIN users ON users.id = blocks.blocked_id").
		Where("blocks.blocker_id = ?", userID).Order("blocks.created_at").Scan(&rows).Error; err != nil {
		return err
	}
	e.Blocks = make([]auth.ExportBlock, len(rows))
	for i, r := range rows {
		e.Blocks[i] = auth.ExportBlock{Pseudonym: r.Username, Since: r.CreatedAt}
	}
	return nil
}

// exportAnonymousBlocks adds the authors the member blocked from their
// anonymous posts, by post: the export never names them.
func exportAnonymousBlocks(tx *gorm.DB, userID int64, e *auth.Export) error {
	var rows []struct {
		PostID    *int64    `gorm:"column:post_id"`
		CreatedAt time.Time `gorm:"column:created_at"`
	}
	if err := tx.Table("anonymous_blocks").Select("post_id, created_at").
		Where("blocker_id = ?", userID).Order("created_at, id").Scan(&rows).Error; err != nil {
		return err
	}
	e.AnonymousBlocks = make([]auth.ExportAnonymousBlock, len(rows))
	for i, r := range rows {
		e.AnonymousBlocks[i] = auth.ExportAnonymousBlock{PostID: r.PostID, Since: r.CreatedAt}
	}
	return nil
}

// exportBreaks adds the breaks the member took.
func exportBreaks(tx *gorm.DB, userID int64, e *auth.Export) error {
	var rows []struct {
		Scope    string    `gorm:"column:scope"`
		Slug     *string   `gorm:"column:slug"`
		Tag      string    `gorm:"column:tag"`
		StartsAt time.Time `gorm:"column:starts_at"`
		EndsAt   time.Time `gorm:"column:ends_at"`
	}
	if err := tx.Table("breaks").Select("breaks.scope, groups.slug, breaks.tag, breaks.starts_at, breaks.ends_at").
		Joins("LEFT JOIN groups ON groups.id = breaks.group_id").
		Where("breaks.user_id = ?", userID).Order("breaks.id").Scan(&rows).Error; err != nil {
		return err
	}
	e.Breaks = make([]auth.ExportBreak, len(rows))
	for i, r := range rows {
		b := auth.ExportBreak{Scope: r.Scope, Tag: r.Tag, Starts: r.StartsAt, Ends: r.EndsAt}
		if r.Slug != nil {
			b.Group = *r.Slug
		}
		e.Breaks[i] = b
	}
	return nil
}

// eraseReportNotes removes the free text of the member's reports when they
// erase their words; the reports themselves stay (anonymous, reporter set
// NULL by the foreign key) so moderation history keeps its shape.
func eraseReportNotes(tx *gorm.DB, userID int64, mode auth.DeleteMode, _ time.Time) error {
	if mode != auth.DeleteErase {
		return nil
	}
	return tx.Table("reports").Where("reporter_id = ?", userID).Update("note", "").Error
}
