package web

import (
	"html/template"
	"strconv"
	"time"
)

// Views of the care loop: private check-ins, escalations to the
// safeguarding leads and their instructions.

// CheckInNewView is the form a moderator opens a check-in with.
type CheckInNewView struct {
	Base
	MemberID   int64
	MemberName string
	ItemID     int64
	PostID     int64
	GroupID    int64
	GroupName  string
	// Groups are offered when the check-in is opened from a member's page
	// and the moderator is staff of more than one group.
	Groups    []Option
	Templates []Option
	Body      string
	// OpenURL is an open check-in with the member in this group, written
	// in instead of opening another.
	OpenURL string
	// Quiet explains the 24-hour rule when it holds; the form is then not
	// offered.
	Quiet  string
	Errors FormErrors
}

// Query is the page's address with these choices, for the template form.
func (v CheckInNewView) Query() string {
	switch {
	case v.ItemID != 0:
		return "item=" + strconv.FormatInt(v.ItemID, 10)
	case v.PostID != 0:
		return "post=" + strconv.FormatInt(v.PostID, 10)
	}
	return "member=" + strconv.FormatInt(v.MemberID, 10)
}

// CheckInView is one check-in, for its member or the group's staff.
type CheckInView struct {
	Base
	ID int64
	// IsMember is true for the member the check-in is with.
	IsMember   bool
	Open       bool
	MemberID   int64
	MemberName string
	GroupName  string
	GroupSlug  string
	// PostURL is the post the check-in was opened from, for staff.
	PostURL  string
	Messages []CheckInMessage
	// EarlierURL pages back to older messages ("" when these are the
	// first); Older is true on a page of older messages.
	EarlierURL string
	Older      bool
	ClosedAt   *time.Time
	// ClosedByMember is true when the member closed it.
	ClosedByMember bool
	// Crisis is, for staff, true while a crisis-level reply waits for an
	// answer; Waiting while any reply does.
	Crisis  bool
	Waiting bool
	// Escalated is the open escalation of the check-in, for staff.
	Escalated *EscalationLine
	// Panel is the crisis panel, shown to the member after a reply whose
	// words suggest they may be in crisis.
	Panel  *CrisisPanelView
	Body   string
	Errors FormErrors
	// Escalate is the escalation form, for staff.
	Escalate EscalateForm
}

// CheckInMessage is one message of a check-in.
type CheckInMessage struct {
	ID int64
	// Author is who wrote it as the reader sees them: the member sees
	// "You" and the group's moderators, never a moderator's pseudonym.
	Author    string
	FromStaff bool
	Body      template.HTML
	// Crisis marks, for staff, a member's message that read as a crisis.
	Crisis    bool
	CreatedAt time.Time
}

// CheckInLine is a check-in in a list.
type CheckInLine struct {
	ID         int64
	URL        string
	MemberID   int64
	MemberName string
	GroupName  string
	Open       bool
	Waiting    bool
	Crisis     bool
	// CreatorName is the moderator who opened it.
	CreatorName   string
	LastMessageAt time.Time
	CreatedAt     time.Time
}

// CheckInsView is a member's list of their check-ins.
type CheckInsView struct {
	Base
	CheckIns []CheckInLine
	NextURL  string
}

// ModCheckInsView is the staff list of check-ins.
type ModCheckInsView struct {
	Base
	CheckIns []CheckInLine
	Waiting  bool
	NextURL  string
}

// EscalationLine is an escalation as staff see it.
type EscalationLine struct {
	ID     int64
	What   string
	URL    string
	Member string
	// MemberURL is the member's moderation record.
	MemberURL  string
	Group      string
	Reason     string
	By         string
	Since      string
	CreatedAt  time.Time
	Resolved   bool
	Resolution string
	ResolvedBy string
	ResolvedAt *time.Time
	// Post is an escalated post's words, folded behind its warnings.
	Post *ModPostBody
	// Note and Error are a refused resolution's input and message.
	Note  string
	Error string
}

// EscalateForm is the form to escalate something to the safeguarding
// leads.
type EscalateForm struct {
	// Action is where the form posts.
	Action string
	// ID prefixes the element ids, unique on the page.
	ID     string
	Next   string
	Reason string
	Error  string
	// NoLeads warns that no safeguarding lead is appointed yet.
	NoLeads bool
}

// ModEscalateView is a refused escalation, shown again with the reason.
type ModEscalateView struct {
	Base
	What   string
	Back   string
	Form   EscalateForm
	Errors FormErrors
}

// ModEscalationsView is the safeguarding leads' queue.
type ModEscalationsView struct {
	Base
	Escalations  []EscalationLine
	Resolved     bool
	Instructions string
	NextURL      string
	ErrorList    ErrorList
}

// ModEscalationView is one escalation for a safeguarding lead, with the
// audit rows about it.
type ModEscalationView struct {
	Base
	Escalation   EscalationLine
	Audit        []AuditLine
	MoreAudit    bool
	Instructions string
}

// AdminEscalationView is the form admins write escalation instructions in.
type AdminEscalationView struct {
	Base
	Instructions string
	Leads        int
	Errors       FormErrors
}

// FieldID is the id of the form's reason field.
func (f EscalateForm) FieldID() string {
	if f.ID == "" {
		return "reason"
	}
	return f.ID + "-reason"
}
