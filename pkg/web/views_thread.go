package web

import (
	"html/template"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/i18n"
)

// ThreadInfo is what a page shows about a thread in its header.
type ThreadInfo struct {
	ID                   int64
	Title                string
	Tags                 []TagLabel
	Locked, Pinned, Held bool
	Redacted             bool
	GroupSlug, GroupName string
}

// ThreadPageView is a thread: its opening post and replies, flattened from
// the reply tree with an indent per post.
type ThreadPageView struct {
	Base
	Thread ThreadInfo
	Posts  []PostView
	// PostHTML is Posts rendered by the "post" template, one entry per
	// post, through the fragment cache; the page's {{parts}} (parted).
	PostHTML []template.HTML
	// HiddenTags names the thread's tags the reader hides; when set the
	// whole conversation sits behind one notice the reader can open.
	HiddenTags string
	// NextURL and PrevURL link the neighbouring pages (rel="next"/"prev").
	NextURL, PrevURL string
	First            bool
	// WaitingNote is shown to the thread's author when it has waited long
	// with no reply from anyone else.
	WaitingNote *WaitingNoteView
	// SignedIn is false for visitors, who are invited to log in to reply.
	SignedIn bool
	// ReplyForm is the reply composer at the end; nil when replies are
	// closed to the reader.
	ReplyForm *ComposeForm
	// LockNotice is the banner of a locked thread, with the moderators'
	// reason, shown to everyone; empty when the thread is open.
	LockNotice string
	// Refusal explains why the reader cannot reply (archive, sanction,
	// break), other than the lock the banner already tells; empty when they
	// can or are a visitor.
	Refusal string
	// Following and Muted are the reader's subscription.
	Following, Muted bool
	// Back is this page's URL, for forms that return here.
	Back string
	// ModThread holds the thread-level moderation controls, nil unless the
	// reader moderates the group.
	ModThread *ModControls
	// CrisisPanel is shown to an author right after posting words that
	// suggest they may be in crisis.
	CrisisPanel *CrisisPanelView
	// FirstUnread is the first post on the page by someone else since the
	// member's last visit (0: none), for "Skip to the first unread post".
	FirstUnread int64
	Reactions   []forum.ReactionKind
}

// renderedParts implements parted: the posts, in order.
func (v ThreadPageView) renderedParts() []template.HTML { return v.PostHTML }

// PostView is one post on a thread page.
type PostView struct {
	ID      int64
	Opening bool
	// Indent is the on-screen nesting level, 0 to forum.MaxIndent.
	Indent int
	// ReplyingTo names whom a reply deeper than the indentation answers.
	ReplyingTo string
	AuthorName string
	// AuthorKnown is false for "former member" and "Anonymous member":
	// it links the name to the author's profile.
	AuthorKnown bool
	// Anonymous marks a post shown as "Anonymous member"; OwnAnonymous
	// the reader's own anonymous post, shown under their name with a note
	// that others do not see it.
	Anonymous, OwnAnonymous bool
	// PeerSupporter marks a named author who is a peer supporter in the
	// thread's group: a small badge links to what that means.
	PeerSupporter bool
	CreatedAt     time.Time
	EditedAt      *time.Time
	// Created (iso, exact, ago) and EditedExact are CreatedAt and EditedAt
	// formatted once in the handler rather than by template functions per
	// post; EditedExact is "" for a post never edited.
	Created     TimeText
	EditedExact string
	Body        template.HTML
	Tags        []TagLabel
	// TagNames joins the tag names for the collapsed summary.
	TagNames string
	// Mode is forum.ModeShow, ModeWarn (collapsed behind the tags) or
	// ModeHide (a one-line notice that can be opened).
	Mode string
	// ModeShow, ModeWarn and ModeHide mirror Mode, and History is Mod and
	// EditedAt both set (the "Earlier versions" link), for the thread
	// template, which would otherwise call eq and and several times a post.
	// flags sets them.
	ModeShow, ModeWarn, ModeHide, History bool
	// OwnWarned marks the reader's own warned post, shown open to them
	// with its warning above it while others see it collapsed.
	OwnWarned bool
	// Placeholder replaces the body of removed (for members), redacted and
	// deleted posts; Body is then empty.
	Placeholder string
	// Removed marks a removed post a moderator still sees.
	Removed bool
	// Held marks a post waiting for a moderator (seen by its author and
	// moderators only).
	Held bool
	// Blocked folds away a post by a member the reader blocked.
	Blocked bool
	// Fold names the automatic warning ("Suicide", "Self-harm") of a
	// crisis-level post no moderator has read yet, which this reader sees
	// folded: Body is then empty. FoldedForOthers (to its author) and
	// FoldMod (to moderators) name it on a post they see open.
	Fold, FoldedForOthers, FoldMod                              string
	CanReply, CanQuote, CanEdit, CanDelete, CanReact, CanReport bool
	// CanBlockAuthor offers "Block this author" on someone else's
	// anonymous post, which blocks without naming them.
	CanBlockAuthor bool
	// Reactions: the author sees who reacted with what; everyone else only
	// whether people reacted, and which reactions are their own.
	Reactions   []ReactionView
	PeopleReact bool
	ReactedBy   []ReactionGroup
	Mod         *ModControls
}

