package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// exportSections fill an auth.Export, in this order, inside one read
// transaction so the file is a consistent snapshot.
//
// Other areas add their sections here: write
// `func exportX(tx *gorm.DB, userID int64, e *auth.Export) error` in your
// own file in this package, add its field to auth.Export
// (pkg/auth/export.go), and append the function to this list. Read only
// rows the member wrote or set, and never secrets.
var exportSections = []func(tx *gorm.DB, userID int64, e *auth.Export) error{
	exportProfile,
	exportThreads,
	exportPosts,
	exportSessions,
	// Sections of other areas go below this line.
	exportReactions,
	exportTagPrefs,
	exportSubscriptions,
	exportReportsFiled,
	exportBlocks,
	exportAnonymousBlocks,
	exportBreaks,
	exportCheckInMessages,
}

// Export implements auth.AccountStore.
func (s *Auth) Export(ctx context.Context, userID int64) (auth.Export, error) {
	var e auth.Export
	err := s.db.read(ctx).Transaction(func(tx *gorm.DB) error {
		for _, section := range exportSections {
			if err := section(tx, userID, &e); err != nil {
				return err
			}
		}
		return nil
	})
	return e, translate(err)
}

func exportProfile(tx *gorm.DB, userID int64, e *auth.Export) error {
	var u auth.User
	if err := tx.Where("id = ?", userID).Take(&u).Error; err != nil {
		return err
	}
	var left int64
	if err := tx.Model(&auth.RecoveryCode{}).Where("user_id = ? AND used_at IS NULL", userID).Count(&left).Error; err != nil {
		return err
	}
	e.Profile = auth.ExportProfile{Pseudonym: u.Username, Joined: u.CreatedAt, Role: u.Role, Status: u.Status, StatusUntil: u.StatusUntil, StatusReason: u.StatusReason}
	e.Settings = auth.ExportSettings{Country: u.Country, Language: u.Language, TwoFactorEnabled: u.TOTPEnabled, RecoveryCodesLeft: int(left)}
	return nil
}

type exportThreadRow struct {
	ID        int64      `gorm:"column:id"`
	GroupSlug string     `gorm:"column:group_slug"`
	Title     string     `gorm:"column:title"`
	Tags      forum.Tags `gorm:"column:tags"`
	Status    string     `gorm:"column:status"`
	Anonymous bool       `gorm:"column:anonymous"`
	CreatedAt time.Time  `gorm:"column:created_at"`
}

func exportThreads(tx *gorm.DB, userID int64, e *auth.Export) error {
	var rows []exportThreadRow
	err := tx.Table("threads").
		Select("threads.id, groups.slug AS group_slug, threads.title, threads.tags, threads.status, threads.anonymous, threads.created_at").
		Joins("JOIN groups ON groups.id = threads.group_id").
		Where("threads.author_id = ?", userID).Order("threads.id").Scan(&rows).Error
	if err != nil {
		return err
	}
	e.Threads = make([]auth.ExportThread, len(rows))
	for i, r := range rows {
		e.Threads[i] = auth.ExportThread{ID: r.ID, Group: r.GroupSlug, Title: r.Title, Tags: nonNil(r.Tags.Slugs()), Status: r.Status, Anonymous: r.Anonymous, CreatedAt: r.CreatedAt}
	}
	return nil
}

func exportPosts(tx *gorm.DB, userID int64, e *auth.Export) error {
	var posts []forum.Post
	if err := tx.Where("author_id = ?", userID).Order("id").Find(&posts).Error; err != nil {
		return err
	}
	e.Posts = make([]auth.ExportPost, len(posts))
	for i, p := range posts {
		e.Posts[i] = auth.ExportPost{ID: p.ID, ThreadID: p.ThreadID, ParentID: p.ParentID, Markdown: p.BodyMD, Tags: nonNil(p.Tags.Slugs()),
			Status: p.Status, Anonymous: p.Anonymous, Created: p.CreatedAt, Edited: p.EditedAt}
	}
	return nil
}

func exportSessions(tx *gorm.DB, userID int64, e *auth.Export) error {
	var ss []auth.Session
	if err := tx.Where("user_id = ?", userID).Order("created_at").Find(&ss).Error; err != nil {
		return err
	}
	e.Sessions = make([]auth.ExportSession, len(ss))
	for i, x := range ss {
		e.Sessions[i] = auth.ExportSession{Device: x.Device, CreatedAt: x.CreatedAt, LastSeenAt: x.LastSeenAt, ExpiresAt: x.ExpiresAt, TokenHash: x.TokenHash}
	}
	return nil
}

// nonNil makes empty lists export as [] rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
