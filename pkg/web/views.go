package web

import (
	"html/template"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// Base is embedded in every page's view.
type Base struct {
	// Title is the page's <title> text, before " · Hearth", translated.
	Title string
	// Lang is the code of the language the page is in, for <html lang>
	// and for choosing the page's templates (see chooseLanguage).
	Lang string
	// RequestID is shown on error pages.
	RequestID string
	// Flash is a one-time message from the previous request.
	Flash string
	// User is the signed-in member, nil for visitors.
	User *ViewUser
	// QuickExitURL is where the quick-exit control leads.
	QuickExitURL string
	// Path is the request path, for marking the current navigation item.
	Path string
	// Unread is the signed-in member's unread notification count;
	// UnreadMore says older notices may add to it (forum.Unread.More).
	Unread     int
	UnreadMore bool
	// WellbeingWaiting is, for staff, how many wellbeing concerns wait in
	// the moderator queue (filled by modBase).
	WellbeingWaiting int
	// EscalationsWaiting is, for safeguarding leads, how many escalations
	// wait to be resolved (filled by modBase).
	EscalationsWaiting int
	// Notices are what moderators told the member, shown until dismissed.
	Notices []MemberNotice
	// Feed is the page's Atom feed, linked from the head; nil for none.
	Feed *FeedLink
	// Hours is the moderation hours in words, for the footer; empty when
	// they cannot be read.
	Hours string
	// Helping is true for a member who asked to help answer new posts;
	// WaitingCount is then how many wait for a first reply (waitingCount).
	Helping      bool
	WaitingCount int
	// Live is the page's live-update stream (thread pages, the moderator
	// queue), which the layout's live script opens; empty for none or
	// when live updates are off.
	Live string
	// Peer is what the header shows of peer support (peerBase).
	Peer moderation.Header
	// SessionUnread is true when the request carried a session cookie that
	// could not be read because the database is out of reach: the header
	// then says the member is still signed in instead of offering to log in.
	SessionUnread bool
}

// FeedLink names a page's Atom feed.
type FeedLink struct {
	Title, URL string
}

// ViewUser is what the layout knows about the signed-in member.
type ViewUser struct {
	ID      int64
	Name    string
	IsStaff bool
	IsAdmin bool
}

// ErrorView is the error page.
type ErrorView struct {
	Base
	Status  int
	Heading string
	Message string
}

// OutageView is the 503 page while the database is out of reach; Form
// is the form that was being sent, when it held words.
type OutageView struct {
	Base
	Message string
	Form    *OutageForm
}

// OutageForm sends a form again to Action: Words shown in labelled boxes,
// Hidden as they came.
type OutageForm struct {
	Action string
	Words  []KeptField
	Hidden []KeptField
}

// KeptField is one field of an OutageForm; Long ones are text areas.
type KeptField struct {
	Name, Label, Value string
	Long               bool
}

// HomeView is the list of groups.
type HomeView struct {
	Base
	Groups []GroupCard
	// Waiting is "Waiting for a first reply" across the groups.
	Waiting *WaitingSection
	// Recent is the most recently active threads across the groups.
	Recent []ActivityRow
	// Since is when "new since your last visit" begins (zero for visitors
	// and on a member's first visit); NewCount counts Recent's new threads.
	Since    time.Time
	NewCount int
}

// ActivityRow is one thread in the home page's recent activity.
type ActivityRow struct {
	ID                   int64
	Title                string
	GroupSlug, GroupName string
	Tags                 []TagLabel
	Replies              int
	LastPostAt           time.Time
	// New is true when the thread has posts since the member's last visit.
	New bool
}

// GroupCard is one group on the home page.
type GroupCard struct {
	Slug, Name, Description string
	ThreadCount             int
	LastActivity            *time.Time
	// New is true when the group has posts since the member's last visit.
	New bool
}

// GroupView is a group's page: guidelines and a page of threads.
type GroupView struct {
	Base
	Group      forum.Group
	Guidelines template.HTML
	Threads    []ThreadRow
	// Waiting is "Waiting for a first reply" in this group.
	Waiting *WaitingSection
	// CanFollow is true for the group's peer supporters and moderators,
	// who may follow the whole group; Following says whether they do.
	CanFollow, Following bool
	// NextURL links the next page (rel="next"), empty on the last page.
	NextURL string
	// FirstPage is false once the member has paged on.
	FirstPage bool
	// CanPost offers the Start a thread button; Notice says why the group
	// takes no threads when it does not.
	CanPost bool
	Notice  string
}

// ThreadRow is a thread in a group's list. Tagged threads show their tags
// and no excerpt.
type ThreadRow struct {
	ID             int64
	Title          string
	Tags           []TagLabel
	Pinned, Locked bool
	Replies        int
	AuthorName     string
	LastAuthorName string
	LastPostAt     time.Time
	Held           bool
}

// TagLabel is a trigger-warning tag as shown to readers.
type TagLabel struct {
	Slug, Name string
}

// CrisisView is the crisis resources page.
type CrisisView struct {
	Base
	Countries []CountryOption
	Country   string
	// CountryName is the chosen country's name, empty when none is chosen.
	CountryName string
	Lines       []HelplineView
	// Directory holds the international fallback entries.
	Directory []HelplineView
	// All lists every other country's lines, after the chosen one's.
	All []CountryLines
	// Unlisted is true when the chosen country has no lines of its own.
	Unlisted bool
	// SuggestSettings invites a member without a saved country to save one.
	SuggestSettings bool
	// Cover says who is around right now; nil when it cannot be read.
	Cover *CoverView
}

// CountryOption is an entry of the country picker.
type CountryOption struct {
	Code, Name string
	Selected   bool
}

// HelplineView is one helpline.
type HelplineView struct {
	Service, Phone, SMS, Web, Hours, Languages string
	// PhoneHref is the tel: link, built only by safety.PhoneHref (digits and
	// a leading +), which is why it may be a template.URL.
	PhoneHref template.URL
}
