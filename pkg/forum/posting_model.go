package forum

import "time"

// Reaction kinds: a small, fixed set of supportive reactions. There are no
// downvotes and readers never see counts.
const (
	ReactThinking = "thinking"
	ReactHear     = "hear"
	ReactMeToo    = "metoo"
	ReactHelped   = "helped"
)

// ReactionKind is a reaction as offered to members.
type ReactionKind struct {
	Kind, Label string
}

// ReactionKinds lists the reactions in display order.
var ReactionKinds = []ReactionKind{
	{ReactThinking, "Thinking of you"},
	{ReactHear, "I hear you"},
	{ReactMeToo, "Me too"},
	{ReactHelped, "This helped"},
}

// ReactionLabel is the label of kind, or "" for an unknown kind.
func ReactionLabel(kind string) string {
	for _, k := range ReactionKinds {
		if k.Kind == kind {
			return k.Label
		}
	}
	return ""
}

// Tag preference modes. Warn is the default for everyone, visitors included.
const (
	ModeShow = "show"
	ModeWarn = "warn"
	ModeHide = "hide"
)

// Subscription states.
const (
	SubFollow = "follow"
	SubMute   = "mute"
)

// Notification kinds.
const (
	NoteReply       = "reply"
	NoteThreadReply = "thread_reply"
	NoteMention     = "mention"
	NoteReaction    = "reaction"
)

