package web

import (
	"strings"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// ticked reads a checkbox: a ticked box sends its value ("yes"); nothing,
// or a script's plain no, is not ticked.
func ticked(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "no", "false", "0", "off":
		return false
	}
	return true
}

// confirmed reports whether a form's "confirm" box was ticked: the step,
// needing no script, that stands before an action that cannot be undone
// or that a slip makes easy.
func confirmed(c echo.Context) bool {
	return ticked(c.FormValue("confirm"))
}

// confirmSentences are the moderator actions that cannot be undone, or
// whose slip costs a member dearly: their forms carry a "confirm" box with
// this sentence, and nothing is done until it is ticked.
var confirmSentences = map[string]string{
	"redact":        msg("Yes, replace this post's words for good"),
	"thread-redact": msg("Yes, replace the thread's title and opening post for good"),
	"ban":           msg("Yes, ban this member from Hearth"),
}

// confirmMessages say what the unticked box means.
var confirmMessages = map[string]string{
	"redact":        msg("Tick the box to confirm: redacting can't be undone."),
	"thread-redact": msg("Tick the box to confirm: redacting the thread can't be undone."),
	"ban":           msg("Tick the box to confirm the ban."),
}

// unconfirmed is the refusal of a moderator action form whose confirm box
// was not ticked (with the reason's message too, if it has one), or nil
// when the action needs no confirmation or was confirmed.
func unconfirmed(c echo.Context, form string) error {
	msg, ok := confirmMessages[form]
	if !ok || confirmed(c) {
		return nil
	}
	v, _ := forum.AsValidation(moderation.CheckReason(modRequest(c).Reason, true))
	if v == nil {
		v = &forum.ValidationError{}
	}
	v.Add("confirm", msg)
	return v
}
