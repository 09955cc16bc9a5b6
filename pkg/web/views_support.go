package web

import (
	"html/template"
	"time"
)

// SupportAskView is the form asking for one-to-one support in a group.
type SupportAskView struct {
	Base
	GroupSlug, GroupName string
	About                string
	Tags                 []TagChoice
	Errors               FormErrors
	// Refusal explains why the member can't ask now (an open request,
	// a new account); the form is then not shown.
	Refusal string
	// OpenURL links the member's open request when they have one.
	OpenURL string
}

// SupportRowView is a request in a list.
type SupportRowView struct {
	ID                   int64
	GroupName, GroupSlug string
	About                string
	Tags                 []TagLabel
	Status               string
	// Other names the other member, for the member's own list.
	Other     string
	Mine      bool
	CreatedAt time.Time
	Waited    string
}

// SupportListView is the member's own requests and conversations.
type SupportListView struct {
	Base
	Rows []SupportRowView
}

// PeerView is a peer supporter's page: open requests, waiting first
// posts and new threads in the groups they follow.
type PeerView struct {
	Base
	Supporter bool
	Requests  []SupportRowView
	Waiting   []WaitingRow
	Follows   []FollowedGroup
	// Groups are the groups they may follow, with whether they do.
	Groups []FollowChoice
}

// FollowedGroup is a followed group with the threads started since the
// supporter last looked.
type FollowedGroup struct {
	Slug, Name string
	Threads    []WaitingRow
}

// FollowChoice is a group a supporter may follow.
type FollowChoice struct {
	Slug, Name string
	Following  bool
}

// SupportMessageView is a message of a support conversation.
type SupportMessageView struct {
	ID        int64
	Author    string
	Mine      bool
	Crisis    bool
	Body      template.HTML
	CreatedAt time.Time
}

// SupportShowView is a request and, once accepted, its conversation.
type SupportShowView struct {
	Base
	ID                   int64
	GroupName, GroupSlug string
	About                string
	Tags                 []TagLabel
	Status               string
	// Role is requester, supporter, waiting (a supporter or moderator
	// looking at an open request) or moderator (after a report).
	Role            string
	RequesterName   string
	SupporterName   string
	Other           string
	EndedReason     string
	EndedByMe       bool
	EndedAt         *time.Time
	Messages        []SupportMessageView
	Body            string
	Errors          FormErrors
	Panel           *CrisisPanelView
	OpenReports     bool
	ReportedAt      *time.Time
	CanAccept       bool
	AcceptRefusal   string
	IdleDays        int
	ModeratorReader bool
}

// SupportEndView confirms ending a conversation (and blocking).
type SupportEndView struct {
	Base
	ID     int64
	Other  string
	Block  bool
	Errors FormErrors
}

// PeerAboutView is the public page about peer supporters.
type PeerAboutView struct {
	Base
}
