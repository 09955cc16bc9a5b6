package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// errLost rolls back an acceptance another supporter won meanwhile.
var errLost = errors.New("support request taken meanwhile")

// supportColumns is the allowlisted select list of a support request with
// its group, its two members' names and its conversation's times.
const supportColumns = `support_requests.*, groups.slug AS group_slug, groups.name AS group_name,
	COALESCE(r.username, '') AS requester_name, COALESCE(s.username, '') AS supporter_name,
	conversations.last_message_at AS last_message_at, conversations.crisis_at AS crisis_at`

func (s *Peer) requests(ctx context.Context) *gorm.DB {
	return s.db.read(ctx).Table("support_requests").Select(supportColumns).
		Joins("JOIN groups ON groups.id = support_requests.group_id").
		Joins("LEFT JOIN users r ON r.id = support_requests.requester_id").
		Joins("LEFT JOIN users s ON s.id = support_requests.supporter_id").
		Joins("LEFT JOIN conversations ON conversations.id = support_requests.conversation_id")
}

// AddRequest implements moderation.SupportStore.
func (s *Peer) AddRequest(ctx context.Context, r *moderation.SupportRequest) error {
	return translate(s.db.write(ctx).Create(r).Error)
}

// CountOpenRequests implements moderation.SupportStore.
func (s *Peer) CountOpenRequests(ctx context.Context, all bool, groups []int64) (int, error) {
	var n int64
	tx := s.db.read(ctx).Model(&moderation.SupportRequest{}).Where("status = ?", moderation.SupportOpen)
	if !all {
		tx = tx.Where("group_id IN ?", groups)
	}
	err := tx.Count(&n).Error
	return int(n), translate(err)
}

// CountActive implements moderation.SupportStore.
func (s *Peer) CountActive(ctx context.Context, userID int64) (int, error) {
	var n int64
	err := s.db.read(ctx).Model(&moderation.SupportRequest{}).
		Where("(requester_id = ? OR supporter_id = ?) AND status IN ?", userID, userID, []string{moderation.SupportOpen, moderation.SupportAccepted}).
		Count(&n).Error
	return int(n), translate(err)
}

// Request implements moderation.SupportStore.
func (s *Peer) Request(ctx context.Context, id int64) (moderation.SupportRow, error) {
	var r moderation.SupportRow
	err := s.requests(ctx).Where("support_requests.id = ?", id).Take(&r).Error
	return r, translate(err)
}

// Requests implements moderation.SupportStore.
func (s *Peer) Requests(ctx context.Context, q moderation.SupportQuery) ([]moderation.SupportRow, error) {
	tx := s.requests(ctx)
	if q.MemberID != 0 {
		tx = tx.Where("support_requests.requester_id = ? OR support_requests.supporter_id = ?", q.MemberID, q.MemberID).
			Order("support_requests.id DESC")
	} else {
		tx = tx.Where("support_requests.status = ?", moderation.SupportOpen).Order("support_requests.created_at, support_requests.id")
		if !q.All {
			tx = tx.Where("support_requests.group_id IN ?", q.Groups)
		}
	}
	var rows []moderation.SupportRow
	err := tx.Limit(q.Limit).Find(&rows).Error
	return rows, translate(err)
}

// AcceptRequest implements moderation.SupportStore.
func (s *Peer) AcceptRequest(ctx context.Context, id, supporterID int64, at time.Time) (bool, error) {
	done := false
	err := s.db.Tx(ctx, func(tx *gorm.DB) error {
		var r moderation.SupportRequest
		if err := tx.Where("id = ? AND status = ?", id, moderation.SupportOpen).Take(&r).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return nil
			}
			return err
		}
		c := forum.PrivateConversation{Kind: moderation.ConversationSupport, GroupID: &r.GroupID, SubjectID: r.RequesterID,
			Status: forum.ConversationOpen, CreatedBy: &supporterID, LastMessageAt: at, CreatedAt: at, UpdatedAt: at}
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
		for _, uid := range []int64{r.RequesterID, supporterID} {
			p := forum.ConversationParticipant{ConversationID: c.ID, UserID: uid, Role: forum.ParticipantMember, CreatedAt: at}
			if err := tx.Create(&p).Error; err != nil {
				return err
			}
		}
		res := tx.Model(&moderation.SupportRequest{}).Where("id = ? AND status = ?", id, moderation.SupportOpen).
			Updates(map[string]any{"status": moderation.SupportAccepted, "supporter_id": supporterID, "conversation_id": c.ID,
				"accepted_at": at, "updated_at": at})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errLost
		}
		done = true
		return nil
	})
	if errors.Is(err, errLost) {
		return false, nil
	}
	return done, translate(err)
}