// Revision is an earlier version of an edited post, kept for moderators.
type Revision struct {
	ID       int64  `gorm:"column:id;primaryKey"`
	PostID   int64  `gorm:"column:post_id"`
	Version  int    `gorm:"column:version"`
	Title    string `gorm:"column:title"`
	BodyMD   string `gorm:"column:body_md"`
	BodyHTML string `gorm:"column:body_html"`
	Tags     Tags   `gorm:"column:tags"`
	// WrittenAt is when this version was written; CreatedAt when it was
	// replaced.
	WrittenAt time.Time `gorm:"column:written_at"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// TableName is the table Revision is stored in.
func (Revision) TableName() string { return "post_revisions" }

// Reaction is one member's reaction of one kind to one post.
type Reaction struct {
	PostID    int64     `gorm:"column:post_id;primaryKey"`
	UserID    int64     `gorm:"column:user_id;primaryKey"`
	Kind      string    `gorm:"column:kind;primaryKey"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// TableName is the table Reaction is stored in.
func (Reaction) TableName() string { return "reactions" }

// Subscription records that a member follows or mutes a thread.
type Subscription struct {
	UserID    int64     `gorm:"column:user_id;primaryKey"`
	ThreadID  int64     `gorm:"column:thread_id;primaryKey"`
	State     string    `gorm:"column:state"`
	CreatedAt time.Time `gorm:"column:created_at"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
}

// TableName is the table Subscription is stored in.
func (Subscription) TableName() string { return "subscriptions" }

// Notification tells a member about a reply, a mention or a reaction.
type Notification struct {
	ID        int64      `gorm:"column:id;primaryKey"`
	UserID    int64      `gorm:"column:user_id"`
	Kind      string     `gorm:"column:kind"`
	ActorID   *int64     `gorm:"column:actor_id"`
	PostID    int64      `gorm:"column:post_id"`
	ThreadID  int64      `gorm:"column:thread_id"`
	Reaction  string     `gorm:"column:reaction"`
	ReadAt    *time.Time `gorm:"column:read_at"`
	CreatedAt time.Time  `gorm:"column:created_at"`
}

// TableName is the table Notification is stored in.
func (Notification) TableName() string { return "notifications" }

// TagPref is a member's choice for one trigger-warning tag.
type TagPref struct {
	UserID    int64     `gorm:"column:user_id;primaryKey"`
	TagSlug   string    `gorm:"column:tag_slug;primaryKey"`
	Mode      string    `gorm:"column:mode"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
}

// TableName is the table TagPref is stored in.
func (TagPref) TableName() string { return "tag_prefs" }

// ThreadHead is a thread with what its page header needs from its group and
// author, read in one query.
type ThreadHead struct {
	Thread
	GroupSlug     string `gorm:"column:group_slug;->"`
	GroupName     string `gorm:"column:group_name;->"`
	GroupArchived bool   `gorm:"column:group_archived;->"`
	// GroupAllowAnonymous is the group's Group.AllowAnonymous.
	GroupAllowAnonymous bool `gorm:"column:group_allow_anonymous;->"`
	// GroupHasSupporters is whether the group has any peer supporter, so
	// that a page asks who they are only when there is someone to badge.
	GroupHasSupporters bool   `gorm:"column:group_has_supporters;->"`
	AuthorName         string `gorm:"column:author_name;->"`
}

// PostRow is a post on a thread page, with its author's name and, for
// replies, the name of the author it answers.
type PostRow struct {
	Post
	AuthorName       string `gorm:"column:author_name;->"`
	ParentAuthorName string `gorm:"column:parent_author_name;->"`
	ParentAuthorID   *int64 `gorm:"column:parent_author_id;->"`
	// ParentAnonymous hides the name of the author a reply answers.
	ParentAnonymous bool `gorm:"column:parent_anonymous;->"`
}

// ReactionRow is a reaction with the reacting member's name.
type ReactionRow struct {
	PostID   int64  `gorm:"column:post_id"`
	UserID   int64  `gorm:"column:user_id"`
	Kind     string `gorm:"column:kind"`
	UserName string `gorm:"column:user_name"`
}

// NotificationRow is a notification with what the list shows about it.
type NotificationRow struct {
	Notification
	ActorName   string `gorm:"column:actor_name;->"`
	ThreadTitle string `gorm:"column:thread_title;->"`
	PostTags    Tags   `gorm:"column:post_tags;->"`
	ThreadTags  Tags   `gorm:"column:thread_tags;->"`
	PostBody    string `gorm:"column:post_body;->"`
	// PostGroupID, PostFolded and PostTopic: the shown post's group, and
	// whether it is folded for other readers until a moderator has looked
	// (Post.FoldedFor), behind which warning.
	PostGroupID int64 `gorm:"column:post_group_id;->"`
	PostFolded  bool  `gorm:"column:post_folded;->"`
	PostTopic   Topic `gorm:"column:post_topic;->"`
	// PostAnonymous: the shown post was written as "Anonymous member", so
	// its author (the actor of a reply or mention) is not named.
	PostAnonymous bool `gorm:"column:post_anonymous;->"`
	// ShownPostID is the post the notification leads to: its own, or for
	// a followed-thread notice the first new reply the member can see,
	// whose author, words and tags the fields above then hold.
	ShownPostID int64 `gorm:"-"`
	// NewReplies is how many replies a followed-thread notice stands for.
	NewReplies int `gorm:"-"`
}

// SearchHit is one search result.
type SearchHit struct {
	PostID     int64     `gorm:"column:post_id"`
	ThreadID   int64     `gorm:"column:thread_id"`
	Title      string    `gorm:"column:title"`
	BodyMD     string    `gorm:"column:body_md"`
	PostTags   Tags      `gorm:"column:post_tags"`
	ThreadTags Tags      `gorm:"column:thread_tags"`
	AuthorID   *int64    `gorm:"column:author_id"`
	AuthorName string    `gorm:"column:author_name"`
	GroupSlug  string    `gorm:"column:group_slug"`
	GroupName  string    `gorm:"column:group_name"`
	IsOpening  bool      `gorm:"column:is_opening"`
	CreatedAt  time.Time `gorm:"column:created_at"`
	// Rank is 1 for an opening post whose title holds every word, else 0.
	Rank    float64 `gorm:"column:rank"`
	GroupID int64   `gorm:"column:group_id"`
	// CrisisFolded and CrisisTopic: the post is folded for other readers
	// until a moderator has looked (Post.FoldedFor).
	CrisisFolded bool  `gorm:"column:crisis_folded"`
	CrisisTopic  Topic `gorm:"column:crisis_topic"`
	// Anonymous hides the author (Post.Anonymous).
	Anonymous bool `gorm:"column:anonymous"`
}
