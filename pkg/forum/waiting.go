package forum

import (
	"context"
	"fmt"
	"time"
)

// WaitingWindow is how far back "Waiting for a first reply" looks: a
// thread older than this with no reply has left the list (its author has
// long seen the gentle note, and moderators the queue's quiet section).
const WaitingWindow = 30 * 24 * time.Hour

// WaitingCountCap is where the header's count of waiting posts stops.
const WaitingCountCap = 100

// WaitingThread is a thread whose opening post has no reply from anyone
// but its author. It names no author: the list is about the post.
type WaitingThread struct {
	ID        int64     `gorm:"column:id"`
	GroupID   int64     `gorm:"column:group_id"`
	GroupSlug string    `gorm:"column:group_slug"`
	GroupName string    `gorm:"column:group_name"`
	Title     string    `gorm:"column:title"`
	Tags      Tags      `gorm:"column:tags"`
	AuthorID  *int64    `gorm:"column:author_id"`
	CreatedAt time.Time `gorm:"column:created_at"`
}

// WaitingQuery selects threads waiting for a first reply, oldest first,
// with the reader's own filters: the same ones thread lists apply.
type WaitingQuery struct {
	// GroupID narrows the list to one group; 0 lists every group that is
	// not archived.
	GroupID int64
	// Since leaves out threads started before it.
	Since time.Time
	// Before leaves out threads started after it (0: none), for the
	// quiet section's long-waiting posts.
	Before time.Time
	// ViewerID is the reader (0 for visitors): threads of members they
	// blocked, or who blocked them, are left out.
	ViewerID int64
	// ExcludeOwn leaves out the viewer's own threads (the header count).
	ExcludeOwn bool
	// HideTags leaves out threads carrying any of these tags.
	HideTags []string
	// SkipGroups leaves out groups the reader is taking a break from.
	SkipGroups []int64
	// OnlyGroups, when not nil, keeps only these groups (moderators'
	// groups).
	OnlyGroups []int64
	Offset     int
	// Limit is the page size; the store returns up to Limit+1 rows.
	Limit int
}

// WaitingStore is what the waiting list needs from persistence.
type WaitingStore interface {
	// WaitingThreads lists up to q.Limit+1 threads for q, oldest first.
	WaitingThreads(ctx context.Context, q WaitingQuery) ([]WaitingThread, error)
	// CountWaiting counts what WaitingThreads would list, up to limit.
	CountWaiting(ctx context.Context, q WaitingQuery, limit int) (int, error)
	// Answered reports whether someone other than the thread's author has
	// replied to it.
	Answered(ctx context.Context, threadID int64) (bool, error)
	// Helping reports whether userID asked to help answer new posts.
	Helping(ctx context.Context, userID int64) (bool, error)
	// SetHelping records or forgets that choice.
	SetHelping(ctx context.Context, userID int64, on bool, at time.Time) error
}

// Waiting answers "which posts are still waiting for a first reply".
type Waiting struct {
	store WaitingStore
	now   func() time.Time
}

// NewWaiting returns the waiting-list service on s.
func NewWaiting(s WaitingStore) *Waiting {
	return &Waiting{store: s, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// SetClock replaces the clock (tests of the waiting window).
func (w *Waiting) SetClock(now func() time.Time) { w.now = now }

// Now is the service's time.
func (w *Waiting) Now() time.Time { return w.now() }

// WaitingPage is one page of the waiting list.
type WaitingPage struct {
	Threads []WaitingThread
	// More is true when threads follow this page.
	More bool
}

// List returns a page of q, the window applied.
func (w *Waiting) List(ctx context.Context, q WaitingQuery) (WaitingPage, error) {
	if q.Limit <= 0 {
		return WaitingPage{}, fmt.Errorf("waiting list without a limit")
	}
	q.Since = w.now().Add(-WaitingWindow)
	rows, err := w.store.WaitingThreads(ctx, q)
	if err != nil {
		return WaitingPage{}, fmt.Errorf("waiting threads: %w", err)
	}
	p := WaitingPage{Threads: rows}
	if len(rows) > q.Limit {
		p.Threads, p.More = rows[:q.Limit], true
	}
	return p, nil
}

// Count counts q's threads, the window applied, up to WaitingCountCap.
func (w *Waiting) Count(ctx context.Context, q WaitingQuery) (int, error) {
	q.Since = w.now().Add(-WaitingWindow)
	n, err := w.store.CountWaiting(ctx, q, WaitingCountCap)
	if err != nil {
		return 0, fmt.Errorf("count waiting threads: %w", err)
	}
	return n, nil
}

// LongWait reports whether the author of a thread started at created has
// waited longer than after with no reply from anyone else: they are then
// shown a gentle note that their post is seen.
func (w *Waiting) LongWait(ctx context.Context, threadID int64, created time.Time, after time.Duration) (bool, error) {
	if after <= 0 || w.now().Sub(created) < after {
		return false, nil
	}
	answered, err := w.store.Answered(ctx, threadID)
	if err != nil {
		return false, fmt.Errorf("thread answered: %w", err)
	}
	return !answered, nil
}

// Helping reports whether userID asked to see how many posts wait.
func (w *Waiting) Helping(ctx context.Context, userID int64) (bool, error) {
	on, err := w.store.Helping(ctx, userID)
	if err != nil {
		return false, fmt.Errorf("helping: %w", err)
	}
	return on, nil
}

// SetHelping records userID's choice.
func (w *Waiting) SetHelping(ctx context.Context, userID int64, on bool) error {
	if err := w.store.SetHelping(ctx, userID, on, w.now()); err != nil {
		return fmt.Errorf("set helping: %w", err)
	}
	return nil
}
