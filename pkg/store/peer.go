package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// Peer implements moderation.PeerStore.
type Peer struct{ db *DB }

// NewPeer returns the peer-support store on db.
func NewPeer(db *DB) *Peer { return &Peer{db: db} }

var _ moderation.PeerStore = (*Peer)(nil)

// peerSupporter is a member appointed to support others in a group.
type peerSupporter struct {
	GroupID     int64     `gorm:"column:group_id;primaryKey"`
	UserID      int64     `gorm:"column:user_id;primaryKey"`
	AppointedBy *int64    `gorm:"column:appointed_by"`
	CreatedAt   time.Time `gorm:"column:created_at"`
}

func (peerSupporter) TableName() string { return "peer_supporters" }

// SupporterGroups implements moderation.PeerStore.
func (s *Peer) SupporterGroups(ctx context.Context, userID int64) ([]int64, error) {
	var ids []int64
	err := s.db.read(ctx).Model(&peerSupporter{}).Where("user_id = ?", userID).Order("group_id").Pluck("group_id", &ids).Error
	return ids, translate(err)
}

// SupporterIDs implements moderation.PeerStore.
func (s *Peer) SupporterIDs(ctx context.Context, groupID int64) ([]int64, error) {
	var ids []int64
	err := s.db.read(ctx).Model(&peerSupporter{}).Where("group_id = ?", groupID).Order("user_id").Pluck("user_id", &ids).Error
	return ids, translate(err)
}

// SetSupporterGroups implements moderation.PeerStore.
func (s *Peer) SetSupporterGroups(ctx context.Context, ch moderation.SupporterChange, audits []moderation.AuditEntry) error {
	return s.db.Tx(ctx, func(tx *gorm.DB) error {
		q := tx.Where("user_id = ?", ch.TargetID)
		if len(ch.Groups) > 0 {
			q = q.Where("group_id NOT IN ?", ch.Groups)
		}
		if err := q.Delete(&peerSupporter{}).Error; err != nil {
			return err
		}
		for _, g := range ch.Groups {
			row := peerSupporter{GroupID: g, UserID: ch.TargetID, AppointedBy: &ch.ActorID, CreatedAt: ch.At}
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
				return err
			}
		}
		for i := range audits {
			if err := tx.Create(&audits[i]).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// FollowedGroups implements moderation.PeerStore.
func (s *Peer) FollowedGroups(ctx context.Context, userID int64) ([]moderation.GroupFollow, error) {
	var fs []moderation.GroupFollow
	err := s.db.read(ctx).Where("user_id = ?", userID).Order("group_id").Find(&fs).Error
	return fs, translate(err)
}

// SetFollow implements moderation.PeerStore.
func (s *Peer) SetFollow(ctx context.Context, userID, groupID int64, on bool, seen int64, at time.Time) error {
	if !on {
		return translate(s.db.write(ctx).Where("user_id = ? AND group_id = ?", userID, groupID).Delete(&moderation.GroupFollow{}).Error)
	}
	f := moderation.GroupFollow{UserID: userID, GroupID: groupID, SeenThreadID: seen, CreatedAt: at}
	return translate(s.db.write(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&f).Error)
}

// NewThreads implements moderation.PeerStore.
func (s *Peer) NewThreads(ctx context.Context, groupID, after int64, limit int) ([]moderation.NewThread, error) {
	var ts []moderation.NewThread
	err := s.db.read(ctx).Table("threads").Select("id, group_id, title, tags, created_at").
		Where("group_id = ? AND id > ? AND status = ?", groupID, after, "visible").
		Order("id DESC").Limit(limit).Find(&ts).Error
	return ts, translate(err)
}

// MarkSeen implements moderation.PeerStore.
func (s *Peer) MarkSeen(ctx context.Context, userID, groupID, threadID int64) error {
	return translate(s.db.write(ctx).Model(&moderation.GroupFollow{}).
		Where("user_id = ? AND group_id = ? AND seen_thread_id < ?", userID, groupID, threadID).
		Update("seen_thread_id", threadID).Error)
}

// LatestThreadID implements moderation.PeerStore.
func (s *Peer) LatestThreadID(ctx context.Context, groupID int64) (int64, error) {
	var id *int64
	err := s.db.read(ctx).Table("threads").Where("group_id = ?", groupID).Select("MAX(id)").Scan(&id).Error
	if err != nil || id == nil {
		return 0, translate(err)
	}
	return *id, nil
}

// UserCreatedAt implements moderation.PeerStore.
func (s *Peer) UserCreatedAt(ctx context.Context, userID int64) (time.Time, error) {
	var at []time.Time
	err := s.db.read(ctx).Table("users").Where("id = ?", userID).Pluck("created_at", &at).Error
	if err != nil {
		return time.Time{}, translate(err)
	}
	if len(at) == 0 {
		return time.Time{}, forum.ErrNotFound
	}
	return at[0], nil
}

// Blocked implements moderation.SupportStore.
func (s *Peer) Blocked(ctx context.Context, a, b int64) (bool, error) {
	var n int64
	err := s.db.read(ctx).Table("blocks").Where("(blocker_id = ? AND blocked_id = ?) OR (blocker_id = ? AND blocked_id = ?)", a, b, b, a).Count(&n).Error
	return n > 0, translate(err)
}
