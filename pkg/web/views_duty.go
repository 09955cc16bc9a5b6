package web

import (
	"time"
)

// ModCareView is what the moderator queue shows a moderator about cover
// and about themselves.
type ModCareView struct {
	// Cover is the hours and who is around now, in words.
	Cover string
	// OnDutyUntil is when the moderator's time on duty ends, formatted
	// in the hours' time zone; empty when they are not on duty.
	OnDutyUntil string
	DutySpans   []int
	// Overnight lists what came in while nobody was around; nil when
	// there is nothing to show.
	Overnight *OvernightView
	// Day is the moderator's own day; Handovers the notes moderators who
	// stepped away left.
	Day       CareDayView
	Handovers []HandoverLine
}

// OvernightView is the queue's list of what came in while nobody was
// around.
type OvernightView struct {
	// Span is the stretch in words: "22:00 yesterday until 08:00".
	Span    string
	Current bool
	Items   []OvernightLine
	More    bool
}

// OvernightLine is one item of the overnight list.
type OvernightLine struct {
	ItemID, PostID int64
	Kind           string
	// Crisis marks a wellbeing concern or crisis post, listed first.
	Crisis      bool
	ThreadTitle string
	GroupName   string
	CreatedAt   time.Time
}
