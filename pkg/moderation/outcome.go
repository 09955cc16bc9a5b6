package moderation

import (
	"fmt"
	"strings"

	"hearth/pkg/forum"
)

// What a post's author is told of each moderator outcome. Every reason
// field on a moderator's form says "the member is told this reason", and a
// post hidden by reports promised its author "You'll hear from us when it
// has been reviewed": each outcome below keeps that promise with a notice
// carrying the moderator's reason (shown under the header until dismissed,
// and on /notifications for good). Wellbeing concerns are the exception:
// marking one looked after sends nothing, and its form says so.

// heldByReports reports whether a held post is hidden because members
// reported it (rather than waiting for pre-moderation).
func heldByReports(p PostRef) bool {
	return p.Status == forum.StatusHeld && p.StatusReason == autoHideReason
}

// Each notice is one whole sentence per case, with the group's name (and
// any other value) formatted in with %s, so that the web layer can find
// it in the catalogue and a translation can put the words in its own
// order. yours picks the thread's or the reply's sentence.

// yours formats the sentence about the author's thread when p opens its
// thread, else the one about their reply, with p's group.
func yours(p PostRef, thread, reply string) string {
	if p.IsOpening() {
		return fmt.Sprintf(thread, p.GroupName)
	}
	return fmt.Sprintf(reply, p.GroupName)
}

// toldReviewed is the notice of reports dismissed: the post was looked at
// and needs nothing. shown is true when the dismissal made a hidden post
// visible again, waiting when the post still waits for pre-moderation.
func toldReviewed(p PostRef, shown, waiting bool) string {
	switch {
	case shown:
		return yours(p, "A moderator reviewed your thread in %s after members reported it. It is visible again.",
			"A moderator reviewed your reply in %s after members reported it. It is visible again.")
	case waiting:
		return yours(p, "A moderator reviewed the reports about your thread in %s and found nothing wrong. It still waits for a moderator to approve it.",
			"A moderator reviewed the reports about your reply in %s and found nothing wrong. It still waits for a moderator to approve it.")
	}
	return yours(p, "A moderator reviewed your thread in %s after it was reported and left it as it is.",
		"A moderator reviewed your reply in %s after it was reported and left it as it is.")
}

// toldApproved is the notice of a post published after pre-moderation.
func toldApproved(p PostRef) string {
	return yours(p, "A moderator approved your thread in %s. Everyone in the group can see it now.",
		"A moderator approved your reply in %s. Everyone in the group can see it now.")
}

// toldRestored is the notice of a removed or hidden post shown again;
// premod is true when the post was waiting for pre-moderation.
func toldRestored(p PostRef, premod bool) string {
	switch {
	case premod:
		return toldApproved(p)
	case heldByReports(p):
		return toldReviewed(p, true, false)
	}
	return yours(p, "A moderator restored your thread in %s. It is visible again.",
		"A moderator restored your reply in %s. It is visible again.")
}

// toldRemoved is the notice of a post removed; premod is true when it was
// waiting for pre-moderation and so was never published.
func toldRemoved(p PostRef, premod bool) string {
	switch {
	case premod:
		return yours(p, "A moderator reviewed your thread in %s and decided not to publish it.",
			"A moderator reviewed your reply in %s and decided not to publish it.")
	case heldByReports(p):
		return yours(p, "A moderator reviewed your thread in %s after members reported it, and removed it. Other members no longer see it.",
			"A moderator reviewed your reply in %s after members reported it, and removed it. Other members no longer see it.")
	}
	return yours(p, "A moderator removed your thread in %s. Other members no longer see it.",
		"A moderator removed your reply in %s. Other members no longer see it.")
}

// toldRedacted is the notice of a post's words replaced for good. Like
// every notice of words gone, it says what Hearth cannot reach: the
// operator's backups (README, "What deletion can and cannot reach").
func toldRedacted(p PostRef) string {
	return yours(p, "A moderator redacted your thread in %s: its words have been replaced and removed from Hearth's pages, search and database. Copies in this site's backups made before now remain until those backups expire.",
		"A moderator redacted your reply in %s: its words have been replaced and removed from Hearth's pages, search and database. Copies in this site's backups made before now remain until those backups expire.")
}

// toldThreadRedacted is the notice of a whole thread redacted and locked.
func toldThreadRedacted(p PostRef) string {
	return fmt.Sprintf("A moderator redacted your thread in %s and closed it to new replies: its title and opening post have been replaced and removed from Hearth's pages, search and database. Copies in this site's backups made before now remain until those backups expire.", p.GroupName)
}

// toldHidden is the notice of a post hidden by members' reports until a
// moderator has looked.
func toldHidden(p PostRef) string {
	return yours(p, "Some members reported your thread in %s, so it is hidden while a moderator looks at it. You'll hear from us when it has been reviewed.",
		"Some members reported your reply in %s, so it is hidden while a moderator looks at it. You'll hear from us when it has been reviewed.")
}

// toldLocked is the notice of a thread closed to new replies.
func toldLocked(p PostRef) string {
	return fmt.Sprintf("A moderator closed your thread in %s to new replies. It stays readable.", p.GroupName)
}

// toldMoved is the notice of a thread moved to another group.
func toldMoved(p PostRef, to string) string {
	return fmt.Sprintf("A moderator moved your thread from %s to %s.", p.GroupName, to)
}

// toldTagged is the notice of trigger warnings changed on a post or a
// thread, naming the warnings added and removed.
func toldTagged(p PostRef, thread bool, before, after forum.Tags, names map[string]string) string {
	var added, removed []string
	for _, t := range after.Slugs() {
		if !before.Has(t) {
			added = append(added, nameOf(t, names))
		}
	}
	for _, t := range before.Slugs() {
		if !after.Has(t) {
			removed = append(removed, nameOf(t, names))
		}
	}
	add, rm := strings.Join(added, ", "), strings.Join(removed, ", ")
	mine := "reply"
	if thread || p.IsOpening() {
		mine = "thread"
	}
	switch {
	case mine == "thread" && add != "" && rm != "":
		return fmt.Sprintf("A moderator changed the trigger warnings on your thread in %s, adding %s and removing %s.", p.GroupName, add, rm)
	case mine == "thread" && add != "":
		return fmt.Sprintf("A moderator changed the trigger warnings on your thread in %s, adding %s.", p.GroupName, add)
	case mine == "thread" && rm != "":
		return fmt.Sprintf("A moderator changed the trigger warnings on your thread in %s, removing %s.", p.GroupName, rm)
	case mine == "thread":
		return fmt.Sprintf("A moderator changed the trigger warnings on your thread in %s.", p.GroupName)
	case add != "" && rm != "":
		return fmt.Sprintf("A moderator changed the trigger warnings on your reply in %s, adding %s and removing %s.", p.GroupName, add, rm)
	case add != "":
		return fmt.Sprintf("A moderator changed the trigger warnings on your reply in %s, adding %s.", p.GroupName, add)
	case rm != "":
		return fmt.Sprintf("A moderator changed the trigger warnings on your reply in %s, removing %s.", p.GroupName, rm)
	}
	return fmt.Sprintf("A moderator changed the trigger warnings on your reply in %s.", p.GroupName)
}

func nameOf(slug string, names map[string]string) string {
	if n := names[slug]; n != "" {
		return n
	}
	return slug
}
