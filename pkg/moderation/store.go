package moderation

import (
	"context"
	"time"

	"hearth/pkg/events"
	"hearth/pkg/forum"
)

// Store is what moderation needs from persistence; hearth/pkg/store
// implements it. Not found is forum.ErrNotFound; a unique violation is
// forum.ErrConflict.
type Store interface {
	HoursStore

	// Atomic runs fn in one write transaction: committed when fn returns
	// nil, rolled back otherwise.
	Atomic(ctx context.Context, fn func(tx Tx) error) error

	// PostRef returns a post with its thread, group and author.
	PostRef(ctx context.Context, postID int64) (PostRef, error)
	// ThreadRef returns a thread's opening post with its thread, group and
	// author.
	ThreadRef(ctx context.Context, threadID int64) (PostRef, error)
	// Item returns a queue item.
	Item(ctx context.Context, id int64) (QueueItem, error)
	// Queue lists open queue items for q, most urgent first.
	Queue(ctx context.Context, q QueueQuery) ([]QueueRow, error)
	// OpenItems lists a post's open queue items, most urgent first.
	OpenItems(ctx context.Context, postID int64) ([]QueueItem, error)
	// Reports lists the reports of posts, newest first; open ones only
	// when openOnly.
	Reports(ctx context.Context, postIDs []int64, openOnly bool) ([]ReportRow, error)
	// History lists the newest audit entries about subjects, at most limit.
	History(ctx context.Context, subjectIDs []int64, limit int) ([]AuditEntry, error)
	// Sanctions lists a member's sanctions, newest first.
	Sanctions(ctx context.Context, userID int64) ([]Sanction, error)
	// Audit lists audit entries for q, newest first.
	Audit(ctx context.Context, q AuditQuery) ([]AuditRow, error)
	// PublicLog lists public audit entries with ids below before (0 for the
	// newest), newest first, at most limit.
	PublicLog(ctx context.Context, before int64, limit int) ([]PublicRow, error)
	// CountOpen counts open queue items of kind in groups (all groups when
	// all is true).
	CountOpen(ctx context.Context, kind string, all bool, groups []int64) (int, error)
	// PendingNotices lists a member's notices not yet acknowledged, oldest
	// first, at most limit.
	PendingNotices(ctx context.Context, userID int64, limit int) ([]Notice, error)
	// NoticeHistory lists a member's notices with ids below before (0 for
	// the newest), acknowledged or not, newest first, at most limit.
	NoticeHistory(ctx context.Context, userID, before int64, limit int) ([]Notice, error)
	// AckNotice marks a member's notice read; false when there was none.
	AckNotice(ctx context.Context, userID, noticeID int64, at time.Time) (bool, error)
	// Subject returns the member userID, as permissions need them.
	Subject(ctx context.Context, userID int64) (Subject, error)
	// SubjectByName returns the member called name, or whose pseudonym key
	// is key.
	SubjectByName(ctx context.Context, name, key string) (Subject, error)
	// ReportsSince counts reporterID's reports since, all reasons and
	// wellbeing concerns apart.
	ReportsSince(ctx context.Context, reporterID int64, since time.Time) (general, wellbeing int, err error)
	// ConcernsAbout counts reporterID's wellbeing concerns about subjectID
	// since.
	ConcernsAbout(ctx context.Context, reporterID, subjectID int64, since time.Time) (int, error)
	// Settings lists the site settings.
	Settings(ctx context.Context) ([]Setting, error)
	// Groups lists every group, archived ones too.
	Groups(ctx context.Context) ([]forum.Group, error)
	// GroupBySlug returns a group, archived or not.
	GroupBySlug(ctx context.Context, slug string) (forum.Group, error)
	// Tags lists the trigger-warning vocabulary.
	Tags(ctx context.Context) ([]forum.Tag, error)

	CareStore
	SitePageStore
	LookedAfterStore
}

