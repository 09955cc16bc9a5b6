package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// checkInColumns is the allowlisted select list of a check-in with its
// member, group and the moderator who opened it.
const checkInColumns = `conversations.*, s.username AS subject_name, s.country AS subject_country,
	COALESCE(groups.name, '') AS group_name, COALESCE(groups.slug, '') AS group_slug, COALESCE(c.username, '') AS creator_name`

// checkInOrder puts crisis replies first (the oldest unanswered first),
// then check-ins waiting for staff (longest waiting first), then open ones,
// then the rest by their last message, newest first.
const checkInOrder = `(conversations.crisis_at IS NULL), conversations.crisis_at, conversations.waiting DESC,
	CASE WHEN conversations.waiting THEN conversations.last_message_at END,
	(conversations.status = 'closed'), conversations.last_message_at DESC, conversations.id DESC`

func (s *Moderation) checkIns(ctx context.Context) *gorm.DB {
	return s.db.read(ctx).Table("conversations").Select(checkInColumns).
		Joins("JOIN users s ON s.id = conversations.subject_id").
		Joins("LEFT JOIN groups ON groups.id = conversations.group_id").
		Joins("LEFT JOIN users c ON c.id = conversations.created_by").
		Where("conversations.kind = ?", forum.ConversationCheckIn)
}

// CheckIn implements moderation.Store.
func (s *Moderation) CheckIn(ctx context.Context, id int64) (moderation.CheckInRow, error) {
	var r moderation.CheckInRow
	err := s.checkIns(ctx).Where("conversations.id = ?", id).Take(&r).Error
	return r, translate(err)
}

// Messages implements moderation.Store.
func (s *Moderation) Messages(ctx context.Context, conversationID, before int64, limit int) ([]moderation.MessageRow, error) {
	var ms []moderation.MessageRow
	tx := s.db.read(ctx).Table("conversation_messages").Select("conversation_messages.*, u.username AS author_name").
		Joins("LEFT JOIN users u ON u.id = conversation_messages.author_id").
		Where("conversation_messages.conversation_id = ?", conversationID)
	if before > 0 {
		tx = tx.Where("conversation_messages.id < ?", before)
	}
	err := tx.Order("conversation_messages.id DESC").Limit(limit + 1).Find(&ms).Error
	return ms, translate(err)
}

// CheckIns implements moderation.Store.
func (s *Moderation) CheckIns(ctx context.Context, q moderation.CheckInQuery) ([]moderation.CheckInRow, error) {
	tx := s.checkIns(ctx)
	switch {
	case q.SubjectID != 0:
		tx = tx.Where("conversations.subject_id = ?", q.SubjectID)
	case !q.All:
		if len(q.Groups) == 0 {
			return nil, nil
		}
		tx = tx.Where("conversations.group_id IN ?", q.Groups)
	}
	if q.Waiting {
		tx = tx.Where("conversations.waiting = ?", true)
	}
	var rows []moderation.CheckInRow
	err := tx.Order(checkInOrder).Offset(q.Offset).Limit(q.Limit + 1).Find(&rows).Error
	return rows, translate(err)
}

// CheckInsAbout implements moderation.Store.
func (s *Moderation) CheckInsAbout(ctx context.Context, subjectIDs []int64, since time.Time) ([]moderation.CheckInRow, error) {
	if len(subjectIDs) == 0 {
		return nil, nil
	}
	var rows []moderation.CheckInRow
	err := s.checkIns(ctx).Where("conversations.subject_id IN ? AND conversations.created_at >= ?", subjectIDs, since).
		Order("conversations.id").Find(&rows).Error
	return rows, translate(err)
}

// escalationColumns is the allowlisted select list of an escalation with
// the names a lead needs.
const escalationColumns = `escalations.*, COALESCE(b.username, '') AS by_name, COALESCE(r.username, '') AS resolver_name,
	COALESCE(s.username, '') AS subject_name, COALESCE(groups.name, '') AS group_name, posts.thread_id AS thread_id,
	COALESCE(threads.title, '') AS thread_title, COALESCE(posts.body_html, '') AS post_html, COALESCE(posts.tags, '') AS post_tags,
	COALESCE(threads.tags, '') AS thread_tags, threads.first_post_id AS first_post_id`

