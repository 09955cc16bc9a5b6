package forum

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Encode renders the cursor for a URL query parameter.
func (c ThreadCursor) Encode() string {
	p := "0"
	if c.Pinned {
		p = "1"
	}
	raw := p + "." + strconv.FormatInt(c.LastPostAt.UnixMicro(), 10) + "." + strconv.FormatInt(c.ID, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// DecodeThreadCursor parses a cursor from a URL; an empty string means the
// first page.
func DecodeThreadCursor(s string) (*ThreadCursor, error) {
	if s == "" {
		return nil, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("thread cursor: %w", ErrNotFound)
	}
	parts := strings.Split(string(raw), ".")
	if len(parts) != 3 || (parts[0] != "0" && parts[0] != "1") {
		return nil, fmt.Errorf("thread cursor shape: %w", ErrNotFound)
	}
	us, err1 := strconv.ParseInt(parts[1], 10, 64)
	id, err2 := strconv.ParseInt(parts[2], 10, 64)
	if err1 != nil || err2 != nil || id <= 0 {
		return nil, fmt.Errorf("thread cursor numbers: %w", ErrNotFound)
	}
	return &ThreadCursor{Pinned: parts[0] == "1", LastPostAt: time.UnixMicro(us).UTC(), ID: id}, nil
}
