package moderation_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// crisisText reads as a current crisis to the crisis-language detector.
const crisisText = "I can't do this anymore. I'm going to kill myself tonight."

// queued is a queue with one item of every kind, from fillQueue.
type queued struct {
	admin, author                                  *auth.Actor
	held, spam, trigger, personal, concern, crisis int64
}

// fillQueue queues, in this order: a post held by pre-moderation (ptsd), two
// spam reports on one post and a missing-trigger-warning report on another
// (grief), three reports for personal details (anxiety), a wellbeing
// concern (grief) and a crisis-language post (depression).
func fillQueue(t *testing.T, w *world) queued {
	t.Helper()
	q := queued{admin: w.admin("ash"), author: w.member("birch")}
	r1, r2, r3 := w.member("cedar"), w.member("dune"), w.member("elm")
	if _, err := w.svc.UpdateGroup(w.ctx, q.admin, "ptsd", moderation.GroupInput{Name: "PTSD & Trauma", Premod: forum.PremodAll}); err != nil {
		t.Fatal(err)
	}
	held := w.thread(q.author, "ptsd", "Held for review", "A quiet first post.")
	if !held.Held() {
		t.Fatalf("a post in a pre-moderated group was published: %+v", held.Post)
	}
	q.held = held.Post.ID
	q.spam = w.thread(q.author, "grief", "Twice reported", "Some words.").Post.ID
	q.trigger = w.thread(q.author, "grief", "Reported once", "Other words.").Post.ID
	q.personal = w.thread(q.author, "anxiety", "Reported for personal details", "More words.").Post.ID
	q.concern = w.thread(q.author, "grief", "Someone is worried", "Hard day.").Post.ID
	w.report(r1, q.spam, moderation.ReasonSpam, "")       // 10
	w.report(r2, q.spam, moderation.ReasonSpam, "")       // +10 = 20
	w.report(r1, q.trigger, moderation.ReasonTrigger, "") // 15
	// Three reports for personal details weigh 120, more than a wellbeing
	// concern's 100.
	for _, r := range []*auth.Actor{r1, r2, r3} {
		w.report(r, q.personal, moderation.ReasonPersonal, "")
	}
	w.report(r2, q.concern, moderation.ReasonWellbeing, "")
	crisis := w.thread(q.author, "depression", "Tonight", crisisText)
	if !crisis.Screening.Crisis {
		t.Fatalf("the detector no longer reads %q as a crisis; choose another text", crisisText)
	}
	q.crisis = crisis.Post.ID
	return q
}

// TestQueueOrder checks the one queue's order: wellbeing concerns and
// crisis-language posts first (longest waiting first), then reports by
// their summed weight, then posts held by pre-moderation, whatever order
// they arrived in and however heavy the reports.
func TestQueueOrder(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		q := fillQueue(t, w)
		want := []struct {
			post int64
			kind string
		}{
			{q.concern, moderation.KindWellbeing},
			{q.crisis, moderation.KindWellbeing},
			{q.personal, moderation.KindReport},
			{q.spam, moderation.KindReport},
			{q.trigger, moderation.KindReport},
			{q.held, moderation.KindHeld},
		}
		got := w.queue(q.admin, moderation.QueueFilter{})
		if len(got) != len(want) {
			t.Fatalf("queue has %d items, want %d: %+v", len(got), len(want), got)
		}
		for i, e := range got {
			if e.ID != want[i].post || e.Item.Kind != want[i].kind {
				t.Errorf("queue[%d] = post %d (%s, priority %d), want post %d (%s)", i, e.ID, e.Item.Kind, e.Item.Priority, want[i].post, want[i].kind)
			}
		}
		if got[2].Item.Priority != 120 || got[3].Item.Priority != 20 || len(got[3].Reports) != 2 {
			t.Errorf("summed weights: %d and %d (with %d reports), want 120 and 20 (with 2)", got[2].Item.Priority, got[3].Item.Priority, len(got[3].Reports))
		}
		if len(got[0].Reports) != 1 || got[0].Reports[0].ReporterName != "dune" || !got[0].CanSanction {
			t.Errorf("the concern's entry: reports %+v, can sanction %v", got[0].Reports, got[0].CanSanction)
		}
	})
}

