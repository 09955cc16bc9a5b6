package moderation

import (
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

// toldReviewed is the notice of reports dismissed: the post was looked at
// and needs nothing. shown is true when the dismissal made a hidden post
// visible again, waiting when the post still waits for pre-moderation.
func toldReviewed(p PostRef, shown, waiting bool) string {
	switch {
	case shown:
		return "A moderator reviewed " + where(p) + " after members reported it. It is visible again."
	case waiting:
		return "A moderator reviewed the reports about " + where(p) + " and found nothing wrong. It still waits for a moderator to approve it."
	}
	return "A moderator reviewed " + where(p) + " after it was reported and left it as it is."
}

// toldApproved is the notice of a post published after pre-moderation.
func toldApproved(p PostRef) string {
	return "A moderator approved " + where(p) + ". Everyone in the group can see it now."
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
	return "A moderator restored " + where(p) + ". It is visible again."
}

// toldRemoved is the notice of a post removed; premod is true when it was
// waiting for pre-moderation and so was never published.
func toldRemoved(p PostRef, premod bool) string {
	switch {
	case premod:
		return "A moderator reviewed " + where(p) + " and decided not to publish it."
	case heldByReports(p):
		return "A moderator reviewed " + where(p) + " after members reported it, and removed it. Other members no longer see it."
	}
	return "A moderator removed " + where(p) + ". Other members no longer see it."
}

// toldLocked is the notice of a thread closed to new replies.
func toldLocked(p PostRef) string {
	return "A moderator closed your thread in " + p.GroupName + " to new replies. It stays readable."
}

// toldMoved is the notice of a thread moved to another group.
func toldMoved(p PostRef, to string) string {
	return "A moderator moved your thread from " + p.GroupName + " to " + to + "."
}

// toldTagged is the notice of trigger warnings changed on a post or a
// thread, naming the warnings added and removed.
func toldTagged(p PostRef, thread bool, before, after forum.Tags, names map[string]string) string {
	what := where(p)
	if thread {
		what = "your thread in " + p.GroupName
	}
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
	msg := "A moderator changed the trigger warnings on " + what
	if len(added) > 0 {
		msg += ", adding " + strings.Join(added, ", ")
	}
	if len(removed) > 0 {
		if len(added) > 0 {
			msg += " and"
		} else {
			msg += ","
		}
		msg += " removing " + strings.Join(removed, ", ")
	}
	return msg + "."
}

func nameOf(slug string, names map[string]string) string {
	if n := names[slug]; n != "" {
		return n
	}
	return slug
}
