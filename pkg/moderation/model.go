package moderation

import (
	"time"

	"hearth/pkg/forum"
)

// Kinds of queue item. Posting inserts wellbeing (crisis language) and held
// (pre-moderation) items; reports insert report and wellbeing items.
const (
	KindWellbeing = "wellbeing"
	KindReport    = "report"
	KindHeld      = "held"
)

// Queue item and report statuses.
const (
	StatusOpen    = "open"
	StatusHandled = "handled"
)

// Priorities of wellbeing items, which all come before reports and held
// posts: crisis language and members' worries about a person at the top;
// words at the concern level below them; words the crisis detector could
// not read (a language it does not know) last, so they are never taken for
// safe without a moderator's eyes.
const (
	WellbeingPriority  = 100
	ConcernPriority    = 50
	UnscreenedPriority = 10
)

// QueueItem is one thing a moderator must look at.
type QueueItem struct {
	ID         int64      `gorm:"column:id;primaryKey"`
	Kind       string     `gorm:"column:kind"`
	PostID     int64      `gorm:"column:post_id"`
	ThreadID   int64      `gorm:"column:thread_id"`
	GroupID    int64      `gorm:"column:group_id"`
	Priority   int        `gorm:"column:priority"`
	Detail     string     `gorm:"column:detail"`
	Status     string     `gorm:"column:status"`
	HandledBy  *int64     `gorm:"column:handled_by"`
	HandledAt  *time.Time `gorm:"column:handled_at"`
	Resolution string     `gorm:"column:resolution"`
	CreatedAt  time.Time  `gorm:"column:created_at"`
	UpdatedAt  time.Time  `gorm:"column:updated_at"`
}

// TableName is the table QueueItem is stored in.
func (QueueItem) TableName() string { return "queue_items" }

// Report is one member's report of a post. The reported member never sees
// who reported them.
type Report struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	PostID     int64  `gorm:"column:post_id"`
	ThreadID   int64  `gorm:"column:thread_id"`
	GroupID    int64  `gorm:"column:group_id"`
	ReporterID *int64 `gorm:"column:reporter_id"`
	SubjectID  *int64 `gorm:"column:subject_id"`
	Reason     string `gorm:"column:reason"`
	Note       string `gorm:"column:note"`
	// Throttled marks a repeated wellbeing concern about the same member by
	// the same reporter: kept and shown to moderators, but it adds no weight.
	Throttled bool       `gorm:"column:throttled"`
	Status    string     `gorm:"column:status"`
	CreatedAt time.Time  `gorm:"column:created_at"`
	HandledAt *time.Time `gorm:"column:handled_at"`
}

// TableName is the table Report is stored in.
func (Report) TableName() string { return "reports" }

// AuditEntry is one row of the audit log. ActorID is nil for actions the
// system took by itself (hiding a post after enough reports).
type AuditEntry struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	ActorID    *int64 `gorm:"column:actor_id"`
	Action     string `gorm:"column:action"`
	TargetType string `gorm:"column:target_type"`
	TargetID   *int64 `gorm:"column:target_id"`
	GroupID    *int64 `gorm:"column:group_id"`
	// SubjectID is the member the action was about (the author of the post).
	SubjectID *int64 `gorm:"column:subject_id"`
	Reason    string `gorm:"column:reason"`
	Detail    string `gorm:"column:detail"`
	// ContentSHA256 is the hex SHA-256 of text a redaction removed.
	ContentSHA256 string `gorm:"column:content_sha256"`
	// Public rows appear in the public moderation log (action, reason and
	// group only).
	Public    bool      `gorm:"column:public"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// TableName is the table AuditEntry is stored in.
func (AuditEntry) TableName() string { return "audit_log" }

// Sanction kinds.
const (
	SanctionWarning    = "warning"
	SanctionSuspension = "suspension"
	SanctionBan        = "ban"
)

// Sanction is a warning, suspension or ban given to a member.
type Sanction struct {
	ID        int64      `gorm:"column:id;primaryKey"`
	UserID    int64      `gorm:"column:user_id"`
	ActorID   *int64     `gorm:"column:actor_id"`
	Kind      string     `gorm:"column:kind"`
	GroupID   *int64     `gorm:"column:group_id"`
	PostID    *int64     `gorm:"column:post_id"`
	Reason    string     `gorm:"column:reason"`
	EndsAt    *time.Time `gorm:"column:ends_at"`
	LiftedAt  *time.Time `gorm:"column:lifted_at"`
	CreatedAt time.Time  `gorm:"column:created_at"`
}

// TableName is the table Sanction is stored in.
func (Sanction) TableName() string { return "sanctions" }

// Notice kinds. A warning must be acknowledged by the member; the others
// tell them what happened to their post or account.
const (
	NoticeAction     = "action"
	NoticeWarning    = "warning"
	NoticeSuspension = "suspension"
	NoticeBan        = "ban"
)

// Notice tells a member, on their next page view, what moderators did and
// why. It names no moderator and no reporter.
type Notice struct {
	ID      int64  `gorm:"column:id;primaryKey"`
	UserID  int64  `gorm:"column:user_id"`
	Kind    string `gorm:"column:kind"`
	Message string `gorm:"column:message"`
	Reason  string `gorm:"column:reason"`
	Link    string `gorm:"column:link"`
	// ConversationID marks the notice that a check-in is waiting: gentle,
	// never a sanction.
	ConversationID *int64     `gorm:"column:conversation_id"`
	AcknowledgedAt *time.Time `gorm:"column:acknowledged_at"`
	CreatedAt      time.Time  `gorm:"column:created_at"`
}

// TableName is the table Notice is stored in.
func (Notice) TableName() string { return "member_notices" }

// Setting is one site setting kept by admins.
type Setting struct {
	Name      string    `gorm:"column:name;primaryKey"`
	Value     string    `gorm:"column:value"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
}

