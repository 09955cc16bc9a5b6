package moderation

import (
	"context"
	"time"

	"hearth/pkg/forum"
)

// Escalation targets.
const (
	EscalateItem    = "item"
	EscalateCheckIn = "checkin"
	EscalateMember  = "member"
)

// Escalation statuses.
const (
	EscalationOpen     = "open"
	EscalationResolved = "resolved"
)

// Escalation is a queue item, check-in or member a moderator passed to the
// safeguarding leads, with a reason; a lead resolves it with a note. Like
// the audit log, its ids are not foreign keys: it outlives what it is
// about.
type Escalation struct {
	ID         int64      `gorm:"column:id;primaryKey"`
	TargetType string     `gorm:"column:target_type"`
	TargetID   int64      `gorm:"column:target_id"`
	GroupID    *int64     `gorm:"column:group_id"`
	SubjectID  *int64     `gorm:"column:subject_id"`
	PostID     *int64     `gorm:"column:post_id"`
	Reason     string     `gorm:"column:reason"`
	Status     string     `gorm:"column:status"`
	By         *int64     `gorm:"column:escalated_by"`
	ResolvedBy *int64     `gorm:"column:resolved_by"`
	Resolution string     `gorm:"column:resolution"`
	ResolvedAt *time.Time `gorm:"column:resolved_at"`
	CreatedAt  time.Time  `gorm:"column:created_at"`
}

// TableName is the table Escalation is stored in.
func (Escalation) TableName() string { return "escalations" }

// EscalationRow is an escalation with the names a lead needs.
type EscalationRow struct {
	Escalation
	ByName       string `gorm:"column:by_name;->"`
	ResolverName string `gorm:"column:resolver_name;->"`
	SubjectName  string `gorm:"column:subject_name;->"`
	GroupName    string `gorm:"column:group_name;->"`
	ThreadID     *int64 `gorm:"column:thread_id;->"`
	ThreadTitle  string `gorm:"column:thread_title;->"`
	// PostHTML and PostTags are the escalated post's stored words and
	// trigger warnings (with its thread's, for an opening post), which a
	// lead reads folded behind them.
	PostHTML   string     `gorm:"column:post_html;->"`
	PostTags   forum.Tags `gorm:"column:post_tags;->"`
	ThreadTags forum.Tags `gorm:"column:thread_tags;->"`
	FirstPost  *int64     `gorm:"column:first_post_id;->"`
}

// CheckInRow is a check-in with the names its pages show.
type CheckInRow struct {
	forum.PrivateConversation
	SubjectName    string `gorm:"column:subject_name;->"`
	SubjectCountry string `gorm:"column:subject_country;->"`
	GroupName      string `gorm:"column:group_name;->"`
	GroupSlug      string `gorm:"column:group_slug;->"`
	CreatorName    string `gorm:"column:creator_name;->"`
}

// MessageRow is a message of a conversation with its author's pseudonym.
type MessageRow struct {
	forum.ConversationMessage
	AuthorName string `gorm:"column:author_name;->"`
}

// CheckInQuery selects check-ins.
type CheckInQuery struct {
	// SubjectID lists one member's check-ins (0: any member).
	SubjectID int64
	// All lists every group; otherwise only Groups (ignored with SubjectID).
	All    bool
	Groups []int64
	// Waiting lists only check-ins whose member wrote last.
	Waiting bool
	Offset  int
	// Limit is the page size; the store returns up to Limit+1 rows.
	Limit int
}

// EscalationQuery selects escalations: open ones oldest first, or resolved
// ones newest first.
type EscalationQuery struct {
	// ID reads one escalation, whatever its status.
	ID     int64
	Status string
	Offset int
	// Limit is the page size; the store returns up to Limit+1 rows.
	Limit int
}

// CareStore is what check-ins and escalations read.
type CareStore interface {
	// CheckIn returns a check-in with its names.
	CheckIn(ctx context.Context, id int64) (CheckInRow, error)
	// Messages lists a conversation's messages with ids below before (0
	// for the newest), newest first, up to limit+1.
	Messages(ctx context.Context, conversationID, before int64, limit int) ([]MessageRow, error)
	// CheckIns lists check-ins for q: crisis replies first, then those
	// waiting for staff, then open ones, then by last message, newest first.
	CheckIns(ctx context.Context, q CheckInQuery) ([]CheckInRow, error)
	// CheckInsAbout lists the check-ins with members opened since since.
	CheckInsAbout(ctx context.Context, subjectIDs []int64, since time.Time) ([]CheckInRow, error)
	// Escalations lists escalations for q.
	Escalations(ctx context.Context, q EscalationQuery) ([]EscalationRow, error)
	// OpenEscalations lists the open escalations of targets of one type.
	OpenEscalations(ctx context.Context, targetType string, targetIDs []int64) ([]Escalation, error)
	// CountLeads counts the active safeguarding leads.
	CountLeads(ctx context.Context) (int, error)
	// CountOpenEscalations counts the escalations not yet resolved.
	CountOpenEscalations(ctx context.Context) (int, error)
}

// CareTx is the set of changes check-ins and escalations make inside one
// transaction (part of Tx).
type CareTx interface {
	// AddConversation stores a new conversation.
	AddConversation(c *forum.PrivateConversation) error
	// AddParticipant records someone taking part; nothing when they do.
	AddParticipant(p *forum.ConversationParticipant) error
	// AddMessage stores a message.
	AddMessage(m *forum.ConversationMessage) error
	// LockConversation takes a conversation's row lock and returns it.
	LockConversation(id int64) (forum.PrivateConversation, error)
	// SaveConversation writes a conversation's status, waiting and crisis
	// marks, who closed it and when, and its last message time.
	SaveConversation(c *forum.PrivateConversation) error
	// OpenConversationWith returns the open conversation of kind between
	// subjectID and the staff of groupID, 0 when there is none.
	OpenConversationWith(kind string, subjectID, groupID int64) (int64, error)
	// MemberClosedSince returns when subjectID last closed a conversation
	// of kind that is still closed, if that was after since.
	MemberClosedSince(kind string, subjectID int64, since time.Time) (*time.Time, error)
	// HasConversationNotice reports whether userID has an unread notice
	// about the conversation.
	HasConversationNotice(userID, conversationID int64) (bool, error)
	// AckConversationNotices marks userID's notices about the conversation
	// read.
	AckConversationNotices(userID, conversationID int64, at time.Time) error
	// AddEscalation stores an escalation; forum.ErrConflict when its
	// target has an open one.
	AddEscalation(e *Escalation) error
	// OpenEscalation returns the open escalation of a target.
	OpenEscalation(targetType string, targetID int64) (Escalation, error)
	// ResolveEscalation marks an open escalation resolved; false when it
	// was not open.
	ResolveEscalation(id, actorID int64, note string, at time.Time) (bool, error)
	// EscalationByID reads an escalation inside the transaction.
	EscalationByID(id int64) (Escalation, error)
}
