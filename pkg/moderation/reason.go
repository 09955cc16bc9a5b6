package moderation

import (
	"strings"
	"unicode/utf8"

	"hearth/pkg/forum"
)

// ReportReason is a reason a member can give for reporting a post.
type ReportReason struct {
	Key   string
	Label string
	Hint  string
	// Weight is added to the post's queue priority by each report.
	Weight int
}

// Report reason keys.
const (
	ReasonHarassment = "harassment"
	ReasonHarmful    = "harmful"
	ReasonPersonal   = "personal"
	ReasonSpam       = "spam"
	ReasonTrigger    = "trigger"
	ReasonWellbeing  = "wellbeing"
	ReasonOther      = "other"
)

// ReportReasons are the reasons offered on the report form, in order.
var ReportReasons = []ReportReason{
	{ReasonWellbeing, "I'm worried about this person", "They may be at risk or struggling more than usual. A moderator will check in on them first.", WellbeingPriority},
	{ReasonHarassment, "Harassment or bullying", "Attacking, mocking, threatening or singling someone out.", 30},
	{ReasonHarmful, "Harmful or unsafe advice", "Advice that could hurt someone, such as about medication, methods or stopping treatment.", 30},
	{ReasonPersonal, "Shares personal information", "Real names, addresses, workplaces, photos or anything that could identify someone.", 40},
	{ReasonSpam, "Spam", "Advertising, scams or repeated posts.", 10},
	{ReasonTrigger, "Missing trigger warning", "Difficult content without the trigger warning it needs.", 15},
	{ReasonOther, "Something else", "Please tell us a little more in the note.", 15},
}

// ReportReasonByKey returns the reason with key.
func ReportReasonByKey(key string) (ReportReason, bool) {
	for _, r := range ReportReasons {
		if r.Key == key {
			return r, true
		}
	}
	return ReportReason{}, false
}

// The list of common reasons moderators pick from lives in the template
// "mod-reason" (templates/partials/mod-actions.html); ComposeReason joins
// the pick and the free text.

// MaxReasonLen bounds a reason, in characters.
const MaxReasonLen = 500

// ComposeReason joins a reason picked from the list (or typed in full by a
// script) and the moderator's free text into the one reason recorded.
// "other" or an empty choice means the free text alone.
func ComposeReason(choice, detail string) string {
	choice = strings.Join(strings.Fields(choice), " ")
	detail = strings.TrimSpace(detail)
	if choice == "" || strings.EqualFold(choice, "other") {
		return detail
	}
	if detail == "" {
		return choice
	}
	return choice + ": " + detail
}

// checkReason validates a reason: required when must is true, never too long.
func checkReason(reason string, must bool) error {
	v := &forum.ValidationError{}
	forum.CheckEncoding(v, "reason", reason)
	switch {
	case must && strings.TrimSpace(reason) == "":
		v.Add("reason", "Please give a reason. The member is told it, and it is kept in the moderation log.")
	case utf8.RuneCountInString(reason) > MaxReasonLen:
		v.Add("reason", "Please keep the reason under 500 characters.")
	}
	return v.OrNil()
}

// CheckReason validates a reason as the actions do (required when must is
// true, never too long), for a form the web layer refuses before acting,
// so the moderator reads every message at once.
func CheckReason(reason string, must bool) error { return checkReason(reason, must) }
