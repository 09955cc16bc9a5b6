package store

import (
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// AddConversation implements moderation.CareTx.
func (t *modTx) AddConversation(c *forum.PrivateConversation) error {
	return translate(t.tx.Create(c).Error)
}

// AddParticipant implements moderation.CareTx.
func (t *modTx) AddParticipant(p *forum.ConversationParticipant) error {
	return translate(t.tx.Exec(`INSERT INTO conversation_participants (conversation_id, user_id, role, created_at)
		VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, p.ConversationID, p.UserID, p.Role, p.CreatedAt).Error)
}

// AddMessage implements moderation.CareTx.
func (t *modTx) AddMessage(m *forum.ConversationMessage) error {
	return translate(t.tx.Create(m).Error)
}

// LockConversation implements moderation.CareTx. Setting a column to itself
// takes the row lock on PostgreSQL; SQLite's write transaction already
// holds the database.
func (t *modTx) LockConversation(id int64) (forum.PrivateConversation, error) {
	var c forum.PrivateConversation
	if err := t.tx.Exec("UPDATE conversations SET updated_at = updated_at WHERE id = ?", id).Error; err != nil {
		return c, translate(err)
	}
	return c, translate(t.tx.Where("id = ?", id).Take(&c).Error)
}

// SaveConversation implements moderation.CareTx.
func (t *modTx) SaveConversation(c *forum.PrivateConversation) error {
	return translate(t.tx.Model(c).Select("status", "waiting", "crisis_at", "closed_by", "closed_by_member", "closed_at",
		"last_message_at", "updated_at").Updates(c).Error)
}

// OpenConversationWith implements moderation.CareTx.
func (t *modTx) OpenConversationWith(kind string, subjectID, groupID int64) (int64, error) {
	var cs []forum.PrivateConversation
	err := t.tx.Where("kind = ? AND subject_id = ? AND group_id = ? AND status = ?", kind, subjectID, groupID, forum.ConversationOpen).
		Order("id").Limit(1).Find(&cs).Error
	if err != nil || len(cs) == 0 {
		return 0, translate(err)
	}
	return cs[0].ID, nil
}

// MemberClosedSince implements moderation.CareTx.
func (t *modTx) MemberClosedSince(kind string, subjectID int64, since time.Time) (*time.Time, error) {
	var cs []forum.PrivateConversation
	err := t.tx.Where("kind = ? AND subject_id = ? AND status = ? AND closed_by_member = ? AND closed_at > ?",
		kind, subjectID, forum.ConversationClosed, true, since).Order("closed_at DESC").Limit(1).Find(&cs).Error
	if err != nil || len(cs) == 0 {
		return nil, translate(err)
	}
	return cs[0].ClosedAt, nil
}

// HasConversationNotice implements moderation.CareTx.
func (t *modTx) HasConversationNotice(userID, conversationID int64) (bool, error) {
	var n int64
	err := t.tx.Model(&moderation.Notice{}).Where("user_id = ? AND conversation_id = ? AND acknowledged_at IS NULL", userID, conversationID).
		Count(&n).Error
	return n > 0, translate(err)
}

// AckConversationNotices implements moderation.CareTx.
func (t *modTx) AckConversationNotices(userID, conversationID int64, at time.Time) error {
	return translate(t.tx.Model(&moderation.Notice{}).
		Where("user_id = ? AND conversation_id = ? AND acknowledged_at IS NULL", userID, conversationID).
		Update("acknowledged_at", at).Error)
}

// AddEscalation implements moderation.CareTx. The conflict target names
// the partial unique index of open escalations, so a second escalation of
// the same target inserts nothing instead of failing the transaction.
func (t *modTx) AddEscalation(e *moderation.Escalation) error {
	var ids []int64
	err := t.tx.Raw(`INSERT INTO escalations (target_type, target_id, group_id, subject_id, post_id, reason, status, escalated_by, resolution, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)
		ON CONFLICT (target_type, target_id) WHERE status = 'open' DO NOTHING RETURNING id`,
		e.TargetType, e.TargetID, e.GroupID, e.SubjectID, e.PostID, e.Reason, e.Status, e.By, e.CreatedAt).Scan(&ids).Error
	if err != nil {
		return translate(err)
	}
	if len(ids) == 0 {
		return forum.ErrConflict
	}
	e.ID = ids[0]
	return nil
}

// OpenEscalation implements moderation.CareTx.
func (t *modTx) OpenEscalation(targetType string, targetID int64) (moderation.Escalation, error) {
	var e moderation.Escalation
	err := t.tx.Where("target_type = ? AND target_id = ? AND status = ?", targetType, targetID, moderation.EscalationOpen).Take(&e).Error
	return e, translate(err)
}

// ResolveEscalation implements moderation.CareTx.
func (t *modTx) ResolveEscalation(id, actorID int64, note string, at time.Time) (bool, error) {
	return changed(t.tx.Model(&moderation.Escalation{}).Where("id = ? AND status = ?", id, moderation.EscalationOpen).
		Updates(map[string]any{"status": moderation.EscalationResolved, "resolved_by": actorID, "resolution": note, "resolved_at": at}))
}

// EscalationByID implements moderation.CareTx.
func (t *modTx) EscalationByID(id int64) (moderation.Escalation, error) {
	var e moderation.Escalation
	return e, translate(t.tx.Where("id = ?", id).Take(&e).Error)
}
