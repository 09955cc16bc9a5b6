package events

import "time"

// Kind is what happened.
type Kind string

// The kinds of event. The first five bring an item into the moderator
// queue.
const (
	// CrisisPost: a post whose words suggest its author is in crisis now
	// entered the queue as a wellbeing concern.
	CrisisPost Kind = "crisis_post"
	// Concern: a member reported being worried about someone (a report of
	// kind wellbeing).
	Concern Kind = "wellbeing_concern"
	// ReportThreshold: enough members reported a post to hide it until a
	// moderator has looked.
	ReportThreshold Kind = "report_threshold"
	// Held: pre-moderation held a post for review (a new member's first
	// posts, or every post in a group that reviews them all).
	Held Kind = "post_held"
	// Report: a report opened or added weight to a queue item.
	Report Kind = "report"
	// Escalation: a moderator escalated a queue item, a check-in or a
	// member to the safeguarding leads.
	Escalation Kind = "escalation"
	// Test: an admin asked for a test delivery of a webhook.
	Test Kind = "test"
	// Posted: a post was written, whatever its status. Live thread pages
	// hear it and count, for each reader, what that reader may see.
	Posted Kind = "post"
	// Changed: a moderator changed what a post shows or where it stands
	// in the queue (approved, restored, removed, unfolded, an item
	// handled).
	Changed Kind = "post_changed"
)

// Event is one thing that happened, named by ids. AuthorID and Tags let a
// live stream leave out a post its reader has chosen not to see (a blocked
// member's, one under a hidden trigger warning); they stay on the server.
type Event struct {
	Kind     Kind      `json:"k"`
	GroupID  int64     `json:"g,omitempty"`
	ThreadID int64     `json:"t,omitempty"`
	PostID   int64     `json:"p,omitempty"`
	AuthorID int64     `json:"a,omitempty"`
	Tags     string    `json:"w,omitempty"`
	At       time.Time `json:"at"`
}

// Thread reports whether the event may change what a thread's page shows
// (a live thread page counts again when it hears one).
func (k Kind) Thread() bool { return k == Posted || k == Changed }

// Queue reports whether the event brought an item into the moderator
// queue (or changed one there).
func (k Kind) Queue() bool {
	switch k {
	case CrisisPost, Concern, ReportThreshold, Held, Report:
		return true
	}
	return false
}

// Hook is a kind of event admins can send to a webhook endpoint, with the
// words the admin page and the deliveries use for it.
type Hook struct {
	Kind Kind
	// Label names the event on the admin page.
	Label string
	// Text is the sentence a delivery carries for a chat tool, before the
	// group's name.
	Text string
}

// hooks are the events a webhook can carry, in the order the admin page
// lists them. A feature that adds a kind for on-call moderators adds it
// here, and records it in its transaction (see hearth/pkg/webhook).
var hooks = []Hook{
	{CrisisPost, "A post that suggests its author is in crisis", "A post that suggests its author may be in crisis is waiting for a moderator"},
	{Concern, "A member is worried about someone (wellbeing concern)", "A member is worried about someone: a wellbeing concern is waiting for a moderator"},
	{ReportThreshold, "Enough reports to hide a post", "Several members reported a post, so it is hidden until a moderator looks"},
	{Held, "A post held for review (pre-moderation)", "A post is held for review and waiting for a moderator"},
	{Escalation, "Something escalated to the safeguarding leads", "A moderator escalated something to the safeguarding leads"},
}

// Hooks lists the kinds of event a webhook can carry.
func Hooks() []Hook { return append([]Hook(nil), hooks...) }

// HookOf returns the webhook description of k; false when webhooks do not
// carry k. Test is described too, for test deliveries.
func HookOf(k Kind) (Hook, bool) {
	for _, h := range hooks {
		if h.Kind == k {
			return h, true
		}
	}
	if k == Test {
		return Hook{Test, "Test delivery", "This is a test delivery from Hearth's webhook settings"}, true
	}
	return Hook{}, false
}
