package moderation

import "strings"

// CheckInTemplate is a first message a moderator may start a check-in
// from and edit before sending: kind, short, and with the helplines of the
// member's country.
type CheckInTemplate struct {
	Key   string
	Label string
	text  string
}

// CheckInTemplates are the first messages offered, in order.
var CheckInTemplates = []CheckInTemplate{
	{"concern", "Someone was worried about them", `Hi {name},

I'm one of the moderators of {group}. Someone in the community was worried about you, so I wanted to check in and see how you're doing. You haven't done anything wrong, and there's no pressure to reply.

If things feel like too much right now, these people are there to listen:

{helplines}

You can write back here whenever you like. Only you and the {group} moderators can read this.`},
	{"post", "After a post that worried us", `Hi {name},

I'm one of the moderators of {group}. I read what you wrote and wanted to check in and see how you're doing. You haven't done anything wrong, and there's no pressure to reply.

If you'd like to talk to someone right now, these people are there to listen:

{helplines}

You can write back here whenever you like. Only you and the {group} moderators can read this.`},
	{"general", "Just checking in", `Hi {name},

I'm one of the moderators of {group}, and I wanted to check in and see how you're doing. There's no pressure to reply.

If you ever need someone to talk to straight away, these people are there to listen:

{helplines}

You can write back here whenever you like. Only you and the {group} moderators can read this.`},
}

// DefaultTemplate is the template offered first for a check-in opened
// from an item, a post or a member's page.
func DefaultTemplate(from CheckInFrom) string {
	switch {
	case from.ItemID != 0:
		return "concern"
	case from.PostID != 0:
		return "post"
	}
	return "general"
}

// FillTemplate writes the template key (the default one when unknown) for
// the member name in group, with one helpline per line of helplines. tr
// translates the template's words into the moderator's language before
// the name, group and helplines are put in.
func FillTemplate(tr func(string) string, key, name, group string, helplines []string) string {
	t := CheckInTemplates[0]
	for _, c := range CheckInTemplates {
		if c.Key == key {
			t = c
		}
	}
	lines := strings.Join(helplines, "\n")
	if lines == "" {
		lines = "- " + tr("Your local emergency number, if you are in danger now") + "\n- " + tr("The helplines at /crisis")
	}
	return strings.NewReplacer("{name}", name, "{group}", group, "{helplines}", lines).Replace(tr(t.text))
}
