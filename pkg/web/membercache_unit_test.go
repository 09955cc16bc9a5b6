package web

import (
	"testing"
	"time"

	"hearth/pkg/forum"
)

// TestMemberCacheVersionsAndBounds: an entry serves only the version it
// was filled at, a new version starts empty, and the cache never holds
// more than memberCacheSize members.
func TestMemberCacheVersionsAndBounds(t *testing.T) {
	mc := newMemberCache()
	mc.update(1, 5, func(st *memberState) { st.prefs, st.hasPrefs = forum.Prefs{"abuse": forum.ModeHide}, true })
	mc.update(1, 5, func(st *memberState) { st.blocked, st.hasBlocked = map[int64]bool{2: true}, true })
	if st := mc.get(1, 5); !st.hasPrefs || !st.hasBlocked || st.prefs["abuse"] != forum.ModeHide || !st.blocked[2] {
		t.Fatalf("entry at version 5: %+v", st)
	}
	if st := mc.get(1, 6); st.hasPrefs || st.hasBlocked {
		t.Fatalf("version 6 served version 5's entry: %+v", st)
	}
	mc.update(1, 6, func(st *memberState) { st.hasNotices = true })
	if st := mc.get(1, 6); st.hasPrefs || !st.hasNotices {
		t.Fatalf("an update at a new version kept the old parts: %+v", st)
	}
	for id := range int64(3 * memberCacheSize) {
		mc.update(id+10, 1, func(st *memberState) { st.hasPrefs = true })
	}
	n := 0
	mc.m.Load().Range(func(any, any) bool { n++; return true })
	if n > memberCacheSize {
		t.Errorf("the cache holds %d members, over %d", n, memberCacheSize)
	}
	if st := mc.get(3*memberCacheSize+9, 1); !st.hasPrefs {
		t.Error("the newest member is gone")
	}
}

func TestBreaksEnd(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	if !breaksEnd(nil).IsZero() {
		t.Error("no breaks should never expire by the clock")
	}
	bs := forum.BreakSet{{EndsAt: now.Add(48 * time.Hour)}, {EndsAt: now.Add(time.Hour)}, {EndsAt: now.Add(24 * time.Hour)}}
	if got := breaksEnd(bs); !got.Equal(now.Add(time.Hour)) {
		t.Errorf("breaksEnd = %v, want the first end", got)
	}
}
