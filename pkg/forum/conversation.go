package forum

import "time"

// Kinds of private conversation. A check-in is between one member and the
// staff of one group; other kinds (one-to-one support) reuse the same
// tables with participants of their own.
const (
	ConversationCheckIn = "checkin"
)

// Conversation statuses.
const (
	ConversationOpen   = "open"
	ConversationClosed = "closed"
)

// Participant roles in a conversation.
const (
	ParticipantMember = "member"
	ParticipantStaff  = "staff"
)

// PrivateConversation is a private conversation. Who may read it depends
// on its Kind: a check-in is open to its member (SubjectID) and the staff
// of its group, and to nobody else.
type PrivateConversation struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	Kind      string `gorm:"column:kind"`
	GroupID   *int64 `gorm:"column:group_id"`
	SubjectID int64  `gorm:"column:subject_id"`
	// ItemID and PostID are the queue item and post the check-in was
	// opened from, when it was.
	ItemID *int64 `gorm:"column:item_id"`
	PostID *int64 `gorm:"column:post_id"`
	Status string `gorm:"column:status"`
	// Waiting is true while the member has written last and no staff
	// member has answered.
	Waiting bool `gorm:"column:waiting"`
	// CrisisAt is when a reply of the member's read as a crisis; it stays
	// set until staff answer or close the conversation.
	CrisisAt       *time.Time `gorm:"column:crisis_at"`
	CreatedBy      *int64     `gorm:"column:created_by"`
	ClosedBy       *int64     `gorm:"column:closed_by"`
	ClosedByMember bool       `gorm:"column:closed_by_member"`
	ClosedAt       *time.Time `gorm:"column:closed_at"`
	LastMessageAt  time.Time  `gorm:"column:last_message_at"`
	CreatedAt      time.Time  `gorm:"column:created_at"`
	UpdatedAt      time.Time  `gorm:"column:updated_at"`
}

// TableName is the table PrivateConversation is stored in.
func (PrivateConversation) TableName() string { return "conversations" }

// IsOpen reports whether messages may still be written.
func (c PrivateConversation) IsOpen() bool { return c.Status == ConversationOpen }

// ConversationParticipant is someone taking part in a conversation.
type ConversationParticipant struct {
	ConversationID int64     `gorm:"column:conversation_id;primaryKey"`
	UserID         int64     `gorm:"column:user_id;primaryKey"`
	Role           string    `gorm:"column:role"`
	CreatedAt      time.Time `gorm:"column:created_at"`
}

// TableName is the table ConversationParticipant is stored in.
func (ConversationParticipant) TableName() string { return "conversation_participants" }

// ConversationMessage is one message of a conversation: Markdown source
// and the sanitised HTML rendered when it was written.
type ConversationMessage struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	ConversationID int64  `gorm:"column:conversation_id"`
	AuthorID       *int64 `gorm:"column:author_id"`
	FromStaff      bool   `gorm:"column:from_staff"`
	BodyMD         string `gorm:"column:body_md"`
	BodyHTML       string `gorm:"column:body_html"`
	// CrisisLevel is the screening Level of a member's message.
	CrisisLevel int       `gorm:"column:crisis_level"`
	CreatedAt   time.Time `gorm:"column:created_at"`
}

// TableName is the table ConversationMessage is stored in.
func (ConversationMessage) TableName() string { return "conversation_messages" }