// flags sets ModeShow, ModeWarn, ModeHide and History; call it once the
// post's Mode, Mod and EditedAt are final.
func (pv *PostView) flags() {
	pv.ModeShow, pv.ModeWarn, pv.ModeHide = pv.Mode == forum.ModeShow, pv.Mode == forum.ModeWarn, pv.Mode == forum.ModeHide
	pv.History = pv.Mod != nil && pv.EditedAt != nil
}

// TimeText is a time formatted as the template helpers iso, exact and ago
// would format it.
type TimeText struct{ ISO, Exact, Ago string }

// timeText formats t once for a <time> element, in p's language.
func timeText(p *i18n.Printer, t time.Time, now time.Time) TimeText {
	return TimeText{ISO: t.UTC().Format(time.RFC3339), Exact: p.Date(t), Ago: p.Ago(t, now)}
}

// ReactionView is a reaction button.
type ReactionView struct {
	Kind, Label string
	// Mine is true when the reader has given this reaction.
	Mine bool
}

// ReactionGroup is one reaction kind with the members who gave it, shown
// to the post's author only.
type ReactionGroup struct {
	Label string
	Names []string
}

// ComposeForm is a composer: a new thread, a reply or an edit.
type ComposeForm struct {
	Action string
	// WithTitle shows the title field (new threads, opening posts).
	WithTitle bool
	Title     string
	Body      string
	Tags      []TagChoice
	Idem      string
	ParentID  int64
	Version   int
	// Back returns a reply form to the thread page it came from.
	Back   string
	Errors map[string]string
	// Summary lists the errors in form order for the summary at the top.
	Summary ErrorSummary
	// Preview is the rendered draft after the Preview button.
	Preview     template.HTML
	Previewed   bool
	Suggestions []TagSuggestion
	// Submit is the label of the main button.
	Submit string
	// Refused hides the buttons: the text stays so the member can keep it.
	Refused bool
	// RequireTag says the group needs at least one tag on every thread.
	RequireTag bool
	// OfferAnonymous shows the "anonymous" checkbox (the group allows
	// anonymous posts; never on an edit, which keeps what the post was
	// written as); Anonymous is whether it is ticked.
	OfferAnonymous, Anonymous bool
	// Fields, when set, is the "composer-fields" template already rendered
	// for this form (the thread page's blank reply form, from the fragment
	// cache); the composer writes it instead of executing that template.
	Fields template.HTML
}

