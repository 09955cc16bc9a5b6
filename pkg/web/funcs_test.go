package web

import (
	"testing"
	"time"
)

// TestAgoFrom pins the relative times the thread and list pages show,
// singular and plural, at each unit's edges.
func TestAgoFrom(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	for d, want := range map[time.Duration]string{
		0:                        "just now",
		59 * time.Second:         "just now",
		time.Minute:              "1 minute ago",
		59 * time.Minute:         "59 minutes ago",
		time.Hour:                "1 hour ago",
		23 * time.Hour:           "23 hours ago",
		24 * time.Hour:           "1 day ago",
		29 * 24 * time.Hour:      "29 days ago",
		30 * 24 * time.Hour:      "1 month ago",
		364 * 24 * time.Hour:     "12 months ago",
		365 * 24 * time.Hour:     "1 year ago",
		3 * 365 * 24 * time.Hour: "3 years ago",
	} {
		if got := agoFrom(now.Add(-d), now); got != want {
			t.Errorf("agoFrom(now - %v) = %q, want %q", d, got, want)
		}
	}
}
