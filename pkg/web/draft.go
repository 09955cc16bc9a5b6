package web

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"hearth/pkg/forum"
)

// draftForm is a composer's submission (new thread, reply or edit), read
// in one place: what the member wrote and the form's own fields. A field a
// composer does not have is simply empty.
type draftForm struct {
	// Draft is the title, message and trigger-warning tags as sent.
	Draft forum.Draft
	// ParentID is the post a reply answers: 0 for the thread, -1 when
	// parent_id is not a post id (so it names no post there is).
	ParentID int64
	// Idem is the form's idempotency key, "" when missing or malformed.
	Idem string
	// Version is the version an edit started from, 0 when missing.
	Version int
	// Preview is set when the form was sent with the Preview button.
	Preview bool
}

// readDraft decodes a composer's submission.
func readDraft(c echo.Context) draftForm {
	parentID, ok := formID(c.FormValue("parent_id"))
	if !ok {
		parentID = -1
	}
	version := 0
	if v := c.FormValue("version"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			version = n
		}
	}
	return draftForm{
		Draft: forum.Draft{Title: c.FormValue("title"), Body: c.FormValue("body"), Tags: formList(c, "trigger_warnings"),
			Anonymous: c.FormValue("anonymous") != ""},
		ParentID: parentID,
		Idem:     forum.CleanIdemKey(c.FormValue("idem")),
		Version:  version,
		Preview:  c.FormValue("preview") != "",
	}
}

// formList returns every value of a repeated form field.
func formList(c echo.Context, name string) []string {
	ps, err := c.FormParams()
	if err != nil {
		return nil
	}
	return ps[name]
}
