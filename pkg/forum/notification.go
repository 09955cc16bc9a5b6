package forum

import (
	"context"
	"fmt"
)

// NotificationsPerPage is the size of a page of notifications.
const NotificationsPerPage = 30

// NotificationQuery selects a page of a member's notifications, newest
// first.
type NotificationQuery struct {
	UserID int64
	// Before continues below this notification id; 0 starts at the newest.
	Before int64
	Limit  int
	// HideTags leaves out notifications about posts or threads carrying
	// these tags.
	HideTags []string
}

// NotificationPage is one page of notifications.
type NotificationPage struct {
	Items []NotificationRow
	// Next is the id to continue below, 0 on the last page.
	Next int64
	// Seen is the newest post id when the page was read, for MarkRead.
	Seen int64
}

// Notifications returns a page of userID's notifications about posts that
// are still visible, leaving out those with tags in hide.
func (s *Service) Notifications(ctx context.Context, userID, before int64, hide []string) (NotificationPage, error) {
	// Read first: a reply written between the two queries is then after
	// Seen, so marking the page read leaves it unread.
	seen, err := s.store.LatestPostID(ctx)
	if err != nil {
		return NotificationPage{}, fmt.Errorf("notifications: %w", err)
	}
	rows, err := s.store.Notifications(ctx, NotificationQuery{UserID: userID, Before: before, Limit: NotificationsPerPage, HideTags: hide})
	if err != nil {
		return NotificationPage{}, fmt.Errorf("notifications: %w", err)
	}
	p := NotificationPage{Seen: seen}
	if len(rows) > NotificationsPerPage {
		rows = rows[:NotificationsPerPage]
		p.Next = rows[len(rows)-1].ID
	}
	p.Items = rows
	return p, nil
}

// UnreadCountCap is where UnreadCount stops counting: the header shows
// "99+" beyond 99, and a member's backlog does not make every page slower.
const UnreadCountCap = 100

// UnreadScanLimit is how many of a member's newest unread notifications
// UnreadCount reads: notices they cannot see (hidden tags, removed posts)
// may pile up unread behind the visible ones, and reading them all would
// make every page of theirs slower with the pile.
const UnreadScanLimit = 200

// Unread is a member's unread count.
type Unread struct {
	// Count is how many unread notifications the list would show with the
	// member's saved tag preferences, up to UnreadCountCap.
	Count int
	// Stable is true when only a change that moves the member's notice
	// version (auth.User.NoticeVersion) can change Count. It is false
	// while a followed-thread notice is unread with no post in it the
	// member can see: the next reply there would show it without writing
	// any row of theirs, unless Count is already at UnreadCountCap: such a
	// reply could only add to a count that shows "99+" already. It is also
	// false while More is true, so that a kept count always has More false.
	Stable bool
	// More is true when Count is under UnreadCountCap and the member has
	// more than UnreadScanLimit unread notifications: Count is of the
	// newest UnreadScanLimit, and older ones may add to it (the header
	// shows "3+", never a number it does not know).
	More bool
}

// UnreadCount counts userID's unread notifications that the list would
// show with their saved tag preferences, up to UnreadCountCap, among their
// newest UnreadScanLimit unread ones. It is one indexed query; the web
// layer keeps a Stable count under the member's notice version, so a
// member's pages do not run it each time.
func (s *Service) UnreadCount(ctx context.Context, userID int64) (Unread, error) {
	u, err := s.store.UnreadCount(ctx, userID)
	if err != nil {
		return Unread{}, fmt.Errorf("unread count: %w", err)
	}
	return u, nil
}

// MarkRead marks userID's notifications up to id upTo read (all when upTo
// is 0). seen is the newest post id when the member's page was made
// (NotificationPage.Seen): replies in followed threads after it are still
// news, so they stay unread.
func (s *Service) MarkRead(ctx context.Context, userID, upTo, seen int64) error {
	if err := s.store.MarkRead(ctx, userID, upTo, seen, s.now()); err != nil {
		return fmt.Errorf("mark read: %w", err)
	}
	return nil
}
