package web

import (
	"fmt"
	"html/template"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// ReasonField is one moderator reason input: a pick from the common reasons
// plus free text, with the values and message of a refused submission.
type ReasonField struct {
	// ID prefixes the element ids, unique on the page.
	ID       string
	Required bool
	// Private marks a note only moderators read: marking a wellbeing
	// concern looked after sends the member nothing.
	Private bool
	Choice  string
	Detail  string
	Error   string
}

// modReasons are the common reasons a moderator picks from.
var modReasons = []string{
	msg("Harassment or bullying"), msg("Harmful or unsafe advice"), msg("Shares personal information"), msg("Spam or advertising"),
	msg("Missing trigger warning"), msg("Graphic or distressing detail"), msg("Off-topic for this group"), msg("Against the group guidelines"),
}

// Label is the reason's label.
func (r ReasonField) Label() string {
	if r.Required {
		return msg("Reason (required)")
	}
	return msg("Reason (optional)")
}

// Hint says who reads the reason. Each promise here is kept by a notice
// to the author (pkg/moderation/outcome.go).
func (r ReasonField) Hint() string {
	if r.Private {
		return msg("Only moderators read this note, in the audit log: the member isn't sent it.")
	}
	if r.Required {
		return msg("The member is told this reason and it is kept in the moderation log. Please don't include anyone's name.")
	}
	return msg("The member is told this reason. Please don't include anyone's name.")
}

// Options are the reason's choices: none, the common reasons, and
// something else written out.
func (r ReasonField) Options() []Option {
	none := msg("No reason given")
	if r.Required {
		none = msg("Choose a reason…")
	}
	out := make([]Option, 0, len(modReasons)+2)
	out = append(out, Option{Label: none})
	for _, m := range modReasons {
		out = append(out, Option{Value: m, Label: m, Selected: r.Choice == m})
	}
	return append(out, Option{Value: moderation.ReasonOther, Label: msg("Something else (write it below)"), Selected: r.Choice == moderation.ReasonOther})
}

// Reason builds the reason input of a thread-page control for action.
func (m *ModControls) Reason(action string, required bool) ReasonField {
	return ReasonField{ID: fmt.Sprintf("p%d-%s", m.PostID, action), Required: required}
}

// ThreadReason builds the reason input of a thread-level control.
func (m *ModControls) ThreadReason(action string, required bool) ReasonField {
	return ReasonField{ID: fmt.Sprintf("t%d-%s", m.ThreadID, action), Required: required}
}

// ModForms is everything the moderator action forms need for one post.
type ModForms struct {
	PostID, ThreadID int64
	// ItemID and Kind are the queue item the forms act from (0 and "" on
	// a post's page).
	ItemID    int64
	Kind      string
	AuthorID  int64
	Status    string
	IsOpening bool
	Locked    bool
	Pinned    bool
	// CanSanction shows the warn, suspend and ban forms.
	CanSanction bool
	// Folded offers to mark a crisis-level post looked at, which unfolds
	// it for other readers.
	Folded bool
	// Next is where to return after acting.
	Next string
	// Form names the form a refused submission came from; Errors and
	// Values are its messages and the moderator's input.
	Form   string
	Errors map[string]string
	Values map[string]string
}

// Reason builds the reason input of the form for action.
func (f ModForms) Reason(action string, required bool) ReasonField {
	r := ReasonField{ID: fmt.Sprintf("i%d-p%d-%s", f.ItemID, f.PostID, action), Required: required,
		Private: action == "dismiss" && f.Kind == moderation.KindWellbeing}
	if f.Form == action {
		r.Choice, r.Detail, r.Error = f.Values["reason"], f.Values["reason_detail"], f.Errors["reason"]
	}
	return r
}

// Err is the message for field when the refused form was action.
func (f ModForms) Err(action, field string) string {
	if f.Form != action {
		return ""
	}
	return f.Errors[field]
}

// Val is the moderator's input for field when the refused form was action.
func (f ModForms) Val(action, field string) string {
	if f.Form != action {
		return ""
	}
	return f.Values[field]
}

// ModPostBody is a post as moderators see it: its words (collapsed behind
// its trigger warnings) and where it is.
type ModPostBody struct {
	Post        moderation.PostRef
	Body        template.HTML
	Tags        []TagLabel
	ThreadTitle string
	// Open shows a trigger-warned post unfolded: on the item's own page,
	// and in the queue for a moderator who asked for it.
	Open bool
	// AuthorHidden is set for an anonymous post whose author the
	// moderator has not asked to see: Post then names nobody, and the
	// page offers to reveal them (audited).
	AuthorHidden bool
}

// ModEntry is one queue item.
type ModEntry struct {
	Item moderation.QueueItem
	ModPostBody
	// Heading names the item: a wellbeing concern (of crisis language, a
	// member's worry, the concern level or words not screened), a reported
	// post or one waiting for approval (itemHeading).
	Heading string
	// NotScreened marks an item whose post the crisis detector could not
	// read, whatever else brought it to the queue.
	NotScreened bool
	Waited      string
	// Urgent marks crisis language and members' worries.
	Urgent  bool
	Reports []ReportLine
	History []HistoryLine
	Forms   ModForms
	// CheckIns are the check-ins sent to the author about this item;
	// CheckInURL opens one (empty when the post has no author).
	CheckIns   []CheckInLine
	CheckInURL string
	// Escalated is the item's open escalation; Escalate the form to
	// escalate it otherwise.
	Escalated *EscalationLine
	Escalate  EscalateForm
	// Claim is who is looking at the item, nil for nobody; OpenURL opens
	// the item's own page and Here is where its forms return.
	Claim   *ClaimLine
	OpenURL string
	Here    string
	// Handled says what was done, for an item no longer open.
	Handled string
}

// ReportLine is a report as moderators see it.
type ReportLine struct {
	Reason    string
	Note      string
	Reporter  string
	Repeated  bool
	Open      bool
	CreatedAt time.Time
}

// HistoryLine is an entry of a member's moderation history.
type HistoryLine struct {
	What      string
	Reason    string
	CreatedAt time.Time
}

// ModQueueView is the moderator queue.
type ModQueueView struct {
	Base
	// Quiet is the queue's quiet section: opening posts that have waited
	// long for a first reply (MoreQuiet: more than are listed).
	Quiet     []WaitingRow
	MoreQuiet bool
	// Support are one-to-one support conversations raised to the
	// moderators (a crisis-level message or a report), crisis first.
	Support []moderation.SupportAttention
	Entries []ModEntry
	Groups  []forum.Group
	Group   string
	Kind    string
	NextURL string
	// Empty explains an empty queue.
	Filtered bool
	// Waiting are the check-ins whose member wrote last, crisis replies
	// first; MoreWaiting says more wait than are shown.
	Waiting     []CheckInLine
	MoreWaiting bool
	// Escalations are, for safeguarding leads, the open escalations,
	// longest waiting first; MoreEscalations says more wait.
	Escalations     []EscalationLine
	MoreEscalations bool
	// Care is the moderator's own corner of the queue: who is around,
	// their time on duty, what came in overnight.
	Care ModCareView
}

// ModPostView is a moderator's page for one post: everything about it and
// every action.
type ModPostView struct {
	Base
	ModPostBody
	// Screening says what the crisis detector read in the post's words
	// (screeningLine); empty when nothing.
	Screening  string
	Items      []moderation.QueueItem
	Reports    []ReportLine
	History    []HistoryLine
	Sanctions  []SanctionLine
	AuthorName string
	Groups     []forum.Group
	PostTags   []ModTagChoice
	ThreadTags []ModTagChoice
	Forms      ModForms
	ErrorList  ErrorList
	// CheckInURL opens a private check-in with the author.
	CheckInURL string
	// Revealed is set when the moderator asked who wrote this anonymous
	// post, which the audit log now records.
	Revealed bool
}

// MoveChoices are the groups the thread may move to (archived ones take no
// threads), its own group chosen.
func (v ModPostView) MoveChoices() []Option {
	var out []Option
	for _, g := range v.Groups {
		if !g.Archived {
			out = append(out, Option{Value: g.Slug, Label: g.Name, Selected: g.ID == v.Post.GroupID, AsIs: true})
		}
	}
	return out
}

// ModTagChoice is a trigger warning as a checkbox.
type ModTagChoice struct {
	Slug, Name string
	Checked    bool
}

// SanctionLine is a sanction as moderators see it.
type SanctionLine struct {
	Kind      string
	Reason    string
	EndsAt    *time.Time
	Lifted    bool
	CreatedAt time.Time
}

// ModHandledView tells the second moderator the first got there first.
type ModHandledView struct {
	Base
	Message string
	Result  string
	Next    string
}

// ModAuditView is the staff audit log.
type ModAuditView struct {
	Base
	Entries []AuditLine
	Groups  []forum.Group
	// Actions are the filter's choices: each action by what it does.
	Actions []Option
	Actor   string
	Action  string
	Group   string
	NextURL string
}

// AuditLine is one audit entry for staff.
type AuditLine struct {
	ID        int64
	Actor     string
	What      string
	Action    string
	Target    string
	TargetURL string
	Subject   string
	Group     string
	Reason    string
	Detail    string
	SHA256    string
	CreatedAt time.Time
}

// ModLogView is the public moderation log.
type ModLogView struct {
	Base
	Entries []PublicLine
	NextURL string
}

// PublicLine is one public log entry: no names, no removed words.
type PublicLine struct {
	What      string
	Reason    string
	Group     string
	GroupSlug string
	CreatedAt time.Time
}

// ReportFormView is the report form.
type ReportFormView struct {
	Base
	PostID      int64
	ThreadID    int64
	ThreadTitle string
	AuthorName  string
	Reasons     []moderation.ReportReason
	Reason      string
	Note        string
	Errors      map[string]string
	ErrorList   ErrorList
	// Refusal says why the report was not sent (a flood limit), above
	// the form that still holds it.
	Refusal string
}

// ReportDoneView is the thank-you page after a report, or the page saying
// a report could not be sent.
type ReportDoneView struct {
	Base
	ThreadID  int64
	PostID    int64
	Wellbeing bool
	Duplicate bool
	Repeated  bool
	Limited   bool
}

// AdminView is the administration index.
type AdminView struct {
	Base
	Groups          int
	Archived        int
	ReportThreshold int
	Tags            int
}

// AdminGroupsView lists groups with the form to create one.
type AdminGroupsView struct {
	Base
	Groups    []forum.Group
	Form      GroupForm
	Errors    map[string]string
	ErrorList ErrorList
}

// GroupForm is the group form's input.
type GroupForm struct {
	Slug, Name, Description, Guidelines, Premod string
	PremodFirstN                                string
	RequireTag                                  bool
	// AllowAnonymous: members may post as "Anonymous member" here.
	AllowAnonymous bool
}

// AdminGroupView is a group's edit page.
type AdminGroupView struct {
	Base
	Group     forum.Group
	Form      GroupForm
	Errors    map[string]string
	ErrorList ErrorList
}

// AdminSettingsView is the site settings page.
type AdminSettingsView struct {
	Base
	ReportThreshold string
	// MinimumAge is the age to join, as saved or as typed in a refused form.
	MinimumAge string
	// Countries are the choices of the instance's default country.
	Countries []Option
	Tags      []forum.Tag
	NewTag    moderation.TagInput
	// Form names the refused form: "settings", "age", "country", "tag-new" or a tag's
	// slug.
	// Hours is the moderation hours form, as saved or as typed.
	Hours     HoursForm
	Form      string
	Errors    map[string]string
	ErrorList ErrorList
}

// ErrorOf is the message for field when the refused form was form.
func (v AdminSettingsView) ErrorOf(form, field string) string {
	if v.Form != form {
		return ""
	}
	return v.Errors[field]
}

// MemberNotice is what moderators told the member, shown at the top of
// every page until they dismiss it (a warning until they acknowledge it).
type MemberNotice struct {
	ID      int64
	Message string
	Reason  string
	Link    string
	Warning bool
	// CheckIn marks the gentle notice that a check-in is waiting.
	CheckIn   bool
	CreatedAt time.Time
	// Read is true once the member dismissed it (acknowledged a warning).
	Read bool
}

// memberNotice is what templates show of a moderator's notice.
func memberNotice(n moderation.Notice) MemberNotice {
	return MemberNotice{ID: n.ID, Message: n.Message, Reason: n.Reason, Link: n.Link,
		Warning: n.Kind == moderation.NoticeWarning, CheckIn: n.ConversationID != nil, CreatedAt: n.CreatedAt, Read: n.AcknowledgedAt != nil}
}

// ModUserView is a moderator's page for a member.
type ModUserView struct {
	Base
	UserID      int64
	Name        string
	Role        string
	Status      string
	StatusUntil *time.Time
	History     []HistoryLine
	Sanctions   []SanctionLine
	Forms       ModForms
	ErrorList   ErrorList
	// CheckInURL opens a private check-in with the member.
	CheckInURL string
	// Escalated is the member's open escalation; Escalate the form to
	// escalate them otherwise.
	Escalated *EscalationLine
	Escalate  EscalateForm
}