// SetRequestStatus implements moderation.SupportStore.
func (s *Peer) SetRequestStatus(ctx context.Context, id int64, from []string, status string, by *int64, reason string, at time.Time) (bool, error) {
	done := false
	err := s.db.Tx(ctx, func(tx *gorm.DB) error {
		var r moderation.SupportRequest
		if err := tx.Where("id = ?", id).Take(&r).Error; err != nil {
			return err
		}
		res := tx.Model(&moderation.SupportRequest{}).Where("id = ? AND status IN ?", id, from).
			Updates(map[string]any{"status": status, "ended_by": by, "ended_reason": reason, "ended_at": at, "updated_at": at})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		done = true
		if r.ConversationID == nil {
			return nil
		}
		return tx.Model(&forum.PrivateConversation{}).Where("id = ? AND status = ?", *r.ConversationID, forum.ConversationOpen).
			Updates(map[string]any{"status": forum.ConversationClosed, "closed_by": by, "closed_at": at, "updated_at": at}).Error
	})
	return done, translate(err)
}

// AddSupportMessage implements moderation.SupportStore.
func (s *Peer) AddSupportMessage(ctx context.Context, r moderation.SupportRow, m *forum.ConversationMessage, crisis *moderation.AuditEntry) error {
	return translate(s.db.Tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(m).Error; err != nil {
			return err
		}
		up := map[string]any{"last_message_at": m.CreatedAt, "updated_at": m.CreatedAt}
		if crisis != nil {
			up["crisis_at"] = m.CreatedAt
		}
		if err := tx.Model(&forum.PrivateConversation{}).Where("id = ?", m.ConversationID).Updates(up).Error; err != nil {
			return err
		}
		if crisis == nil {
			return nil
		}
		rep := moderation.SupportReport{RequestID: r.ID, MessageID: &m.ID, Crisis: true, CreatedAt: m.CreatedAt}
		return reportAndAudit(tx, &rep, *crisis)
	}))
}

// reportAndAudit stores a report, opens moderators' access from now on
// and writes the audit row.
func reportAndAudit(tx *gorm.DB, rep *moderation.SupportReport, audit moderation.AuditEntry) error {
	if err := tx.Create(rep).Error; err != nil {
		return err
	}
	if err := tx.Model(&moderation.SupportRequest{}).Where("id = ? AND reported_at IS NULL", rep.RequestID).
		Update("reported_at", rep.CreatedAt).Error; err != nil {
		return err
	}
	return tx.Create(&audit).Error
}

// Messages implements moderation.SupportStore.
func (s *Peer) Messages(ctx context.Context, conversationID int64) ([]moderation.MessageRow, error) {
	var ms []moderation.MessageRow
	err := s.db.read(ctx).Table("conversation_messages").Select("conversation_messages.*, COALESCE(u.username, '') AS author_name").
		Joins("LEFT JOIN users u ON u.id = conversation_messages.author_id").
		Where("conversation_messages.conversation_id = ?", conversationID).Order("conversation_messages.id").Find(&ms).Error
	return ms, translate(err)
}

// AddSupportReport implements moderation.SupportStore.
func (s *Peer) AddSupportReport(ctx context.Context, rep *moderation.SupportReport, audit moderation.AuditEntry) error {
	return translate(s.db.Tx(ctx, func(tx *gorm.DB) error { return reportAndAudit(tx, rep, audit) }))
}

// SupportAudit implements moderation.SupportStore.
func (s *Peer) SupportAudit(ctx context.Context, e moderation.AuditEntry) error {
	return translate(s.db.write(ctx).Create(&e).Error)
}

// HandleSupportReports implements moderation.SupportStore.
func (s *Peer) HandleSupportReports(ctx context.Context, requestID, actorID int64, audit moderation.AuditEntry, at time.Time) (bool, error) {
	done := false
	err := s.db.Tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&moderation.SupportReport{}).Where("request_id = ? AND handled_at IS NULL", requestID).
			Updates(map[string]any{"handled_by": actorID, "handled_at": at})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		done = true
		return tx.Create(&audit).Error
	})
	return done, translate(err)
}

// SupportAttention implements moderation.SupportStore.
func (s *Peer) SupportAttention(ctx context.Context, all bool, groups []int64, limit int) ([]moderation.SupportAttention, error) {
	tx := s.db.read(ctx).Table("support_reports").
		Select(`support_reports.request_id, groups.name AS group_name, MAX(CASE WHEN support_reports.crisis THEN 1 ELSE 0 END) = 1 AS crisis,
			COUNT(*) AS reports, MIN(support_reports.created_at) AS since`).
		Joins("JOIN support_requests ON support_requests.id = support_reports.request_id").
		Joins("JOIN groups ON groups.id = support_requests.group_id").
		Where("support_reports.handled_at IS NULL")
	if !all {
		tx = tx.Where("support_requests.group_id IN ?", groups)
	}
	var rows []moderation.SupportAttention
	err := tx.Group("support_reports.request_id, groups.name").
		Order("MAX(CASE WHEN support_reports.crisis THEN 1 ELSE 0 END) DESC, MIN(support_reports.created_at)").
		Limit(limit).Find(&rows).Error
	return rows, translate(err)
}
