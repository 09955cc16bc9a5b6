package moderation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// Support request statuses.
const (
	SupportOpen      = "open"
	SupportAccepted  = "accepted"
	SupportWithdrawn = "withdrawn"
	SupportEnded     = "ended"
)

// ConversationSupport is the kind of a one-to-one support conversation.
const ConversationSupport = "support"

// Limits of a support request's description.
const (
	SupportAboutMin = 10
	SupportAboutMax = 1000
)

// SupportRequest is a member's request for one-to-one support in a group.
type SupportRequest struct {
	ID             int64      `gorm:"column:id;primaryKey"`
	GroupID        int64      `gorm:"column:group_id"`
	RequesterID    int64      `gorm:"column:requester_id"`
	About          string     `gorm:"column:about"`
	Tags           forum.Tags `gorm:"column:tags"`
	Status         string     `gorm:"column:status"`
	SupporterID    *int64     `gorm:"column:supporter_id"`
	ConversationID *int64     `gorm:"column:conversation_id"`
	// ReportedAt is when a message was reported or read as a crisis: from
	// then the group's moderators may read the conversation.
	ReportedAt  *time.Time `gorm:"column:reported_at"`
	EndedBy     *int64     `gorm:"column:ended_by"`
	EndedReason string     `gorm:"column:ended_reason"`
	AcceptedAt  *time.Time `gorm:"column:accepted_at"`
	EndedAt     *time.Time `gorm:"column:ended_at"`
	CreatedAt   time.Time  `gorm:"column:created_at"`
	UpdatedAt   time.Time  `gorm:"column:updated_at"`
}

// TableName is the table SupportRequest is stored in.
func (SupportRequest) TableName() string { return "support_requests" }

// Why a support conversation ended.
const (
	EndedByMember = "ended"
	EndedBlocked  = "blocked"
	EndedIdle     = "idle"
)

// SupportRow is a request with the names and group its pages show.
type SupportRow struct {
	SupportRequest
	GroupSlug     string     `gorm:"column:group_slug;->"`
	GroupName     string     `gorm:"column:group_name;->"`
	RequesterName string     `gorm:"column:requester_name;->"`
	SupporterName string     `gorm:"column:supporter_name;->"`
	LastMessageAt *time.Time `gorm:"column:last_message_at;->"`
	CrisisAt      *time.Time `gorm:"column:crisis_at;->"`
}

// SupportReport is a participant's report of a message, or the detector
// reading one as a crisis, open until a moderator has looked.
type SupportReport struct {
	ID         int64      `gorm:"column:id;primaryKey"`
	RequestID  int64      `gorm:"column:request_id"`
	MessageID  *int64     `gorm:"column:message_id"`
	ReporterID *int64     `gorm:"column:reporter_id"`
	Crisis     bool       `gorm:"column:crisis"`
	Note       string     `gorm:"column:note"`
	HandledBy  *int64     `gorm:"column:handled_by"`
	HandledAt  *time.Time `gorm:"column:handled_at"`
	CreatedAt  time.Time  `gorm:"column:created_at"`
}

// TableName is the table SupportReport is stored in.
func (SupportReport) TableName() string { return "support_reports" }

// SupportAttention is a support conversation moderators should look at:
// a crisis-level message or a report, not yet looked at.
type SupportAttention struct {
	RequestID int64     `gorm:"column:request_id"`
	GroupName string    `gorm:"column:group_name"`
	Crisis    bool      `gorm:"column:crisis"`
	Reports   int       `gorm:"column:reports"`
	Since     time.Time `gorm:"column:since"`
}

// SupportQuery selects support requests.
type SupportQuery struct {
	// Groups narrows to these groups' open requests (peer supporters'
	// and moderators' list); All lists every group's.
	Groups []int64
	All    bool
	// MemberID lists the requests the member made or accepted instead.
	MemberID int64
	Limit    int
}

