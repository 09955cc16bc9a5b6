package webhook

import (
	"encoding/json"
	"strconv"
	"time"

	"hearth/pkg/events"
)

// Payload is the body of a delivery. It names what happened, where and
// when, and links to it for moderators; never a post's words or anyone's
// name.
type Payload struct {
	// ID is the delivery's id, the same on every attempt.
	ID string `json:"id"`
	// Event is the kind of event, such as "crisis_post".
	Event events.Kind `json:"event"`
	// Group is the group concerned; absent for a test delivery.
	Group *PayloadGroup `json:"group,omitempty"`
	// Link opens the item for a moderator (it asks them to sign in).
	Link string `json:"link"`
	// Time is when the event happened, in UTC.
	Time time.Time `json:"time"`
	// Text says the same in a sentence, for chat tools that post the
	// "text" field of what they receive.
	Text string `json:"text"`
}

// PayloadGroup names a group.
type PayloadGroup struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// payload builds the body of d, with links under base (the site's public
// URL; "" gives links from the site's root). tr writes the text's
// sentences (catalogue keys in English, with their values) in the site's
// language.
func payload(d Due, base string, tr func(key string, args ...any) string) ([]byte, error) {
	p := Payload{ID: strconv.FormatInt(d.ID, 10), Event: d.Event, Link: base + "/mod", Time: d.OccurredAt.UTC()}
	switch {
	case d.Event == events.Escalation:
		// Leads who are not moderators cannot open /mod/posts; their
		// queue shows the escalation with the post.
		p.Link = base + "/mod/escalations"
	case d.PostID != nil:
		p.Link = base + "/mod/posts/" + strconv.FormatInt(*d.PostID, 10)
	}
	text := string(d.Event)
	if h, ok := events.HookOf(d.Event); ok {
		text = tr(h.Text)
	}
	p.Text = tr("Hearth: %s. %s", text, p.Link)
	if d.GroupSlug != "" {
		p.Group = &PayloadGroup{Slug: d.GroupSlug, Name: d.GroupName}
		// The group is named apart from the event's sentence, so that
		// the sentence translates whole.
		p.Text = tr("Hearth (%s): %s. %s", d.GroupName, text, p.Link)
	}
	return json.Marshal(p)
}
