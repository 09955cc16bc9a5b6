package cache

import (
	"context"
	"errors"
	"testing"
	"time"

	"hearth/pkg/forum"
	"hearth/pkg/moderation"
)

// TestMembersServeOnlyTheVersionRead: each part is loaded once and served
// while the version it was read at is current; a new settings version
// drops the settings parts but keeps the count, a new notices version the
// reverse; a count that is not Stable and a failed load are not kept; the
// cache never holds more than its size; nil keeps nothing.
func TestMembersServeOnlyTheVersionRead(t *testing.T) {
	ctx := context.Background()
	mc := NewMembers(8)
	loads := map[string]int{}
	prefs := func(context.Context, int64) (forum.Prefs, error) {
		loads["prefs"]++
		return forum.Prefs{"abuse": forum.ModeHide}, nil
	}
	unread := forum.Unread{Count: 3, Stable: true}
	count := func(context.Context, int64) (forum.Unread, error) { loads["unread"]++; return unread, nil }
	notices := func(context.Context, int64) ([]moderation.Notice, error) {
		loads["notices"]++
		return []moderation.Notice{{Message: "be gentle"}}, nil
	}
	k := Member{ID: 1, Settings: 5, Notices: 7}
	for range 3 {
		if p, _ := mc.Prefs(ctx, k, prefs); p["abuse"] != forum.ModeHide {
			t.Fatalf("prefs %v", p)
		}
		if n, _ := mc.Unread(ctx, k, count); n != 3 {
			t.Fatalf("unread %d", n)
		}
		if ns, _ := mc.Notices(ctx, k, notices); len(ns) != 1 {
			t.Fatalf("notices %v", ns)
		}
	}
	if loads["prefs"] != 1 || loads["unread"] != 1 || loads["notices"] != 1 {
		t.Fatalf("loads %v, want one of each", loads)
	}
	k.Settings++
	mc.Prefs(ctx, k, prefs)
	mc.Unread(ctx, k, count)
	if loads["prefs"] != 2 || loads["unread"] != 1 {
		t.Fatalf("after a settings change: loads %v, want prefs again and the count kept", loads)
	}
	k.Notices++
	unread = forum.Unread{Count: 4, Stable: false}
	for range 2 {
		if n, _ := mc.Unread(ctx, k, count); n != 4 {
			t.Fatalf("unread %d, want 4", n)
		}
	}
	mc.Prefs(ctx, k, prefs)
	if loads["unread"] != 3 || loads["prefs"] != 2 {
		t.Fatalf("after a notices change: loads %v, want the unstable count read each time and prefs kept", loads)
	}
	failing := func(context.Context, int64) (forum.Prefs, error) { loads["failed"]++; return nil, errors.New("down") }
	other := Member{ID: 2}
	for range 2 {
		if _, err := mc.Prefs(ctx, other, failing); err == nil {
			t.Fatal("a failed load was not reported")
		}
	}
	if loads["failed"] != 2 {
		t.Fatal("a failed load was kept")
	}
	for id := range int64(30) {
		mc.Prefs(ctx, Member{ID: 100 + id}, prefs)
		if mc.Len() > 8 {
			t.Fatalf("%d members kept, over the size of 8", mc.Len())
		}
	}
	var off *Members
	if NewMembers(0) != nil {
		t.Fatal("a size of 0 must turn the cache off")
	}
	before := loads["prefs"]
	off.Prefs(ctx, k, prefs)
	off.Prefs(ctx, k, prefs)
	if loads["prefs"] != before+2 {
		t.Fatal("a cache that is off kept something")
	}
}

// TestMembersKeepBreaksUntilTheFirstEnds: kept breaks are served until the
// first of them ends by the clock, then read again.
func TestMembersKeepBreaksUntilTheFirstEnds(t *testing.T) {
	ctx := context.Background()
	mc := NewMembers(8)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	set := forum.BreakSet{{EndsAt: now.Add(2 * time.Hour)}, {EndsAt: now.Add(time.Hour)}}
	loads := 0
	load := func(context.Context, int64) (forum.BreakSet, error) { loads++; return set, nil }
	k := Member{ID: 1}
	mc.Breaks(ctx, k, now, load)
	mc.Breaks(ctx, k, now.Add(59*time.Minute), load)
	if loads != 1 {
		t.Fatalf("%d loads before the first break ends, want 1", loads)
	}
	set = forum.BreakSet{{EndsAt: now.Add(2 * time.Hour)}}
	if bs, _ := mc.Breaks(ctx, k, now.Add(time.Hour), load); loads != 2 || len(bs) != 1 {
		t.Fatalf("when the first break ended: %d loads and %d breaks, want 2 and 1", loads, len(bs))
	}
	set = nil
	mc.Breaks(ctx, k, now.Add(3*time.Hour), load)
	if bs, _ := mc.Breaks(ctx, k, now.Add(30*time.Hour), load); loads != 3 || bs == nil || len(bs) != 0 {
		t.Fatalf("no breaks: %d loads, %v; want 3 loads and an empty set kept", loads, bs)
	}
}

