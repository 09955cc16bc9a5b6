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
	// GroupBySlug returns ErrNotFound when no group has slug.
	GroupBySlug(ctx context.Context, slug string) (Group, error)
	// Threads lists a group's threads for q.
	Threads(ctx context.Context, q ThreadQuery) ([]ThreadSummary, error)
	// Tags lists the trigger-warning vocabulary in display order.
	Tags(ctx context.Context) ([]Tag, error)
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
