package auth

import (
	"context"
	"fmt"
	"strconv"
	"sync/atomic"
	"time"
)

// Flood limits: how often one account, and one client, may start threads,
// reply, edit, react, report and sign up. Each limit is a fixed-window
// counter in the database (FloodStore), so every instance counts the same
// actions; the client is its keyed daily hash (ClientKeyer), never its
// address. Staff are never limited: a moderator clearing up after a flood
// must not be slowed by it.

// Flood actions, the first part of a limit's name ("reply.account").
const (
	FloodThread = "thread"
	FloodReply  = "reply"
	FloodEdit   = "edit"
	FloodReact  = "react"
	FloodReport = "report"
	FloodSignup = "signup"
)

// FloodLimit allows Count actions in each Window.
type FloodLimit struct {
	Count  int
	Window time.Duration
}

// FloodCounter is one counter of one window: Key names the action and who
// is counted, Start and End bound the window in Unix seconds.
type FloodCounter struct {
	Key        string
	Start, End int64
}

// FloodStore keeps the flood counters where every instance sees them.
type FloodStore interface {
	// HitFlood adds one to each counter (creating it at one) and returns
	// each counter's count afterwards, in the order given.
	HitFlood(ctx context.Context, counters []FloodCounter) ([]int, error)
	// FloodCounts returns each counter's count without adding to it.
	FloodCounts(ctx context.Context, counters []FloodCounter) ([]int, error)
	// PruneFlood forgets counters whose window ended at or before now.
	PruneFlood(ctx context.Context, now int64) error
}

// FloodError refuses an action over a flood limit.
type FloodError struct {
	// Action is what was refused (FloodReply, ...).
	Action string
	// RetryAfter is how long until the window that refused it ends.
	RetryAfter time.Duration
}

// Error names the action and the wait, for logs.
func (e *FloodError) Error() string {
	return fmt.Sprintf("auth: %s over its flood limit; retry after %s", e.Action, e.RetryAfter.Round(time.Second))
}

// Seconds is RetryAfter in whole seconds, rounded up, at least 1.
func (e *FloodError) Seconds() int {
	return max(int((e.RetryAfter+time.Second-1)/time.Second), 1)
}

// Wait says how long to wait in words: "about 40 seconds", "about 12
// minutes".
func (e *FloodError) Wait() string {
	s := e.Seconds()
	if s < 60 {
		return "about " + plural(s, "second")
	}
	if m := (s + 59) / 60; m < 60 {
		return "about " + plural(m, "minute")
	}
	return "about " + plural((s+3599)/3600, "hour")
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// floodPruneEvery is how often an instance deletes ended windows.
const floodPruneEvery = time.Minute

// Flood counts actions against the flood limits. It is safe for
// concurrent use.
type Flood struct {
	store  FloodStore
	limits map[string]FloodLimit
	now    func() time.Time
	// pruned is when this instance last deleted ended windows (Unix
	// seconds).
	pruned atomic.Int64
}

// NewFlood returns flood limits counted in store. limits are keyed by
// action and scope ("reply.account", "reply.client", "signup.client"); a
// missing or zero limit is no limit.
func NewFlood(store FloodStore, limits map[string]FloodLimit) *Flood {
	return &Flood{store: store, limits: limits, now: time.Now}
}

// SetClock replaces the clock; tests use it to step into the next window.
func (f *Flood) SetClock(now func() time.Time) { f.now = now }

// counters are the counters an action by a (nil for a visitor) from
// clientKey is charged to, with their limits. Staff have none.
func (f *Flood) counters(action string, a *Actor, clientKey string, now time.Time) ([]FloodCounter, []int) {
	if f == nil || IsStaff(a) {
		return nil, nil
	}
	var cs []FloodCounter
	var limits []int
	add := func(scope, who string) {
		l, ok := f.limits[action+"."+scope]
		if !ok || l.Count <= 0 || l.Window < time.Second || who == "" {
			return
		}
		w := int64(l.Window / time.Second)
		start := now.Unix() / w * w
		cs = append(cs, FloodCounter{Key: action + "." + scope + ":" + who, Start: start, End: start + w})
		limits = append(limits, l.Count)
	}
	if a != nil && a.ID > 0 {
		add("account", strconv.FormatInt(a.ID, 10))
	}
	add("client", clientKey)
	return cs, limits
}

// Charge counts one action by a from clientKey and returns a *FloodError
// when that took any of its counters over the limit. A refused action is
// counted too: a client that keeps sending stays refused until the
// window ends, however fast it sends.
func (f *Flood) Charge(ctx context.Context, action string, a *Actor, clientKey string) error {
	now := f.clock()
	cs, limits := f.counters(action, a, clientKey, now)
	if len(cs) == 0 {
		return nil
	}
	f.prune(ctx, now)
	counts, err := f.store.HitFlood(ctx, cs)
	if err != nil {
		return fmt.Errorf("flood %s: %w", action, err)
	}
	return refusal(action, cs, limits, counts, now, 0)
}

// Check returns a *FloodError when one more action by a from clientKey
// would go over a limit, counting nothing. With Record afterwards it
// limits what succeeded (signups) rather than every attempt, so a member
// who mistypes is never the one refused.
func (f *Flood) Check(ctx context.Context, action string, a *Actor, clientKey string) error {
	now := f.clock()
	cs, limits := f.counters(action, a, clientKey, now)
	if len(cs) == 0 {
		return nil
	}
	counts, err := f.store.FloodCounts(ctx, cs)
	if err != nil {
		return fmt.Errorf("flood %s: %w", action, err)
	}
	return refusal(action, cs, limits, counts, now, 1)
}

// Record counts one action that succeeded, never refusing it.
func (f *Flood) Record(ctx context.Context, action string, a *Actor, clientKey string) error {
	now := f.clock()
	cs, _ := f.counters(action, a, clientKey, now)
	if len(cs) == 0 {
		return nil
	}
	f.prune(ctx, now)
	if _, err := f.store.HitFlood(ctx, cs); err != nil {
		return fmt.Errorf("flood %s: %w", action, err)
	}
	return nil
}

func (f *Flood) clock() time.Time {
	if f == nil || f.now == nil {
		return time.Now()
	}
	return f.now()
}

// refusal is the *FloodError for the counters whose count plus extra is
// over their limit, waiting for the latest of their windows to end.
func refusal(action string, cs []FloodCounter, limits, counts []int, now time.Time, extra int) error {
	var end int64
	for i, c := range cs {
		if counts[i]+extra > limits[i] && c.End > end {
			end = c.End
		}
	}
	if end == 0 {
		return nil
	}
	return &FloodError{Action: action, RetryAfter: time.Unix(end, 0).Sub(now)}
}

// prune deletes ended windows at most once per floodPruneEvery on this
// instance. A failure is left for the next minute: the counters it would
// have deleted are already outside every window.
func (f *Flood) prune(ctx context.Context, now time.Time) {
	last := f.pruned.Load()
	if now.Unix()-last < int64(floodPruneEvery/time.Second) || !f.pruned.CompareAndSwap(last, now.Unix()) {
		return
	}
	_ = f.store.PruneFlood(ctx, now.Unix())
}
