package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

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

// confirmed reports whether a form carries confirm=yes: sent by the
// Confirm button of the step that stands, without needing a script,
// between the first submit of an action that cannot be undone (or that a
// slip makes easy) and the action itself.
func confirmed(c echo.Context) bool {
	return ticked(c.FormValue("confirm"))
}

// HiddenField is one field of a form carried unchanged through a
// confirmation step.
type HiddenField struct{ Name, Value string }

// ConfirmView is the confirmation step: what will happen, whether it can be
// undone, a button that sends the same form again with confirm=yes, and a
// way back that changes nothing.
type ConfirmView struct {
	Base
	// Question is the heading; Consequence says what will happen.
	Question, Consequence string
	// Final says that the action cannot be undone.
	Final bool
	// Reason is the moderator's reason as it will be recorded ("" for none).
	Reason string
	// Action is the form's path and Fields the form as first sent.
	Action string
	Fields []HiddenField
	// Password asks for the member's password on this step; Errors holds
	// its message when it was wrong.
	Password bool
	Errors   FormErrors
	// Button labels the confirm button; Cancel and CancelLabel the way back.
	Button, Cancel, CancelLabel string
}

// carried is the form as sent, without confirm and without any password,
// sorted by name so the page is the same for the same form.
func carried(c echo.Context) []HiddenField {
	form, err := c.FormParams()
	if err != nil {
		return nil
	}
	var out []HiddenField
	for name, vs := range form {
		if name == "confirm" || name == "current_password" {
			continue
		}
		for _, v := range vs {
			out = append(out, HiddenField{Name: name, Value: v})
		}
	}
	slices.SortStableFunc(out, func(a, b HiddenField) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// modConfirm is what the confirmation step of a moderator action says.
type modConfirm struct {
	question, consequence, button string
	final                         bool
}

// modConfirms are the moderator actions that cannot be undone, or whose
// slip costs a member dearly: their first submit shows the confirmation
// step, and nothing is done until it is confirmed.
var modConfirms = map[string]modConfirm{
	"redact": {question: msg("Redact this post?"), final: true, button: msg("Yes, redact the post"),
		consequence: msg("Its words are replaced for good with “Redacted by moderators” and your reason, and removed from Hearth's pages, search and database. Backups made before now keep them until they expire.")},
	"thread-redact": {question: msg("Redact this thread?"), final: true, button: msg("Yes, redact the thread"),
		consequence: msg("Its title and opening post are replaced for good with “Redacted by moderators” and your reason, and the thread is locked. Replies stay.")},
	"ban": {question: msg("Ban this member?"), button: msg("Yes, ban the member"),
		consequence: msg("Their sessions end and they can no longer post or reply anywhere on Hearth until a moderator lifts the ban. They are told why.")},
}

// askFirst stands before a moderator action that needs confirming: when
// form needs it and the request is not confirmed, may's refusal (the
// moderator may not act there, or the target does not exist) or a refused
// reason comes back as the error (asked false), and otherwise the
// confirmation step is shown (asked true, with the rendering's error).
// back is where Cancel goes when the form names no page to return to.
func (s *Server) askFirst(c echo.Context, form, back string, may func() error) (asked bool, err error) {
	mc, ok := modConfirms[form]
	if !ok || confirmed(c) {
		return false, nil
	}
	if err := may(); err != nil {
		return false, err
	}
	r := modRequest(c)
	if err := moderation.CheckReason(r.Reason, true); err != nil {
		return false, err
	}
	return true, renderPage(c, http.StatusOK, pageConfirm, ConfirmView{Base: s.base(c, s.tr(c, mc.question)),
		Question: s.tr(c, mc.question), Consequence: s.tr(c, mc.consequence), Final: mc.final, Reason: r.Reason,
		Action: c.Request().URL.Path, Fields: carried(c), Button: s.tr(c, mc.button),
		Cancel: modNext(c.FormValue("next"), back), CancelLabel: s.tr(c, "Cancel, change nothing")})
}