// TestMembersKeepFollowsAndVocabulary: the follow state of the threads a
// member reads is kept under their notice version, a bounded number of
// threads at a time; the vocabulary under their settings version, one
// copy shared by every member while it is unchanged.
func TestMembersKeepFollowsAndVocabulary(t *testing.T) {
	ctx := context.Background()
	mc := NewMembers(8)
	loads := 0
	follow := func(_ context.Context, _, thread int64) (string, error) {
		loads++
		if thread == 1 {
			return forum.SubFollow, nil
		}
		return "", nil
	}
	k := Member{ID: 1}
	for range 2 {
		if st, _ := mc.Following(ctx, k, 1, follow); st != forum.SubFollow {
			t.Fatalf("thread 1: %q", st)
		}
		if st, _ := mc.Following(ctx, k, 2, follow); st != "" {
			t.Fatalf("thread 2: %q", st)
		}
	}
	if loads != 2 {
		t.Fatalf("%d loads, want one per thread", loads)
	}
	k.Settings++
	mc.Following(ctx, k, 1, follow)
	k.Notices++
	mc.Following(ctx, k, 1, follow)
	if loads != 3 {
		t.Fatalf("%d loads, want the state kept across a settings change and read again after a notices change", loads)
	}
	for id := range int64(3 * followsKept) {
		mc.Following(ctx, k, 100+id, follow)
		if n := len(mc.entry(k).follows); n > followsKept+1 {
			t.Fatalf("%d threads kept, over %d", n, followsKept)
		}
	}

	vocabLoads := 0
	vocab := func(context.Context) ([]forum.Tag, error) {
		vocabLoads++
		return []forum.Tag{{Slug: "abuse", Name: "Abuse"}}, nil
	}
	a, _ := mc.Vocabulary(ctx, Member{ID: 1}, vocab)
	b, _ := mc.Vocabulary(ctx, Member{ID: 2}, vocab)
	mc.Vocabulary(ctx, Member{ID: 2}, vocab)
	if vocabLoads != 2 || &a[0] != &b[0] {
		t.Fatalf("%d loads (want one per member), shared copy %v", vocabLoads, &a[0] == &b[0])
	}
	mc.Vocabulary(ctx, Member{ID: 2, Settings: 1}, vocab)
	if vocabLoads != 3 {
		t.Fatal("the vocabulary was kept across a settings change")
	}
}

// TestVisitRecordedOncePerRefresh: a member's visit is written on their
// first page, answered from memory for later pages within VisitRefresh
// (across version changes), written again after it, and not kept when the
// write fails; nil keeps nothing.
func TestVisitRecordedOncePerRefresh(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	since := t0.Add(-3 * time.Hour)
	writes := 0
	var fail error
	record := func(context.Context, int64) (time.Time, error) {
		writes++
		return since, fail
	}
	mc := NewMembers(8)
	k := Member{ID: 7, Settings: 1, Notices: 1}
	for _, step := range []struct {
		at     time.Time
		k      Member
		writes int
	}{
		{t0, k, 1},
		{t0.Add(time.Minute), k, 1},
		{t0.Add(2 * time.Minute), Member{ID: 7, Settings: 2, Notices: 5}, 1},
		{t0.Add(VisitRefresh), k, 2},
		{t0.Add(VisitRefresh + time.Minute), k, 2},
		{t0.Add(-time.Minute), k, 3}, // a clock that went back is not trusted
	} {
		got, err := mc.Visit(ctx, step.k, step.at, record)
		if err != nil || !got.Equal(since) || writes != step.writes {
			t.Fatalf("at %v: since %v, err %v, writes %d; want %v and %d writes", step.at, got, err, writes, since, step.writes)
		}
	}
	fail = errors.New("database away")
	if _, err := mc.Visit(ctx, Member{ID: 8}, t0, record); err == nil {
		t.Fatal("a failed write reported no error")
	}
	fail = nil
	if _, err := mc.Visit(ctx, Member{ID: 8}, t0.Add(time.Second), record); err != nil || writes != 5 {
		t.Fatalf("after a failed write: err %v, writes %d; want a second write", err, writes)
	}
	var none *Members
	none.Visit(ctx, k, t0, record)
	none.Visit(ctx, k, t0, record)
	if writes != 7 {
		t.Fatalf("nil Members: %d writes, want 7", writes)
	}
}
