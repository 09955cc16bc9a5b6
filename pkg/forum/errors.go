package forum

import (
	"errors"
	"fmt"
)

// Sentinel errors returned by services and stores. Handlers translate them
// into pages; their text is never shown to users.
var (
	// ErrNotFound means the thing asked for does not exist or is not visible.
	ErrNotFound = errors.New("not found")
	// ErrConflict means a unique value is taken or a version moved on.
	ErrConflict = errors.New("conflict")
	// ErrForbidden means the actor may not do this.
	ErrForbidden = errors.New("forbidden")
	// ErrLocked means the thread or group does not accept replies.
	ErrLocked = errors.New("locked")
)

// ValidationError carries one message per form field, written for the member.
type ValidationError struct {
	Fields map[string]string
}

// Error lists the fields, for logs.
func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid input: %v", e.Fields)
}

// Add records msg for field unless the field already has a message.
func (e *ValidationError) Add(field, msg string) {
	if e.Fields == nil {
		e.Fields = map[string]string{}
	}
	if _, ok := e.Fields[field]; !ok {
		e.Fields[field] = msg
	}
}

// OrNil returns e when it holds messages and nil otherwise.
func (e *ValidationError) OrNil() error {
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	return e
}

// AsValidation unwraps a *ValidationError from err.
func AsValidation(err error) (*ValidationError, bool) {
	var v *ValidationError
	ok := errors.As(err, &v)
	return v, ok
}
