package store

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm/clause"

	"hearth/pkg/forum"
)

// Blocks implements forum.BlockStore.
type Blocks struct{ db *DB }

// NewBlocks returns the block store on db.
func NewBlocks(db *DB) *Blocks { return &Blocks{db: db} }

var _ forum.BlockStore = (*Blocks)(nil)

// AddBlock implements forum.BlockStore.
func (s *Blocks) AddBlock(ctx context.Context, b forum.Block) error {
	return translate(s.db.write(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&b).Error)
}

// RemoveBlock implements forum.BlockStore.
func (s *Blocks) RemoveBlock(ctx context.Context, blockerID, blockedID int64) error {
	return translate(s.db.write(ctx).Where("blocker_id = ? AND blocked_id = ?", blockerID, blockedID).Delete(&forum.Block{}).Error)
}

// BlockedIDs implements forum.BlockStore.
func (s *Blocks) BlockedIDs(ctx context.Context, blockerID int64) ([]int64, error) {
	var ids []int64
	err := scanRows(s.db.read(ctx), `SELECT blocked_id FROM blocks WHERE blocker_id = ?
		UNION ALL SELECT -blocked_id FROM anonymous_blocks WHERE blocker_id = ? ORDER BY 1`,
		[]any{blockerID, blockerID}, func(r *sql.Rows) error {
			var id int64
			if err := r.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
			return nil
		})
	return ids, translate(err)
}

// BlockersAmong implements forum.BlockStore.
func (s *Blocks) BlockersAmong(ctx context.Context, authorID int64, targetIDs []int64) ([]int64, error) {
	var ids []int64
	err := s.db.read(ctx).Model(&forum.Block{}).Where("blocked_id = ? AND blocker_id IN ?", authorID, targetIDs).Order("blocker_id").Pluck("blocker_id", &ids).Error
	return ids, translate(err)
}

// blockListRow is a block joined with the blocked member's pseudonym.
type blockListRow struct {
	BlockedID int64     `gorm:"column:blocked_id"`
	Username  string    `gorm:"column:username"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// BlockList implements forum.BlockStore.
func (s *Blocks) BlockList(ctx context.Context, blockerID int64) ([]forum.BlockedMember, error) {
	var rows []blockListRow
	err := s.db.read(ctx).Table("blocks").
		Select("blocks.blocked_id, users.username, blocks.created_at").
		Joins("JOIN users ON users.id = blocks.blocked_id").
		Where("blocks.blocker_id = ?", blockerID).
		Order("blocks.created_at DESC, blocks.blocked_id").
		Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	out := make([]forum.BlockedMember, 0, len(rows))
	for _, r := range rows {
		out = append(out, forum.BlockedMember{UserID: r.BlockedID, Name: r.Username, CreatedAt: r.CreatedAt})
	}
	return out, nil
}

// MemberByKey implements forum.BlockStore.
func (s *Blocks) MemberByKey(ctx context.Context, key string) (int64, string, error) {
	var row struct {
		ID       int64  `gorm:"column:id"`
		Username string `gorm:"column:username"`
	}
	err := s.db.read(ctx).Table("users").Select("id, username").Where("username_key = ?", key).Take(&row).Error
	return row.ID, row.Username, translate(err)
}

// AddAnonymousBlock implements forum.BlockStore.
func (s *Blocks) AddAnonymousBlock(ctx context.Context, b forum.AnonymousBlock) error {
	return translate(s.db.write(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&b).Error)
}

// RemoveAnonymousBlock implements forum.BlockStore.
func (s *Blocks) RemoveAnonymousBlock(ctx context.Context, blockerID, id int64) error {
	return translate(s.db.write(ctx).Where("blocker_id = ? AND id = ?", blockerID, id).Delete(&forum.AnonymousBlock{}).Error)
}

// AnonymousBlockList implements forum.BlockStore: the thread each block
// was made in, never the blocked author.
func (s *Blocks) AnonymousBlockList(ctx context.Context, blockerID int64) ([]forum.AnonymousBlockEntry, error) {
	var rows []struct {
		ID          int64     `gorm:"column:id"`
		ThreadID    *int64    `gorm:"column:thread_id"`
		ThreadTitle *string   `gorm:"column:thread_title"`
		CreatedAt   time.Time `gorm:"column:created_at"`
	}
	err := s.db.read(ctx).Table("anonymous_blocks b").
		Select("b.id, t.id AS thread_id, t.title AS thread_title, b.created_at").
		Joins("LEFT JOIN posts p ON p.id = b.post_id").
		Joins("LEFT JOIN threads t ON t.id = p.thread_id").
		Where("b.blocker_id = ?", blockerID).
		Order("b.created_at DESC, b.id DESC").Scan(&rows).Error
	if err != nil {
		return nil, translate(err)
	}
	out := make([]forum.AnonymousBlockEntry, 0, len(rows))
	for _, r := range rows {
		e := forum.AnonymousBlockEntry{ID: r.ID, CreatedAt: r.CreatedAt}
		if r.ThreadID != nil && r.ThreadTitle != nil {
			e.ThreadID, e.ThreadTitle = *r.ThreadID, *r.ThreadTitle
		}
		out = append(out, e)
	}
	return out, nil
}