// SupportStore is what support requests need from persistence.
type SupportStore interface {
	// AddRequest stores an open request; forum.ErrConflict when the
	// member already has one open or accepted.
	AddRequest(ctx context.Context, r *SupportRequest) error
	// Request returns a request with its names.
	Request(ctx context.Context, id int64) (SupportRow, error)
	// Requests lists requests for q, oldest open first (or the member's,
	// newest first).
	Requests(ctx context.Context, q SupportQuery) ([]SupportRow, error)
	// AcceptRequest marks an open request accepted by supporterID and opens
	// its conversation, in one transaction; false when it was no longer
	// open.
	AcceptRequest(ctx context.Context, id, supporterID int64, at time.Time) (bool, error)
	// SetRequestStatus moves a request from one of from to status,
	// closing its conversation; false when it was in none of them.
	SetRequestStatus(ctx context.Context, id int64, from []string, status string, by *int64, reason string, at time.Time) (bool, error)
	// AddSupportMessage stores a message, moves the conversation's last
	// message time, and when crisis is set records the crisis (the
	// conversation raised to moderators, audited), in one transaction.
	AddSupportMessage(ctx context.Context, r SupportRow, m *forum.ConversationMessage, crisis *AuditEntry) error
	// Messages lists a conversation's messages, oldest first.
	Messages(ctx context.Context, conversationID int64) ([]MessageRow, error)
	// AddSupportReport stores a report, opens moderators' access and
	// writes the audit row, in one transaction.
	AddSupportReport(ctx context.Context, rep *SupportReport, audit AuditEntry) error
	// SupportAudit writes an audit row (a moderator's look).
	SupportAudit(ctx context.Context, e AuditEntry) error
	// HandleSupportReports marks a request's open reports looked at and
	// writes the audit row; false when none was open.
	HandleSupportReports(ctx context.Context, requestID, actorID int64, audit AuditEntry, at time.Time) (bool, error)
	// SupportAttention lists conversations with open reports in groups
	// (every group when all), crisis first, at most limit.
	SupportAttention(ctx context.Context, all bool, groups []int64, limit int) ([]SupportAttention, error)
	// Blocked reports whether either member blocked the other.
	Blocked(ctx context.Context, a, b int64) (bool, error)
	// CountOpenRequests counts open requests in groups (every group when
	// all).
	CountOpenRequests(ctx context.Context, all bool, groups []int64) (int, error)
	// CountActive counts the open or accepted requests userID asked for
	// or accepted.
	CountActive(ctx context.Context, userID int64) (int, error)
}

// SupportAsk is a member's request as they typed it.
type SupportAsk struct {
	GroupID int64
	About   string
	Tags    []string
}

// ErrOpenRequest means the member already has a request open or accepted.
var ErrOpenRequest = errors.New("a support request is already open")

// Ask stores a's request for one-to-one support in groupID. The account
// must be MinAge old and the member in good standing, with no other
// request open. Form problems are a *forum.ValidationError; known tags
// are checked by the caller against the vocabulary.
func (p *Peer) Ask(ctx context.Context, a *auth.Actor, in SupportAsk) (int64, error) {
	if err := auth.CanPost(a, p.now()); err != nil {
		return 0, err
	}
	v := &forum.ValidationError{}
	if ok, err := p.oldEnough(ctx, a.ID); err != nil {
		return 0, err
	} else if !ok {
		v.Add("about", p.tooNewMessage(false))
		return 0, v
	}
	about := strings.TrimSpace(in.About)
	switch n := utf8.RuneCountInString(about); {
	case !utf8.ValidString(about) || n < SupportAboutMin:
		v.Add("about", "Please say in a few words what you'd like support with (at least 10 characters).")
	case n > SupportAboutMax:
		v.Add("about", "Please keep it under 1,000 characters; you can say more once someone is talking with you.")
	default:
		if msg := ContactRefusal(about); msg != "" {
			v.Add("about", msg)
		}
	}
	if err := v.OrNil(); err != nil {
		return 0, err
	}
	now := p.now()
	r := &SupportRequest{GroupID: in.GroupID, RequesterID: a.ID, About: about, Tags: forum.MakeTags(in.Tags), Status: SupportOpen,
		CreatedAt: now, UpdatedAt: now}
	if err := p.store.AddRequest(ctx, r); err != nil {
		if errors.Is(err, forum.ErrConflict) {
			return 0, ErrOpenRequest
		}
		return 0, fmt.Errorf("add support request: %w", err)
	}
	return r.ID, nil
}

