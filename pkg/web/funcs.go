package web

import (
	"html/template"
	"strconv"
	"strings"
	"time"
)

// funcs are the template helpers: formatting only, never data access or
// permission decisions.
func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":    s.assets.url,
		"ago":      ago,
		"exact":    exactTime,
		"iso":      func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"plural":   plural,
		"add":      func(a, b int) int { return a + b },
		"contains": strings.Contains,
		"field":    field,
	}
}

// ago renders a relative time such as "3 hours ago" against the wall clock.
func ago(t time.Time) string { return agoFrom(t, time.Now()) }

func agoFrom(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute", "minutes") + " ago"
	case d < 24*time.Hour:
		return plural(int(d/time.Hour), "hour", "hours") + " ago"
	case d < 30*24*time.Hour:
		return plural(int(d/(24*time.Hour)), "day", "days") + " ago"
	case d < 365*24*time.Hour:
		return plural(int(d/(30*24*time.Hour)), "month", "months") + " ago"
	}
	return plural(int(d/(365*24*time.Hour)), "year", "years") + " ago"
}

// exactTime is the full timestamp, in UTC, for the title of a <time>.
func exactTime(t time.Time) string { return t.UTC().Format("2 January 2006 at 15:04 UTC") }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
