package web

import (
	"html/template"
	"time"

	"hearth/pkg/auth"
)

// SignupView is the signup form.
type SignupView struct {
	Base
	Username string
	Next     string
	Errors   FormErrors
	// MinimumAge is the age members confirm they have reached, ticked
	// already when a refused form comes back (AgeConfirmed).
	MinimumAge   int
	AgeConfirmed bool
	// Refusal says why the account was not made (a flood limit), above
	// the form that still holds the pseudonym.
	Refusal string
}

// LoginView is the login form. Message is the one answer to a wrong
// pseudonym or password.
type LoginView struct {
	Base
	Username string
	Next     string
	Message  string
	Errors   FormErrors
}

// LoginCodeView is the second step of a login with two-factor codes.
type LoginCodeView struct {
	Base
	Next   string
	Errors FormErrors
}

// RecoverView is the recovery form.
type RecoverView struct {
	Base
	Username string
	Message  string
	Errors   FormErrors
}

// RecoveryCodesView shows new recovery codes, once.
type RecoveryCodesView struct {
	Base
	Codes []string
	// Continue is where the member goes once the codes are safe.
	Continue string
	// Welcome is true right after signup.
	Welcome bool
}

// ThrottledView is the 429 page of the login throttle.
type ThrottledView struct {
	Base
	Minutes int
}

// SanctionView tells a suspended or banned member why and until when.
type SanctionView struct {
	Base
	Banned bool
	// Until is when a suspension ends; nil when it has no end date.
	Until  *time.Time
	Reason string
}

// SettingsView is the settings index.
type SettingsView struct {
	Base
}

// PasswordView is the change-password form.
type PasswordView struct {
	Base
	Errors FormErrors
}

// CodesSettingsView is the recovery-codes section.
type CodesSettingsView struct {
	Base
	Left   int
	Errors FormErrors
}

// SessionsView lists the member's signed-in devices.
type SessionsView struct {
	Base
	Sessions []SessionRow
}

// SessionRow is one signed-in device; times are shown by day only.
type SessionRow struct {
	auth.SessionInfo
	LastSeenDay, CreatedDay string
}

// TOTPView is the two-factor section.
type TOTPView struct {
	Base
	Enabled bool
	// Pending is true while a setup waits for its first code.
	Pending bool
	// Secret is the pending secret in groups of four, for typing in.
	Secret string
	// StaffRequired says staff pages need two-factor codes.
	StaffRequired bool
	Errors        FormErrors
}

// CountryView is the country setting.
type CountryView struct {
	Base
	Options []CountryOption
	Errors  FormErrors
}

// Choices are the country picker's options, "Not chosen" first.
func (v CountryView) Choices() []Option {
	out := make([]Option, 0, len(v.Options)+1)
	out = append(out, Option{Value: "", Label: msg("Not chosen")})
	for _, o := range v.Options {
		out = append(out, Option{Value: o.Code, Label: o.Name, Selected: o.Selected})
	}
	return out
}

// DeleteView is the delete-account form.
type DeleteView struct {
	Base
	Mode   string
	Errors FormErrors
}

// GoodbyeView follows a deleted account.
type GoodbyeView struct {
	Base
	// StillBeingDone says what goes on after a large account's deletion
	// was answered; empty when everything is gone.
	StillBeingDone string
}

// ProfileView is a member's public profile.
type ProfileView struct {
	Base
	Name   string
	Joined time.Time
	// JoinedMonth is Joined as "November 2026".
	JoinedMonth string
	Posts       []ProfilePostView
	// Hidden is true when the reader has blocked this member: their posts
	// are not listed.
	Hidden bool
	// Block is the Block / Unblock control (templates/partials/block-button.html);
	// nil for visitors and on one's own profile.
	Block *BlockButtonView
}

// ProfilePostView is a recent post on a profile; tagged posts are
// collapsed behind their trigger warnings.
type ProfilePostView struct {
	ID, ThreadID         int64
	ThreadTitle          string
	GroupSlug, GroupName string
	Body                 template.HTML
	Tags                 []TagLabel
	// Warn collapses the post behind its tags (the reader's choice).
	Warn      bool
	CreatedAt time.Time
	// Fold names the automatic warning of a post the reader sees folded
	// (fold.go); Body is then empty.
	Fold string
}

// PeopleView is the admin's people page.
type PeopleView struct {
	Base
	Query    string
	Searched bool
	Found    *PersonView
	Staff    []PersonView
	Groups   []GroupChoice
	// Errors and Reason belong to a role form that failed, for Found.
	Errors FormErrors
	Reason string
	// LeadErrors and LeadReason belong to a safeguarding lead form that
	// failed, for Found.
	LeadErrors FormErrors
	LeadReason string
	// PeerErrors and PeerReason belong to a peer supporter form that
	// failed, for Found.
	PeerErrors FormErrors
	PeerReason string
}

// PersonView is a member as the people page shows them.
type PersonView struct {
	ID           int64
	Name         string
	Role         string
	Status       string
	StatusUntil  *time.Time
	StatusReason string
	SiteWide     bool
	GroupNames   []string
	GroupIDs     map[int64]bool
	Joined       time.Time
	JoinedMonth  string
	// Changeable is false for admins and for the admin looking.
	Changeable bool
	// Lead is true for a safeguarding lead.
	Lead bool
	// PeerGroups are the groups they are a peer supporter in (filled for
	// the member found).
	PeerGroups     map[int64]bool
	PeerGroupNames []string
}

// GroupChoice is a group checkbox of the role form.
type GroupChoice struct {
	ID   int64
	Name string
}