// TagChoice is a trigger-warning checkbox.
type TagChoice struct {
	Slug, Name, Description string
	Checked                 bool
}

// TagSuggestion is a tag the composer suggests from the draft, with why.
type TagSuggestion struct {
	Slug, Name, Reason string
	Checked            bool
}

// ComposeView is a page with a composer.
type ComposeView struct {
	Base
	Heading string
	Intro   string
	// Group is set when starting a thread; Thread when replying or editing.
	Group  *forum.Group
	Thread *ThreadInfo
	// Parent is the post a reply answers, shown for context.
	Parent *PostView
	Form   ComposeForm
	// Refusal explains a refused submission (locked thread, suspension,
	// archived group); the member's text is still in the form.
	Refusal string
	// Conflict is set when an edit raced another: the current text is
	// shown next to the member's.
	Conflict    *ConflictInfo
	CrisisPanel *CrisisPanelView
}

// ConflictInfo is the current version of a post that moved on while the
// member was editing it.
type ConflictInfo struct {
	Body    string
	HTML    template.HTML
	Version int
}

// PreviewFragment is the HTML fragment the live preview fetches.
type PreviewFragment struct {
	Preview     template.HTML
	Error       string
	Suggestions []TagSuggestion
	CrisisPanel *CrisisPanelView
}

// RevisionsView lists the earlier versions of a post for moderators.
type RevisionsView struct {
	Base
	Thread    ThreadInfo
	PostID    int64
	Current   template.HTML
	Revisions []RevisionView
}

// RevisionView is one earlier version.
type RevisionView struct {
	Version   int
	Title     string
	Body      template.HTML
	Tags      []TagLabel
	WrittenAt time.Time
	Replaced  time.Time
}

// NotificationsView is the member's notifications.
type NotificationsView struct {
	Base
	Items   []NotificationView
	NextURL string
	// HasUnread offers "mark all as read".
	HasUnread bool
	// UpTo is the newest id shown, for "mark all as read".
	UpTo int64
	// Seen is the newest post id when the page was made: replies in
	// followed threads after it stay unread when the page is marked read.
	Seen int64
	// FromModerators are the newest messages the moderators sent the
	// member, read or not; MoreFromModerators links the rest.
	FromModerators     []MemberNotice
	MoreFromModerators bool
}

// ModNoticesView is every message the moderators sent the member, a page
// at a time.
type ModNoticesView struct {
	Base
	Notices []MemberNotice
	NextURL string
}

// NotificationView is one notification.
type NotificationView struct {
	ID        int64
	Text      string
	URL       string
	Excerpt   string
	Tags      []TagLabel
	TagNames  string
	Collapsed bool
	Unread    bool
	CreatedAt time.Time
	// Fold names the automatic warning of a post the reader sees folded
	// (fold.go); Excerpt is then empty.
	Fold string
}

// SearchView is the search page and its results.
type SearchView struct {
	Base
	Query      string
	GroupSlug  string
	Groups     []GroupOption
	Searched   bool
	Results    []SearchResultView
	NextURL    string
	PrevURL    string
	HiddenNote bool
}

// GroupOption is an entry of the search's group picker.
type GroupOption struct {
	Slug, Name string
	Selected   bool
}

// SearchResultView is one search result.
type SearchResultView struct {
	URL       string
	Title     string
	Snippet   template.HTML
	Tags      []TagLabel
	TagNames  string
	Collapsed bool
	Author    string
	GroupName string
	CreatedAt time.Time
	IsOpening bool
	// Blocked folds away a result written by a member the reader blocked.
	Blocked bool
	// Fold names the automatic warning of a post the reader sees folded
	// (fold.go); Snippet is then empty.
	Fold string
}

// WarningsView is the trigger-warning settings page.
type WarningsView struct {
	Base
	Tags []WarningChoice
}

// WarningChoice is one tag with the member's mode.
type WarningChoice struct {
	Slug, Name, Description, Mode string
}
