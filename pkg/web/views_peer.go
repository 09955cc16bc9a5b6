package web

import (
	"time"

	"hearth/pkg/forum"
)

// WaitingSection is the short "Waiting for a first reply" list on the home
// and group pages.
type WaitingSection struct {
	Threads []WaitingRow
	// MoreURL links the full list when more threads wait than are shown.
	MoreURL string
	// InGroup is true on a group page (rows then name no group).
	InGroup bool
	// First is true for peer supporters, who see the list before the rest
	// of the page.
	First bool
}

// WaitingRow is a thread waiting for a first reply. It names no author.
type WaitingRow struct {
	ID                   int64
	Title                string
	Tags                 []TagLabel
	GroupSlug, GroupName string
	CreatedAt            time.Time
	// Waited says how long it has waited, in words.
	Waited string
}

// WaitingView is the full waiting list, across groups or in one.
type WaitingView struct {
	Base
	// Group is the group the list is narrowed to, nil for every group.
	Group     *forum.Group
	Threads   []WaitingRow
	Path      string
	FirstPage bool
	NextURL   string
}

// WaitingNoteView is the gentle note on a thread its author has waited on.
type WaitingNoteView struct {
	Waited string
	// Panel carries the helplines for the member's country.
	Panel *CrisisPanelView
}

// HelpingView is the setting "I'd like to help answer new posts".
type HelpingView struct {
	Base
	Helping bool
}
