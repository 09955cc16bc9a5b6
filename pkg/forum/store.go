package forum

import (
	"context"
	"time"
)

// Store is what the forum services need from persistence. hearth/pkg/store
// implements it on SQLite and PostgreSQL.
type Store interface {
	// Groups lists every group in display order.
	Groups(ctx context.Context, includeArchived bool) ([]Group, error)
	// GroupList lists the groups that are not archived, in display order,
	// for lists and choices: without their guidelines and timestamps
	// (Guidelines, GuidelinesHTML, CreatedAt and UpdatedAt are zero).
	GroupList(ctx context.Context) ([]Group, error)
	// GroupChoices lists the groups that are not archived, in display
	// order, with only their ID, Slug and Name: for a choice of group,
	// where their counters would be read for nothing.
	GroupChoices(ctx context.Context) ([]Group, error)
	// GroupBySlug returns ErrNotFound when no group has slug.
	GroupBySlug(ctx context.Context, slug string) (Group, error)
	// Threads lists a group's threads for q.
	Threads(ctx context.Context, q ThreadQuery) ([]ThreadSummary, error)
	// Tags lists the trigger-warning vocabulary in display order.
	Tags(ctx context.Context) ([]Tag, error)

	PostingStore
}

// PostingStore is what reading and posting need: threads, posts and the
// tree, reactions, subscriptions, notifications, tag preferences, search.
type PostingStore interface {
	// Posting runs fn in one write transaction: committed when fn returns
	// nil, rolled back otherwise. On SQLite, posts written at the same
	// moment share one transaction and its commit, so fn must not keep tx,
	// and it may run a second time (in a fresh transaction) when another
	// write sharing the first one fails.
	Posting(ctx context.Context, fn func(tx PostTx) error) error
	// PostByIdem returns the post authorID wrote with idempotency key key;
	// found is false when there is none.
	PostByIdem(ctx context.Context, authorID int64, key string) (p Post, found bool, err error)
	// DeletePost marks authorID's post deleted and removes its text,
	// revisions, reactions and notifications.
	DeletePost(ctx context.Context, postID, authorID int64, now time.Time) (Post, error)
	// PostRow returns a post with its author's name.
	PostRow(ctx context.Context, id int64) (PostRow, error)
	// Revisions lists a post's earlier versions, newest first.
	Revisions(ctx context.Context, postID int64) ([]Revision, error)

	// ThreadHead returns a thread with its group's and author's names.
	ThreadHead(ctx context.Context, id int64) (ThreadHead, error)
	// Posts returns up to q.Limit+1 posts of a thread in sort-key order
	// (descending when paging Before), with author names, in one query.
	Posts(ctx context.Context, q PostQuery) ([]PostRow, error)
	// NewPosts returns up to limit posts of a thread with ids above
	// afterID, by id, with only what decides who may see them: id, group,
	// author, status, tags and fold.
	NewPosts(ctx context.Context, threadID, afterID int64, limit int) ([]Post, error)
	// PageKeys returns the keys that decide which page of thread threadID
	// shows the post with key (PageKeys).
	PageKeys(ctx context.Context, threadID int64, key string) (PageKeys, error)

	// Reactions lists the reactions on postIDs with the members' names.
	Reactions(ctx context.Context, postIDs []int64) ([]ReactionRow, error)
	// ToggleReaction adds the reaction, or removes it when present, and
	// reports whether it is now on; it notifies the post's author.
	ToggleReaction(ctx context.Context, postID, userID int64, kind string, now time.Time) (bool, error)

	// Subscription returns SubFollow, SubMute or "".
	Subscription(ctx context.Context, userID, threadID int64) (string, error)
	// SetSubscription stores state; "" removes the row.
	SetSubscription(ctx context.Context, userID, threadID int64, state string, now time.Time) error

	// Notifications lists up to q.Limit+1 notifications, newest first.
	Notifications(ctx context.Context, q NotificationQuery) ([]NotificationRow, error)
	// UnreadCount counts what Notifications would list unread, stopping
	// at UnreadCountCap, and says whether the count is Stable.
	UnreadCount(ctx context.Context, userID int64) (Unread, error)
	// MarkRead marks notifications up to id upTo (all when 0) read. A
	// followed-thread notice marked read hands the replies after post id
	// seen (0: none) to a new unread notice.
	MarkRead(ctx context.Context, userID, upTo, seen int64, now time.Time) error
	// LatestPostID is the highest post id, 0 with no posts.
	LatestPostID(ctx context.Context) (int64, error)

	// TagPrefs lists a member's stored tag preferences.
	TagPrefs(ctx context.Context, userID int64) ([]TagPref, error)
	// SetTagPrefs replaces them in one transaction.
	SetTagPrefs(ctx context.Context, userID int64, prefs Prefs, now time.Time) error

	// Search runs a full-text query over visible posts and titles and
	// returns up to q.Limit+1 hits: of the newest matches, opening posts
	// whose title holds every word first, then newest first.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)

	// PostsForRerender returns up to limit posts with id above afterID
	// whose body is Markdown output (not redacted or deleted), by id.
	PostsForRerender(ctx context.Context, afterID int64, limit int) ([]Post, error)
	// SetPostsHTML stores re-rendered HTML by post id in one transaction.
	SetPostsHTML(ctx context.Context, html map[int64]string) error
	// SetGuidelinesHTML stores a group's re-rendered guidelines.
	SetGuidelinesHTML(ctx context.Context, groupID int64, html string) error
}

