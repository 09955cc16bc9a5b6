package auth

import (
	"context"
	"fmt"
	"time"
)

// ExportFormat names the layout of the export file; bump it when a field
// changes meaning.
const ExportFormat = "hearth-export/1"

// Export is everything a member wrote or set, downloaded as JSON from
// /settings/export. The store assembles it in one read (see
// pkg/store/account_export.go); nothing in it identifies anyone but the
// member, and it holds no secrets (no password hash, no TOTP secret, no
// session tokens, no recovery codes).
//
// Adding a section (reactions, reports filed, blocks, trigger-warning
// preferences, ...): add a typed field at the end of this struct with a
// snake_case json tag, write a function
// `func exportX(tx *gorm.DB, userID int64, e *auth.Export) error` in your
// own pkg/store file, and append it to exportSections in
// pkg/store/account_export.go. A section must only read rows the member
// wrote or set.
type Export struct {
	Format     string          `json:"format"`
	ExportedAt time.Time       `json:"exported_at"`
	Profile    ExportProfile   `json:"profile"`
	Settings   ExportSettings  `json:"settings"`
	Threads    []ExportThread  `json:"threads"`
	Posts      []ExportPost    `json:"posts"`
	Sessions   []ExportSession `json:"sessions"`

	// Sections added by other areas go below this line.

	// Reactions the member gave, their trigger-warning choices (tags not
	// listed are "warn") and the threads they follow or muted.
	Reactions       []ExportReaction     `json:"reactions"`
	TriggerWarnings map[string]string    `json:"trigger_warning_preferences"`
	Subscriptions   []ExportSubscription `json:"thread_subscriptions"`

	// Reports the member filed (never who else reported), the members they
	// blocked, and the breaks they took.
	ReportsFiled []ExportReport `json:"reports_filed"`
	Blocks       []ExportBlock  `json:"blocks"`
	// AnonymousBlocks are authors blocked from one of their anonymous
	// posts: the post, never who wrote it.
	AnonymousBlocks []ExportAnonymousBlock `json:"anonymous_blocks"`
	Breaks          []ExportBreak          `json:"breaks"`

	// What the member wrote in check-ins moderators opened with them (the
	// moderators' words are theirs, not the member's).
	CheckInMessages []ExportCheckInMessage `json:"check_in_messages"`
}

// ExportCheckInMessage is a message the member wrote in a check-in.
type ExportCheckInMessage struct {
	CheckInID int64     `json:"check_in_id"`
	Group     string    `json:"group"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

// ExportReport is a report the member filed.
type ExportReport struct {
	PostID    int64     `json:"post_id"`
	Reason    string    `json:"reason"`
	Note      string    `json:"note,omitempty"`
	Status    string    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
}

// ExportBlock is a member the member blocked.
type ExportBlock struct {
	Pseudonym string    `json:"pseudonym"`
	Since     time.Time `json:"since"`
}

// ExportAnonymousBlock is an author the member blocked from an anonymous
// post (PostID, nil once the post is gone), without their name.
type ExportAnonymousBlock struct {
	PostID *int64    `json:"post_id"`
	Since  time.Time `json:"since"`
}

// ExportBreak is a break the member took.
type ExportBreak struct {
	Scope  string    `json:"scope"`
	Group  string    `json:"group,omitempty"`
	Tag    string    `json:"trigger_warning,omitempty"`
	Starts time.Time `json:"starts_at"`
	Ends   time.Time `json:"ends_at"`
}

// ExportProfile is the member's public profile and standing.
type ExportProfile struct {
	Pseudonym    string     `json:"pseudonym"`
	Joined       time.Time  `json:"joined"`
	Role         Role       `json:"role"`
	Status       Status     `json:"status"`
	StatusUntil  *time.Time `json:"status_until,omitempty"`
	StatusReason string     `json:"status_reason,omitempty"`
}

// ExportSettings are the member's choices.
type ExportSettings struct {
	Country           string `json:"country"`
	Language          string `json:"language"`
	TwoFactorEnabled  bool   `json:"two_factor_enabled"`
	RecoveryCodesLeft int    `json:"recovery_codes_left"`
}

// ExportThread is a thread the member started.
type ExportThread struct {
	ID     int64    `json:"id"`
	Group  string   `json:"group"`
	Title  string   `json:"title"`
	Tags   []string `json:"trigger_warnings"`
	Status string   `json:"status"`
	// Anonymous is true for a thread started as "Anonymous member".
	Anonymous bool      `json:"anonymous"`
	CreatedAt time.Time `json:"created_at"`
}

// ExportPost is a post the member wrote, with its Markdown source.
type ExportPost struct {
	ID       int64    `json:"id"`
	ThreadID int64    `json:"thread_id"`
	ParentID *int64   `json:"parent_id,omitempty"`
	Markdown string   `json:"markdown"`
	Tags     []string `json:"trigger_warnings"`
	Status   string   `json:"status"`
	// Anonymous is true for a post written as "Anonymous member".
	Anonymous bool       `json:"anonymous"`
	Created   time.Time  `json:"created_at"`
	Edited    *time.Time `json:"edited_at,omitempty"`
}

// ExportSession is one signed-in device.
type ExportSession struct {
	Device     string    `json:"device"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	ThisDevice bool      `json:"this_device"`
	// TokenHash lets the service mark this device; never exported.
	TokenHash string `json:"-"`
}

// Export gathers the signed-in member's data for download.
func (s *Service) Export(ctx context.Context, p *Principal) (Export, error) {
	e, err := s.store.Export(ctx, p.User.ID)
	if err != nil {
		return Export{}, fmt.Errorf("export: %w", err)
	}
	e.Format = ExportFormat
	e.ExportedAt = s.now()
	for i := range e.Sessions {
		e.Sessions[i].ThisDevice = e.Sessions[i].TokenHash == p.TokenHash
		e.Sessions[i].TokenHash = ""
	}
	return e, nil
}
