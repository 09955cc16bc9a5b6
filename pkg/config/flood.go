package config

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// FloodLimit allows at most Count actions in each Window (a fixed window
// counted in the database, so every instance shares it).
type FloodLimit struct {
	Count  int
	Window time.Duration
}

// FloodLimits are the flood limits by name: an action (thread, reply,
// edit, react, report, signup) and what is counted, the member's account
// or their client key (the keyed daily hash of their address, never the
// address), such as "reply.account". A name that is missing is not
// limited.
type FloodLimits map[string]FloodLimit

// DefaultFloodLimits are far above what any member does by hand (a member
// who replies to six people within one minute is rare; a household or a
// library sharing one address gets several times a member's allowance),
// and far below what a script does. Staff are never limited.
var DefaultFloodLimits = FloodLimits{
	"thread.account": {5, 10 * time.Minute},
	"thread.client":  {15, 10 * time.Minute},
	"reply.account":  {6, time.Minute},
	"reply.client":   {20, time.Minute},
	"edit.account":   {12, time.Minute},
	"edit.client":    {40, time.Minute},
	"react.account":  {30, time.Minute},
	"react.client":   {100, time.Minute},
	"report.account": {10, 10 * time.Minute},
	"report.client":  {30, 10 * time.Minute},
	"signup.client":  {5, time.Hour},
}

// FloodLimitNames lists the names HEARTH_FLOOD_LIMITS accepts, sorted.
func FloodLimitNames() []string {
	names := make([]string, 0, len(DefaultFloodLimits))
	for n := range DefaultFloodLimits {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// parseFloodLimits reads HEARTH_FLOOD_LIMITS: "off" turns every limit off;
// otherwise a comma-separated list of NAME=COUNT/WINDOW (reply.account=10/1m)
// or NAME=0 (that limit off), each replacing its default.
func parseFloodLimits(raw string, bad func(string, string, ...any)) FloodLimits {
	const name = "HEARTH_FLOOD_LIMITS"
	out := FloodLimits{}
	if strings.EqualFold(raw, "off") {
		return out
	}
	for k, v := range DefaultFloodLimits {
		out[k] = v
	}
	for _, part := range strings.Split(raw, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		key, val, ok := strings.Cut(part, "=")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if _, known := DefaultFloodLimits[key]; !ok || !known {
			bad(name, "%q must be NAME=COUNT/WINDOW with NAME one of %s (or the single word off)", part, strings.Join(FloodLimitNames(), ", "))
			continue
		}
		if val == "0" {
			delete(out, key)
			continue
		}
		count, window, ok := strings.Cut(val, "/")
		n, err := strconv.Atoi(strings.TrimSpace(count))
		d, derr := time.ParseDuration(strings.TrimSpace(window))
		if !ok || err != nil || derr != nil || n < 1 || n > 1000000 || d < time.Second || d > 24*time.Hour || d%time.Second != 0 {
			bad(name, "%q: the limit must be COUNT/WINDOW, a count from 1 to 1000000 and a window in whole seconds from 1s to 24h (6/1m, 5/1h), or 0 to turn it off", part)
			continue
		}
		out[key] = FloodLimit{Count: n, Window: d}
	}
	return out
}