// Tx is the set of changes moderation makes inside one transaction.
// Methods returning a bool report whether their conditional update changed
// a row: false means someone else got there first.
type Tx interface {
	HoursTx
	LookedAfterTx

	// LockPost takes a post's row lock without changing it. Every action
	// from a queue item locks the post before the item, the order actions
	// without an item follow too, so two actions never wait on each other.
	LockPost(postID int64) error
	// ClaimItem marks an open item handled by actorID with resolution.
	ClaimItem(id, actorID int64, resolution string, at time.Time) (bool, error)
	// Item reads an item inside the transaction.
	Item(id int64) (QueueItem, error)
	// CloseItems marks every open item of postID of the given kinds (all
	// kinds when none) handled.
	CloseItems(postID, actorID int64, resolution string, at time.Time, kinds ...string) error
	// HasOpenItem reports whether postID has an open item of kind.
	HasOpenItem(postID int64, kind string) (bool, error)
	// Unfold ends the fold of a crisis-level post for other readers; false
	// when it was not folded.
	Unfold(postID int64) (bool, error)
	// CloseReports marks the open reports of postID handled: wellbeing
	// concerns when wellbeing is true, the other reasons otherwise.
	CloseReports(postID int64, wellbeing bool, at time.Time) error
	// LastAudit returns the newest audit entry about a target.
	LastAudit(targetType string, targetID int64) (AuditEntry, error)
	// Audit writes an audit entry.
	Audit(e *AuditEntry) error
	// Notify leaves a notice for a member.
	Notify(n *Notice) error

	// SetPostStatus moves a post from one of from to status to.
	SetPostStatus(postID int64, from []string, to, reason string, at time.Time) (bool, error)
	// Publish counts a post that pre-moderation held, now visible, in its
	// thread and group, and sends the notifications posting held back.
	Publish(postID int64, at time.Time) error
	// SetThreadStatus moves a thread from one of from to status to.
	SetThreadStatus(threadID int64, from []string, to string, at time.Time) (bool, error)
	// ClaimPostText locks a post that is not yet redacted and returns it.
	ClaimPostText(postID int64, at time.Time) (forum.Post, bool, error)
	// ClaimThreadText locks a thread that is not yet redacted and returns it.
	ClaimThreadText(threadID int64, at time.Time) (forum.Thread, bool, error)
	// RedactPost replaces a post's text, marks it redacted and removes its
	// earlier versions and every copy of its text the store keeps (search
	// index, revisions, notification excerpts).
	RedactPost(postID int64, md, html, reason string, at time.Time) error
	// RedactThread replaces a thread's title, marks it redacted and locks it.
	RedactThread(threadID int64, title, lockReason string, at time.Time) error
	// SetLocked locks or unlocks a thread that is not already so.
	SetLocked(threadID int64, locked bool, reason string, at time.Time) (bool, error)
	// SetPinned pins or unpins a thread that is not already so.
	SetPinned(threadID int64, pinned bool, at time.Time) (bool, error)
	// MoveThread moves a thread still in group from to group to, with its
	// posts, queue items, reports and the groups' counters.
	MoveThread(threadID, from, to int64, at time.Time) (bool, error)
	// SetPostTags and SetThreadTags replace trigger-warning tags that are
	// still from with to, and report whether they were (false: someone
	// changed them since they were read, and nothing was written).
	SetPostTags(postID int64, from, to forum.Tags, at time.Time) (bool, error)
	SetThreadTags(threadID int64, from, to forum.Tags, at time.Time) (bool, error)

	// AddReport stores a report; forum.ErrConflict when the reporter has an
	// open report on the post already.
	AddReport(r *Report) error
	// UpsertItem opens an item of kind for the post, or adds addPriority to
	// the open one, which never ends below the new item's priority.
	UpsertItem(it *QueueItem, addPriority int) error
	// DistinctReporters counts members with open, unthrottled reports on
	// postID other than wellbeing concerns.
	DistinctReporters(postID int64) (int, error)
	// Record writes, in this transaction, the webhook deliveries of an
	// event that brings an item into the queue (see hearth/pkg/webhook),
	// so they are sent if and only if the change commits.
	Record(e events.Event) error

	// LockUser serialises sanctions on a member and returns them.
	LockUser(userID int64, at time.Time) (Subject, error)
	// RecentSanction reports whether userID got a sanction of kind since.
	RecentSanction(userID int64, kind string, since time.Time) (bool, error)
	// AddSanction records a sanction.
	AddSanction(s *Sanction) error
	// SetUserStatus changes a member's standing.
	SetUserStatus(userID int64, status string, until *time.Time, reason string, at time.Time) error
	// LiftSanctions marks a member's running suspensions and bans lifted.
	LiftSanctions(userID int64, at time.Time) error
	// EndSessions logs a member out everywhere.
	EndSessions(userID int64) error

	// CreateGroup adds a group; forum.ErrConflict for a taken slug.
	CreateGroup(g *forum.Group) error
	// UpdateGroup saves a group's editable settings.
	UpdateGroup(g *forum.Group) error
	// SetArchived archives or unarchives a group that is not already so.
	SetArchived(groupID int64, archived bool, at time.Time) (bool, error)
	// PutSetting stores a site setting.
	PutSetting(name, value string, at time.Time) error
	// CreateTag adds a trigger warning; forum.ErrConflict for a taken slug.
	CreateTag(t *forum.Tag) error
	// UpdateTag renames a trigger warning; false when there is none.
	UpdateTag(slug, name, description string) (bool, error)

	CareTx
	SitePageTx
}

// QueueQuery selects open queue items.
type QueueQuery struct {
	// All lists every group; otherwise only Groups.
	All    bool
	Groups []int64
	// GroupID and Kind narrow the list; zero values mean any.
	GroupID int64
	Kind    string
	Offset  int
	// Limit is the page size; the store returns up to Limit+1 rows.
	Limit int
}

// AuditQuery selects audit entries.
type AuditQuery struct {
	All    bool
	Groups []int64
	// ActorID, Action and GroupID narrow the list; zero values mean any.
	ActorID int64
	Action  string
	GroupID int64
	// About lists the rows about an escalation: the escalation itself,
	// its target (post, check-in or member) and the member's history,
	// whatever their group.
	About *Escalation
	// Before continues below this id; 0 starts at the newest.
	Before int64
	// Limit is the page size; the store returns up to Limit+1 rows.
	Limit int
}