// PostTx is what writing a post does inside its one transaction: read the
// facts the posting rules look at, then write the rows. It decides nothing.
type PostTx interface {
	// Group returns the group id (ErrNotFound when there is none).
	Group(id int64) (Group, error)
	// ReplyPlace returns thread threadID (ErrNotFound when there is none)
	// with the parts of its group the posting rules need, the post a
	// reply answers (parentID when it is in the thread, the opening post
	// for 0; nil when there is no such post) and whether the member the
	// reply answers (that post's author, or the thread's for 0) has
	// blocked writerID.
	ReplyPlace(threadID, parentID, writerID int64) (Thread, Group, *Post, bool, error)
	// VisiblePosts counts authorID's visible posts in groupID.
	VisiblePosts(authorID, groupID int64) (int, error)
	// InsertPost writes w as a post with status answering parent (for a new
	// thread, w.ThreadID 0 and parent nil, the thread too), with its queue
	// items (held, wellbeing), the author's follow of the thread, the
	// notifications of a visible post and the thread's, group's and
	// author's counters; ErrConflict when the author already wrote a post
	// with w.IdemKey. When w.ReadPage is set and the database can read
	// them in the same round trip as the writes (PostgreSQL), read is true
	// and keys are the new post's PageKeys, as read before its writes.
	InsertPost(w PostWrite, status string, parent *Post) (p Post, keys PageKeys, read bool, err error)
	// EditPlace returns a post, its thread and the thread's group.
	EditPlace(postID int64) (Post, Thread, Group, error)
	// SaveEdit keeps p's text as a revision and writes e over it, if p is
	// still at its version (ErrConflict otherwise); an opening post's thread
	// th takes e's title and tags. A crisis opens a wellbeing queue item.
	SaveEdit(p Post, th Thread, e EditWrite) (Post, error)
}

// ThreadQuery selects a page of a group's thread list, ordered pinned first,
// then by last activity, newest first.
type ThreadQuery struct {
	GroupID int64
	// After continues the list after this position; nil starts at the top.
	After *ThreadCursor
	// Limit is the page size; the store returns at most Limit+1 rows so the
	// caller can tell whether a next page exists.
	Limit int
	// HideTags leaves out threads carrying any of these tags.
	HideTags []string
	// ViewerID sees their own held threads; 0 for visitors.
	ViewerID int64
	// IncludeHidden lists held and removed threads too (moderators).
	IncludeHidden bool
}

// ThreadCursor is a position in a thread list.
type ThreadCursor struct {
	Pinned     bool
	LastPostAt time.Time
	ID         int64
}
