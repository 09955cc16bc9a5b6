package forum

import "time"

// Content statuses shared by threads and posts.
const (
	StatusVisible  = "visible"
	StatusHeld     = "held"
	StatusRemoved  = "removed"
	StatusRedacted = "redacted"
	StatusDeleted  = "deleted"
)

// Pre-moderation modes of a group.
const (
	PremodOff = "off"
	PremodNew = "new"
	PremodAll = "all"
)

// Group is a condition-specific community such as Grief & Loss.
type Group struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	Slug           string `gorm:"column:slug"`
	Name           string `gorm:"column:name"`
	Description    string `gorm:"column:description"`
	Guidelines     string `gorm:"column:guidelines"`
	GuidelinesHTML string `gorm:"column:guidelines_html"`
	Position       int    `gorm:"column:position"`
	// Premod is PremodOff, PremodNew (hold the first PremodFirstN posts of
	// each member) or PremodAll.
	Premod       string `gorm:"column:premod"`
	PremodFirstN int    `gorm:"column:premod_first_n"`
	RequireTag   bool   `gorm:"column:require_tag"`
	Archived     bool   `gorm:"column:archived"`
	// AllowAnonymous lets members post as "Anonymous member" here.
	AllowAnonymous bool       `gorm:"column:allow_anonymous"`
	ThreadCount    int        `gorm:"column:thread_count"`
	PostCount      int        `gorm:"column:post_count"`
	LastActivityAt *time.Time `gorm:"column:last_activity_at"`
	CreatedAt      time.Time  `gorm:"column:created_at"`
	UpdatedAt      time.Time  `gorm:"column:updated_at"`
}

// TableName is the table Group is stored in.
func (Group) TableName() string { return "groups" }

// Thread is a conversation in a group; its first post is the opening post.
type Thread struct {
	ID           int64     `gorm:"column:id;primaryKey"`
	GroupID      int64     `gorm:"column:group_id"`
	AuthorID     *int64    `gorm:"column:author_id"`
	Title        string    `gorm:"column:title"`
	Tags         Tags      `gorm:"column:tags"`
	Status       string    `gorm:"column:status"`
	Locked       bool      `gorm:"column:locked"`
	LockReason   string    `gorm:"column:lock_reason"`
	Pinned       bool      `gorm:"column:pinned"`
	ReplyCount   int       `gorm:"column:reply_count"`
	FirstPostID  *int64    `gorm:"column:first_post_id"`
	LastPostID   *int64    `gorm:"column:last_post_id"`
	LastAuthorID *int64    `gorm:"column:last_author_id"`
	LastPostAt   time.Time `gorm:"column:last_post_at"`
	// Anonymous is the opening post's Post.Anonymous, LastAnonymous the
	// last counted post's: lists hide those authors without reading posts.
	Anonymous     bool      `gorm:"column:anonymous"`
	LastAnonymous bool      `gorm:"column:last_anonymous"`
	CreatedAt     time.Time `gorm:"column:created_at"`
	UpdatedAt     time.Time `gorm:"column:updated_at"`
	// ContentVersion grows with every change to the thread's posts or
	// their reactions (database triggers keep it; migration 18). It is
	// read-only here, so saving a thread can never move it back.
	ContentVersion uint64 `gorm:"column:content_version;->"`
	// Answered: someone other than the author has replied (a visible or
	// redacted post other than the opening post). Database triggers keep
	// it (migration 46) and the waiting list reads it; it is read-only
	// here, like ContentVersion.
	Answered bool `gorm:"column:answered;->"`
}

// TableName is the table Thread is stored in.
func (Thread) TableName() string { return "threads" }

// Post is one message: an opening post or a reply, possibly to a reply.
type Post struct {
	ID       int64  `gorm:"column:id;primaryKey"`
	ThreadID int64  `gorm:"column:thread_id"`
	GroupID  int64  `gorm:"column:group_id"`
	AuthorID *int64 `gorm:"column:author_id"`
	ParentID *int64 `gorm:"column:parent_id"`
	Depth    int    `gorm:"column:depth"`
	// SortKey is the materialised path of ids from the opening post, so
	// ordering by it yields the conversation tree depth-first.
	SortKey      string     `gorm:"column:sort_key"`
	BodyMD       string     `gorm:"column:body_md"`
	BodyHTML     string     `gorm:"column:body_html"`
	Tags         Tags       `gorm:"column:tags"`
	Status       string     `gorm:"column:status"`
	StatusReason string     `gorm:"column:status_reason"`
	Version      int        `gorm:"column:version"`
	EditedAt     *time.Time `gorm:"column:edited_at"`
	IdemKey      *string    `gorm:"column:idem_key"`
	CrisisScore  float64    `gorm:"column:crisis_score"`
	// CrisisLevel, CrisisTopic and NotScreened are what screening said of
	// the words when they were written or last edited (Screening).
	CrisisLevel Level  `gorm:"column:crisis_level"`
	CrisisTopic Topic  `gorm:"column:crisis_topic"`
	NotScreened string `gorm:"column:not_screened"`
	// CrisisFolded is set by a crisis-level write and cleared when a
	// moderator has looked: until then other readers see the post folded
	// behind its automatic warning, without its words (FoldedFor).
	CrisisFolded bool `gorm:"column:crisis_folded"`
	// Anonymous hides the author from every reader but themself: others
	// see "Anonymous member" (AuthorShown). AuthorID still names them, so
	// blocks, reports and sanctions reach the real account.
	Anonymous bool      `gorm:"column:anonymous"`
	CreatedAt time.Time `gorm:"column:created_at"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
}

// TableName is the table Post is stored in.
func (Post) TableName() string { return "posts" }

// Tag is one entry of the trigger-warning vocabulary.
type Tag struct {
	ID          int64     `gorm:"column:id;primaryKey"`
	Slug        string    `gorm:"column:slug"`
	Name        string    `gorm:"column:name"`
	Description string    `gorm:"column:description"`
	Position    int       `gorm:"column:position"`
	CreatedAt   time.Time `gorm:"column:created_at"`
}

// TableName is the table Tag is stored in.
func (Tag) TableName() string { return "tags" }

// ThreadSummary is a row of a group's thread list.
type ThreadSummary struct {
	Thread
	AuthorName     string `gorm:"column:author_name;->"`
	LastAuthorName string `gorm:"column:last_author_name;->"`
}