// TestQueueFilters checks the queue's filters by group and kind, and that
// a group moderator sees only their groups' items and concerns.
func TestQueueFilters(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		q := fillQueue(t, w)
		grief := w.queue(q.admin, moderation.QueueFilter{GroupSlug: "grief"})
		if len(grief) != 3 || grief[0].ID != q.concern || grief[1].ID != q.spam || grief[2].ID != q.trigger {
			t.Errorf("grief's queue: %+v", grief)
		}
		if held := w.queue(q.admin, moderation.QueueFilter{Kind: moderation.KindHeld}); len(held) != 1 || held[0].ID != q.held {
			t.Errorf("held items: %+v", held)
		}
		if _, err := w.svc.Queue(w.ctx, q.admin, moderation.QueueFilter{Kind: "everything"}); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("unknown kind: %v, want ErrNotFound", err)
		}
		if _, err := w.svc.Queue(w.ctx, q.admin, moderation.QueueFilter{GroupSlug: "no-such-group"}); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("unknown group: %v, want ErrNotFound", err)
		}

		mod := w.moderator("fern", "grief", "ptsd")
		mine := w.queue(mod, moderation.QueueFilter{})
		if len(mine) != 4 || mine[0].ID != q.concern || mine[3].ID != q.held {
			t.Errorf("a moderator of grief and ptsd sees %+v", mine)
		}
		_, err := w.svc.Queue(w.ctx, mod, moderation.QueueFilter{GroupSlug: "anxiety"})
		wantForbidden(t, err)
		_, err = w.svc.Queue(w.ctx, q.author, moderation.QueueFilter{})
		wantForbidden(t, err)

		for _, c := range []struct {
			who  string
			a    *auth.Actor
			want int
		}{{"an admin", q.admin, 2}, {"a moderator of grief and ptsd", mod, 1}, {"a member", q.author, 0}} {
			if n, err := w.svc.WaitingConcerns(w.ctx, c.a); err != nil || n != c.want {
				t.Errorf("%s's waiting concerns: %d, %v; want %d", c.who, n, err, c.want)
			}
		}
	})
}

// TestQueuePages checks that the queue pages by QueuePerPage with HasNext.
func TestQueuePages(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		admin := w.admin("ash")
		author := w.member("birch")
		// A member may send ReportsPerHour reports an hour.
		reporters := []*auth.Actor{w.member("cedar"), w.member("dune"), w.member("elm")}
		for i := range moderation.QueuePerPage + 1 {
			th := forumtest.InsertThread(t, db, "grief", author.ID, fmt.Sprintf("Thread %d", i), nil, time.Now())
			w.report(reporters[i/moderation.ReportsPerHour], w.firstPost(th.ID), moderation.ReasonHarassment, "")
		}
		first, err := w.svc.Queue(w.ctx, admin, moderation.QueueFilter{})
		if err != nil || len(first.Entries) != moderation.QueuePerPage || !first.HasNext {
			t.Fatalf("first page: %d entries, next %v, %v", len(first.Entries), first.HasNext, err)
		}
		second, err := w.svc.Queue(w.ctx, admin, moderation.QueueFilter{Page: 1})
		if err != nil || len(second.Entries) != 1 || second.HasNext {
			t.Fatalf("second page: %d entries, next %v, %v", len(second.Entries), second.HasNext, err)
		}
	})
}

// TestReportersHiddenFromTheirSubject checks that a moderator who wrote a
// reported post never learns who reported it.
func TestReportersHiddenFromTheirSubject(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mod := w.moderator("fern", "grief")
		reporter := w.member("cedar")
		p := w.thread(mod, "grief", "A moderator's own post", "Words.")
		w.report(reporter, p.Post.ID, moderation.ReasonHarassment, "unkind")
		d, err := w.svc.Detail(w.ctx, mod, p.Post.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Reports) != 1 || d.Reports[0].ReporterName != "" || d.Reports[0].ReporterID != nil {
			t.Errorf("the reported moderator sees the reporter: %+v", d.Reports)
		}
		if d.CanSanction {
			t.Error("a moderator may sanction themselves")
		}
		other := w.moderator("gorse", "grief")
		d, err = w.svc.Detail(w.ctx, other, p.Post.ID)
		if err != nil || len(d.Reports) != 1 || d.Reports[0].ReporterName != "cedar" {
			t.Errorf("another moderator's view: %+v, %v", d.Reports, err)
		}
	})
}