// oldEnough reports whether userID's account is at least MinAge old.
func (p *Peer) oldEnough(ctx context.Context, userID int64) (bool, error) {
	if p.MinAge <= 0 {
		return true, nil
	}
	created, err := p.store.UserCreatedAt(ctx, userID)
	if err != nil {
		return false, fmt.Errorf("account age: %w", err)
	}
	return p.now().Sub(created) >= p.MinAge, nil
}

// tooNewMessage explains the account-age rule kindly, to a member asking
// for support or, when accept, to a supporter accepting a request. Each
// case is a whole sentence, so it translates whole.
func (p *Peer) tooNewMessage(accept bool) string {
	days, hours := int(p.MinAge/(24*time.Hour)), int(p.MinAge/time.Hour)
	inDays := days >= 1 && p.MinAge%(24*time.Hour) == 0
	switch {
	case accept && inDays && days == 1:
		return "New accounts can accept a request once they are a day old. Until then, you can post in the group, and the crisis page has people to talk to any time."
	case accept && inDays:
		return fmt.Sprintf("New accounts can accept a request once they are %d days old. Until then, you can post in the group, and the crisis page has people to talk to any time.", days)
	case accept && hours <= 1:
		return "New accounts can accept a request once they are an hour old. Until then, you can post in the group, and the crisis page has people to talk to any time."
	case accept:
		return fmt.Sprintf("New accounts can accept a request once they are %d hours old. Until then, you can post in the group, and the crisis page has people to talk to any time.", hours)
	case inDays && days == 1:
		return "New accounts can ask for one-to-one support once they are a day old. Until then, you can post in the group, and the crisis page has people to talk to any time."
	case inDays:
		return fmt.Sprintf("New accounts can ask for one-to-one support once they are %d days old. Until then, you can post in the group, and the crisis page has people to talk to any time.", days)
	case hours <= 1:
		return "New accounts can ask for one-to-one support once they are an hour old. Until then, you can post in the group, and the crisis page has people to talk to any time."
	}
	return fmt.Sprintf("New accounts can ask for one-to-one support once they are %d hours old. Until then, you can post in the group, and the crisis page has people to talk to any time.", hours)
}

// OpenRequest returns the member's open or accepted request, if any.
func (p *Peer) OpenRequest(ctx context.Context, userID int64) (*SupportRow, error) {
	rows, err := p.store.Requests(ctx, SupportQuery{MemberID: userID, Limit: 50})
	if err != nil {
		return nil, fmt.Errorf("member's requests: %w", err)
	}
	for i := range rows {
		r := &rows[i]
		if r.RequesterID == userID && (r.Status == SupportOpen || r.Status == SupportAccepted) {
			return r, nil
		}
	}
	return nil, nil
}

