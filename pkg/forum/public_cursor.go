package forum

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// postCursorPrefix marks a public post cursor, so that a future change of
// its shape can still read (or plainly refuse) the old one.
const postCursorPrefix = "p1."

// encodePostCursor makes the opaque cursor of the page after sort key key.
func encodePostCursor(key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(postCursorPrefix + key))
}

// decodePostCursor returns the sort key a cursor continues after: "" for
// an empty cursor (the first page), ErrBadCursor for anything Hearth did
// not make.
func decodePostCursor(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return "", fmt.Errorf("post cursor encoding: %w", ErrBadCursor)
	}
	key, ok := strings.CutPrefix(string(raw), postCursorPrefix)
	if !ok || !validKey(key) {
		return "", fmt.Errorf("post cursor shape: %w", ErrBadCursor)
	}
	return key, nil
}
