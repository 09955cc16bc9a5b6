package forum

import (
	"context"
	"fmt"
	"time"
)

// VisitGap is how long a member must have been away for their next visit
// to count as a new one: what arrived since the previous visit is then
// "new since your last visit".
const VisitGap = time.Hour

// ActiveThread is a thread in the home page's recent activity.
type ActiveThread struct {
	ID         int64     `gorm:"column:id"`
	GroupSlug  string    `gorm:"column:group_slug"`
	GroupName  string    `gorm:"column:group_name"`
	Title      string    `gorm:"column:title"`
	Tags       Tags      `gorm:"column:tags"`
	ReplyCount int       `gorm:"column:reply_count"`
	LastPostAt time.Time `gorm:"column:last_post_at"`
}

// ActivityQuery selects the most recently active threads across groups
// that are not archived, with the reader's own filters (as WaitingQuery).
type ActivityQuery struct {
	ViewerID   int64
	HideTags   []string
	SkipGroups []int64
	Limit      int
}

// ActivityStore is what recent activity and visits need from persistence.
type ActivityStore interface {
	// RecentThreads lists up to q.Limit threads, most recently active first.
	RecentThreads(ctx context.Context, q ActivityQuery) ([]ActiveThread, error)
	// Visit reads a member's visit (zero times when there is none) and
	// saves seen and since as the new one.
	Visit(ctx context.Context, userID int64, update func(seen, since time.Time) (time.Time, time.Time)) error
}

// Activity answers "what is happening" and "what is new since my last visit".
type Activity struct {
	store ActivityStore
	now   func() time.Time
}

// NewActivity returns the activity service on s.
func NewActivity(s ActivityStore) *Activity {
	return &Activity{store: s, now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// SetClock replaces the clock (tests).
func (a *Activity) SetClock(now func() time.Time) { a.now = now }

// Now is the service's clock.
func (a *Activity) Now() time.Time { return a.now() }

// Recent lists the most recently active threads for q.
func (a *Activity) Recent(ctx context.Context, q ActivityQuery) ([]ActiveThread, error) {
	ts, err := a.store.RecentThreads(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("recent activity: %w", err)
	}
	return ts, nil
}

// Visit records that userID is here now and returns when the window of
// "new" began: the end of their previous visit, one that ended more than
// VisitGap ago (zero on a first visit).
func (a *Activity) Visit(ctx context.Context, userID int64) (time.Time, error) {
	now := a.now()
	var out time.Time
	err := a.store.Visit(ctx, userID, func(seen, since time.Time) (time.Time, time.Time) {
		if !seen.IsZero() && now.Sub(seen) > VisitGap {
			since = seen
		}
		out = since
		return now, since
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("visit: %w", err)
	}
	return out, nil
}