// Mine lists the requests a member made or accepted, newest first; idle
// conversations among them are closed first.
func (p *Peer) Mine(ctx context.Context, userID int64) ([]SupportRow, error) {
	rows, err := p.store.Requests(ctx, SupportQuery{MemberID: userID, Limit: 50})
	if err != nil {
		return nil, fmt.Errorf("member's requests: %w", err)
	}
	for i := range rows {
		if err := p.closeIfIdle(ctx, &rows[i]); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// Open lists the open requests a may answer or watch over: those of the
// groups they support or moderate, oldest first.
func (p *Peer) Open(ctx context.Context, a *auth.Actor) ([]SupportRow, error) {
	if a == nil {
		return nil, forum.ErrForbidden
	}
	all, groups := auth.ModerationScope(a)
	sup, err := p.SupporterGroups(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	groups = append(groups, sup...)
	if !all && len(groups) == 0 {
		return nil, nil
	}
	rows, err := p.store.Requests(ctx, SupportQuery{Groups: groups, All: all, Limit: 100})
	if err != nil {
		return nil, fmt.Errorf("open requests: %w", err)
	}
	return rows, nil
}

// Withdraw takes back a's open request.
func (p *Peer) Withdraw(ctx context.Context, a *auth.Actor, id int64) error {
	r, err := p.store.Request(ctx, id)
	if err != nil {
		return fmt.Errorf("support request: %w", err)
	}
	if a == nil || r.RequesterID != a.ID {
		return forum.ErrNotFound
	}
	ok, err := p.store.SetRequestStatus(ctx, id, []string{SupportOpen}, SupportWithdrawn, &a.ID, "", p.now())
	if err != nil {
		return fmt.Errorf("withdraw: %w", err)
	}
	if !ok {
		return refusal("request", "This request is no longer waiting.")
	}
	return nil
}

// Accept lets a peer supporter of the request's group take it: a private
// conversation between the two opens. The supporter's account must be
// MinAge old; neither may have blocked the other.
func (p *Peer) Accept(ctx context.Context, a *auth.Actor, id int64) error {
	r, err := p.store.Request(ctx, id)
	if err != nil {
		return fmt.Errorf("support request: %w", err)
	}
	if err := p.mayAccept(ctx, a, r); err != nil {
		return err
	}
	ok, err := p.store.AcceptRequest(ctx, id, a.ID, p.now())
	if err != nil {
		return fmt.Errorf("accept: %w", err)
	}
	if !ok {
		return refusal("accept", "Someone else has already answered this request, or it was withdrawn.")
	}
	return nil
}

// mayAccept is the rule for accepting r: a peer supporter of its group, in
// good standing, old enough, not its requester, not blocked either way.
func (p *Peer) mayAccept(ctx context.Context, a *auth.Actor, r SupportRow) error {
	if a == nil {
		return forum.ErrNotFound
	}
	sup, err := p.IsSupporter(ctx, a.ID, r.GroupID)
	if err != nil {
		return err
	}
	if !sup && !auth.CanModerate(a, r.GroupID) {
		return forum.ErrNotFound
	}
	v := &forum.ValidationError{}
	switch {
	case !sup:
		v.Add("accept", "Only the group's peer supporters can accept a request. Moderators see requests to keep them safe.")
	case r.RequesterID == a.ID:
		v.Add("accept", "This is your own request.")
	case auth.CanPost(a, p.now()) != nil:
		v.Add("accept", "You can't accept requests while you can't post.")
	}
	if err := v.OrNil(); err != nil {
		return err
	}
	if ok, err := p.oldEnough(ctx, a.ID); err != nil {
		return err
	} else if !ok {
		v.Add("accept", p.tooNewMessage(true))
		return v
	}
	blocked, err := p.store.Blocked(ctx, a.ID, r.RequesterID)
	if err != nil {
		return fmt.Errorf("blocked: %w", err)
	}
	if blocked {
		v.Add("accept", "You can't accept this request: one of you has blocked the other. Another peer supporter can.")
		return v
	}
	return nil
}

// Header is what a member's header shows of peer support: whether they
// see requests (a peer supporter or staff) and how many wait, and how many
// requests or conversations of their own are going.
type Header struct {
	Sees    bool
	Waiting int
	Active  int
}

// HeaderFor reads a's Header.
func (p *Peer) HeaderFor(ctx context.Context, a *auth.Actor) (Header, error) {
	var h Header
	if a == nil {
		return h, nil
	}
	all, groups, err := p.SupportGroups(ctx, a)
	if err != nil {
		return h, err
	}
	if h.Sees = all || len(groups) > 0; h.Sees {
		if h.Waiting, err = p.store.CountOpenRequests(ctx, all, groups); err != nil {
			return h, fmt.Errorf("count open requests: %w", err)
		}
	}
	if h.Active, err = p.store.CountActive(ctx, a.ID); err != nil {
		return h, fmt.Errorf("count active requests: %w", err)
	}
	return h, nil
}

// SupportGroups are the groups whose requests a sees, for the header.
func (p *Peer) SupportGroups(ctx context.Context, a *auth.Actor) (all bool, groups []int64, err error) {
	if a == nil {
		return false, nil, nil
	}
	all, groups = auth.ModerationScope(a)
	sup, err := p.SupporterGroups(ctx, a.ID)
	groups = append(groups, sup...)
	slices.Sort(groups)
	return all, slices.Compact(groups), err
}

// refusal is a one-field *forum.ValidationError.
func refusal(field, msg string) error {
	v := &forum.ValidationError{}
	v.Add(field, msg)
	return v
}