// TableName is the table Setting is stored in.
func (Setting) TableName() string { return "site_settings" }

// PostRef is a post with what moderation needs to know about its thread,
// group and author.
type PostRef struct {
	forum.Post
	ThreadTitle   string     `gorm:"column:thread_title;->"`
	ThreadTags    forum.Tags `gorm:"column:thread_tags;->"`
	ThreadStatus  string     `gorm:"column:thread_status;->"`
	ThreadLocked  bool       `gorm:"column:thread_locked;->"`
	ThreadPinned  bool       `gorm:"column:thread_pinned;->"`
	LockReason    string     `gorm:"column:lock_reason;->"`
	FirstPostID   *int64     `gorm:"column:first_post_id;->"`
	GroupSlug     string     `gorm:"column:group_slug;->"`
	GroupName     string     `gorm:"column:group_name;->"`
	AuthorName    string     `gorm:"column:author_name;->"`
	AuthorRole    string     `gorm:"column:author_role;->"`
	AuthorStatus  string     `gorm:"column:author_status;->"`
	AuthorSiteMod bool       `gorm:"column:author_site_mod;->"`
}

// IsOpening reports whether the post opens its thread.
func (p PostRef) IsOpening() bool { return p.FirstPostID != nil && *p.FirstPostID == p.ID }

// QueueRow is an open queue item joined with its post.
type QueueRow struct {
	Item QueueItem `gorm:"embedded;embeddedPrefix:q_"`
	PostRef
}

// ReportRow is a report with the reporter's pseudonym, for moderators only.
type ReportRow struct {
	Report
	ReporterName string `gorm:"column:reporter_name;->"`
}

// AuditRow is an audit entry with names, for the staff audit log.
type AuditRow struct {
	AuditEntry
	ActorName   string `gorm:"column:actor_name;->"`
	SubjectName string `gorm:"column:subject_name;->"`
	GroupName   string `gorm:"column:group_name;->"`
	GroupSlug   string `gorm:"column:group_slug;->"`
}

// PublicRow is a row of the public moderation log: no names, no text.
type PublicRow struct {
	ID        int64     `gorm:"column:id"`
	Action    string    `gorm:"column:action"`
	Reason    string    `gorm:"column:reason"`
	GroupName string    `gorm:"column:group_name"`
	GroupSlug string    `gorm:"column:group_slug"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// Subject is the member an action is about, as permissions need them.
type Subject struct {
	ID       int64  `gorm:"column:id"`
	Username string `gorm:"column:username"`
	Role     string `gorm:"column:role"`
	Status   string `gorm:"column:status"`
	SiteWide bool   `gorm:"column:moderator_site_wide"`
	// StatusUntil is when a suspension ends.
	StatusUntil  *time.Time `gorm:"column:status_until"`
	StatusReason string     `gorm:"column:status_reason"`
	// Country chooses the helplines a check-in offers them.
	Country string `gorm:"column:country"`
}

// Duty is a moderator on duty until EndsAt: while anyone is, a moderator
// is around whatever the timetable says.
type Duty struct {
	UserID    int64     `gorm:"column:user_id;primaryKey"`
	StartedAt time.Time `gorm:"column:started_at"`
	EndsAt    time.Time `gorm:"column:ends_at"`
}

// TableName is the table Duty is stored in.
func (Duty) TableName() string { return "moderator_duty" }
