package forum

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// FeedEntries is how many entries an Atom feed holds.
const FeedEntries = 30

// ErrBadCursor means a paging cursor from a URL is not one Hearth made.
var ErrBadCursor = errors.New("bad cursor")

// FeedThread is a thread as a feed of new threads shows it: the thread, its
// group, its author's name and its opening post (Opening is nil when the
// thread has none).
type FeedThread struct {
	Thread
	GroupSlug  string
	GroupName  string
	AuthorName string
	Opening    *Post
}

// PublicStore is what the public read service needs from persistence.
// Every method returns only what a signed-out visitor may see.
type PublicStore interface {
	// NewThreads lists up to limit threads a visitor may open (visible or
	// redacted), newest first, with their opening posts: those of group
	// groupID, or with groupID 0 those of every group that is not
	// archived.
	NewThreads(ctx context.Context, groupID int64, limit int) ([]FeedThread, error)
	// NewPosts lists up to limit posts of a thread that a visitor reads
	// (visible or redacted; not held, removed or deleted), newest first,
	// with their authors' names.
	NewPosts(ctx context.Context, threadID int64, limit int) ([]PostRow, error)
	// VisitorPosts returns up to limit+1 posts of a thread after the sort
	// key after ("" for the start), in conversation order, with their
	// Markdown source and authors' names: every post a visitor's thread
	// page lists (everything but held posts; the caller turns removed,
	// redacted and deleted ones into placeholders).
	VisitorPosts(ctx context.Context, threadID int64, after string, limit int) ([]PostRow, error)
}

// Public answers the questions of Hearth's feeds and read API, which always
// show what a signed-out visitor sees, whoever asks.
type Public struct {
	store PublicStore
}

// NewPublic returns the public read service on s.
func NewPublic(s PublicStore) *Public { return &Public{store: s} }

// NewThreads lists the newest threads of group groupID, or of the whole
// site with groupID 0, for a feed.
func (p *Public) NewThreads(ctx context.Context, groupID int64) ([]FeedThread, error) {
	ts, err := p.store.NewThreads(ctx, groupID, FeedEntries)
	if err != nil {
		return nil, fmt.Errorf("new threads of group %d: %w", groupID, err)
	}
	return ts, nil
}

// NewPosts lists the newest posts of a thread, for a feed.
func (p *Public) NewPosts(ctx context.Context, threadID int64) ([]PostRow, error) {
	ps, err := p.store.NewPosts(ctx, threadID, FeedEntries)
	if err != nil {
		return nil, fmt.Errorf("new posts of thread %d: %w", threadID, err)
	}
	return ps, nil
}

// PublicPage is one page of a thread's posts in conversation order.
type PublicPage struct {
	Posts []PostRow
	// Next continues after the last post, "" on the last page.
	Next string
}

// ThreadPosts returns the page of a thread's posts after cursor (empty
// for the first page), PostsPerPage at a time. The cursor is opaque to
// callers: a value Next returned, or ErrBadCursor.
func (p *Public) ThreadPosts(ctx context.Context, threadID int64, cursor string) (PublicPage, error) {
	after, err := decodePostCursor(cursor)
	if err != nil {
		return PublicPage{}, err
	}
	rows, err := p.store.VisitorPosts(ctx, threadID, after, PostsPerPage)
	if err != nil {
		return PublicPage{}, fmt.Errorf("posts of thread %d: %w", threadID, err)
	}
	var page PublicPage
	if len(rows) > PostsPerPage {
		rows = rows[:PostsPerPage]
		page.Next = encodePostCursor(rows[len(rows)-1].SortKey)
	}
	page.Posts = rows
	return page, nil
}

// DecodeThreadListCursor checks a thread-list cursor from a URL, as
// GroupThreads would read it, returning ErrBadCursor when it is not one.
func DecodeThreadListCursor(s string) error {
	if _, err := DecodeThreadCursor(s); err != nil {
		return fmt.Errorf("thread list cursor: %w", ErrBadCursor)
	}
	return nil
}

// LatestUpdate is the later of a post's creation and last change, which is
// when a feed entry showing it last changed.
func LatestUpdate(p Post) time.Time {
	if p.UpdatedAt.After(p.CreatedAt) {
		return p.UpdatedAt
	}
	return p.CreatedAt
}
