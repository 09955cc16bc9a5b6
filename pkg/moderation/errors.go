package moderation

import (
	"errors"
	"fmt"
	"time"

	"hearth/pkg/forum"
)

// ErrRateLimited means a member sent too many reports in a short time.
var ErrRateLimited = errors.New("moderation: too many reports")

// ErrDuplicateReport means the member already has an open report on the post.
var ErrDuplicateReport = errors.New("moderation: already reported")

// ErrTagsChanged means a moderator saved trigger warnings over tags that
// had changed (another moderator saved theirs) since the moderator's form
// showed them, or since they were read. Nothing was changed. It is a
// forum.ErrConflict.
var ErrTagsChanged = fmt.Errorf("moderation: trigger warnings changed while being edited: %w", forum.ErrConflict)

// AlreadyHandledError is returned to the second of two moderators acting on
// the same thing: nothing was changed by the second action.
type AlreadyHandledError struct {
	// At is when the first action happened; zero when unknown.
	At time.Time
	// Action is what the first moderator did (an Action* constant), or ""
	// when the thing was already in the wanted state without a record.
	Action string
}

// Error describes the refusal, for logs.
func (e *AlreadyHandledError) Error() string {
	return fmt.Sprintf("moderation: already handled (%s at %s)", e.Action, e.At.Format(time.RFC3339))
}

// AsAlreadyHandled unwraps an *AlreadyHandledError from err.
func AsAlreadyHandled(err error) (*AlreadyHandledError, bool) {
	var h *AlreadyHandledError
	ok := errors.As(err, &h)
	return h, ok
}