// Escalations implements moderation.Store.
func (s *Moderation) Escalations(ctx context.Context, q moderation.EscalationQuery) ([]moderation.EscalationRow, error) {
	order := "escalations.created_at, escalations.id"
	if q.Status == moderation.EscalationResolved {
		order = "escalations.resolved_at DESC, escalations.id DESC"
	}
	tx := s.db.read(ctx).Table("escalations").Select(escalationColumns).
		Joins("LEFT JOIN users b ON b.id = escalations.escalated_by").
		Joins("LEFT JOIN users r ON r.id = escalations.resolved_by").
		Joins("LEFT JOIN users s ON s.id = escalations.subject_id").
		Joins("LEFT JOIN groups ON groups.id = escalations.group_id").
		Joins("LEFT JOIN posts ON posts.id = escalations.post_id").
		Joins("LEFT JOIN threads ON threads.id = posts.thread_id")
	if q.ID > 0 {
		tx = tx.Where("escalations.id = ?", q.ID)
	} else {
		tx = tx.Where("escalations.status = ?", q.Status)
	}
	var rows []moderation.EscalationRow
	err := tx.Order(order).Offset(q.Offset).Limit(q.Limit + 1).Find(&rows).Error
	return rows, translate(err)
}

// OpenEscalations implements moderation.Store.
func (s *Moderation) OpenEscalations(ctx context.Context, targetType string, targetIDs []int64) ([]moderation.Escalation, error) {
	if len(targetIDs) == 0 {
		return nil, nil
	}
	var es []moderation.Escalation
	err := s.db.read(ctx).Where("target_type = ? AND target_id IN ? AND status = ?", targetType, targetIDs, moderation.EscalationOpen).
		Order("id").Find(&es).Error
	return es, translate(err)
}

// CountLeads implements moderation.Store.
func (s *Moderation) CountLeads(ctx context.Context) (int, error) {
	var n int64
	err := s.db.read(ctx).Table("users").Where("safeguarding_lead = ? AND status = ?", true, string(auth.StatusActive)).Count(&n).Error
	return int(n), translate(err)
}

// exportCheckInMessages adds what the member wrote in their check-ins:
// their own messages only.
func exportCheckInMessages(tx *gorm.DB, userID int64, e *auth.Export) error {
	var rows []struct {
		ID        int64     `gorm:"column:conversation_id"`
		Group     string    `gorm:"column:group_name"`
		Body      string    `gorm:"column:body_md"`
		CreatedAt time.Time `gorm:"column:created_at"`
	}
	if err := tx.Table("conversation_messages m").Select("m.conversation_id, COALESCE(groups.name, '') AS group_name, m.body_md, m.created_at").
		Joins("JOIN conversations c ON c.id = m.conversation_id").
		Joins("LEFT JOIN groups ON groups.id = c.group_id").
		Where("m.author_id = ? AND c.subject_id = ? AND c.kind = ?", userID, userID, forum.ConversationCheckIn).
		Order("m.id").Scan(&rows).Error; err != nil {
		return err
	}
	e.CheckInMessages = make([]auth.ExportCheckInMessage, len(rows))
	for i, r := range rows {
		e.CheckInMessages[i] = auth.ExportCheckInMessage{CheckInID: r.ID, Group: r.Group, Body: r.Body, CreatedAt: r.CreatedAt}
	}
	return nil
}

// CountOpenEscalations implements moderation.Store.
func (s *Moderation) CountOpenEscalations(ctx context.Context) (int, error) {
	var n int64
	err := s.db.read(ctx).Model(&moderation.Escalation{}).Where("status = ?", moderation.EscalationOpen).Count(&n).Error
	return int(n), translate(err)
}
