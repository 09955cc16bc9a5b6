package auth

// FieldError is a validation failure that belongs next to one form field.
// Message is written for the member, not for a log: it says what to change.
type FieldError struct {
	// Field is the form field name, such as "username" or "password".
	Field string
	// Message is a plain, kind sentence the page can show as it is.
	Message string
}

// Error returns the field name and the message.
func (e *FieldError) Error() string {
	return e.Field + ": " + e.Message
}

func usernameError(msg string) *FieldError {
	return &FieldError{Field: "username", Message: msg}
}

func passwordError(msg string) *FieldError {
	return &FieldError{Field: "password", Message: msg}
}
