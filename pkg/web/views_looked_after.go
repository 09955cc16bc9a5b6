package web

import (
	"strconv"
	"time"

	"hearth/pkg/moderation"
)

// CareDayView is the queue's "Your day" panel: the hard items the
// moderator opened today and this week, their soft daily limit, and the
// items they are looking at.
type CareDayView struct {
	Today, Week moderation.Tally
	// Limit is the soft daily limit, 0 for none; AtLimit suggests a break.
	Limit   int
	AtLimit bool
	Held    []HeldLine
	// UnfoldWarned shows trigger-warned posts unfolded in the queue.
	UnfoldWarned bool
}

// HeldLine is an item the moderator is looking at.
type HeldLine struct {
	ItemID      int64
	ThreadTitle string
}

// URL opens the item.
func (h HeldLine) URL() string { return modItemPath(h.ItemID) }

// ClaimLine says who is looking at a queue item.
type ClaimLine struct {
	Holder string
	Mine   bool
	At     time.Time
	Since  string
}

// HandoverLine is a hand-over note another moderator left when they
// stepped away.
type HandoverLine struct {
	ID        int64
	Author    string
	Body      string
	Released  int
	CreatedAt time.Time
	Since     string
}

// ModItemView is one queue item, opened: the post unfolded, who is
// looking at it, and every form of the queue.
type ModItemView struct {
	Base
	Entry ModEntry
	Day   CareDayView
}

// StepAwayView is the "Step away" page: the items the moderator holds and
// the hand-over note, with the message of a refused note.
type StepAwayView struct {
	Base
	Held      []HeldLine
	OnDuty    bool
	Note      string
	NoteError string
	Errors    ErrorList
}

// ModSettingsView is a moderator's own care settings: their soft daily
// limit and whether trigger-warned posts stay folded in the queue.
type ModSettingsView struct {
	Base
	DailyLimit string
	Folded     bool
	Errors     FormErrors
}

// modItemPath is the page of queue item id.
func modItemPath(id int64) string { return "/mod/items/" + strconv.FormatInt(id, 10) }

// careDayView turns a moderator's day into the panel.
func careDayView(d moderation.CareDay) CareDayView {
	v := CareDayView{Today: d.Today, Week: d.Week, Limit: d.Limit, AtLimit: d.AtLimit, UnfoldWarned: d.Prefs.UnfoldWarned}
	for _, h := range d.Held {
		v.Held = append(v.Held, HeldLine{ItemID: h.ItemID, ThreadTitle: h.ThreadTitle})
	}
	return v
}
