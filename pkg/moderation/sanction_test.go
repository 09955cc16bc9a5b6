package moderation_test

import (
	"errors"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestModeratorsNeverSanctionStaff checks who may sanction whom: a group
// moderator may warn, suspend or ban ordinary members for posts in their
// groups, never an admin or another moderator, never site-wide and never
// for a post elsewhere; an admin may sanction a moderator. A refusal
// writes nothing.
func TestModeratorsNeverSanctionStaff(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		admin := w.admin("ash")
		mod, other := w.moderator("fern", "grief"), w.moderator("gorse", "anxiety")
		member := w.member("birch")
		staffPost := w.thread(admin, "grief", "By an admin", "Words.")
		modPost := w.thread(other, "grief", "By another moderator", "Words.")
		elsewhere := w.thread(member, "anxiety", "In another group", "Words.")
		r := moderation.Request{Actor: mod, Reason: "Rude"}

		refused := []struct {
			what string
			t    moderation.Target
		}{
			{"an admin", moderation.Target{UserID: admin.ID, PostID: staffPost.Post.ID}},
			{"another moderator", moderation.Target{UserID: other.ID, PostID: modPost.Post.ID}},
			{"a member site-wide", moderation.Target{UserID: member.ID}},
			{"a member for a post in another group", moderation.Target{UserID: member.ID, PostID: elsewhere.Post.ID}},
		}
		for _, c := range refused {
			c.t.Days = 7
			_, err := w.svc.Warn(w.ctx, c.t, r)
			wantForbidden(t, err)
			_, err = w.svc.Suspend(w.ctx, c.t, r)
			wantForbidden(t, err)
			_, err = w.svc.Ban(w.ctx, c.t, r)
			wantForbidden(t, err)
		}
		if n := w.count("SELECT COUNT(*) FROM sanctions"); n != 0 {
			t.Errorf("%d sanctions after refusals", n)
		}
		if n := w.count("SELECT COUNT(*) FROM audit_log WHERE target_type = 'user'"); n != 0 {
			t.Errorf("%d audit rows after refusals", n)
		}
		for _, id := range []int64{admin.ID, other.ID, member.ID} {
			if s := w.subject(id); s.Status != string(auth.StatusActive) {
				t.Errorf("member %d is %s after refusals", id, s.Status)
			}
		}
		if d, err := w.svc.Member(w.ctx, mod, admin.ID); err != nil || d.CanSanction {
			t.Errorf("a moderator's view of an admin offers sanctions: %v, %v", d.CanSanction, err)
		}

		// A post by someone else than the member named is not a way in.
		_, err := w.svc.Warn(w.ctx, moderation.Target{UserID: member.ID, PostID: staffPost.Post.ID}, r)
		if !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("a warning about another author's post: %v, want ErrNotFound", err)
		}

		// The moderator may warn a member for a post in their group.
		own := w.thread(member, "grief", "In the moderator's group", "Words.")
		if _, err := w.svc.Warn(w.ctx, moderation.Target{UserID: member.ID, PostID: own.Post.ID}, r); err != nil {
			t.Fatal(err)
		}
		// An admin may ban a moderator.
		if _, err := w.svc.Ban(w.ctx, moderation.Target{UserID: other.ID}, moderation.Request{Actor: admin, Reason: "Abuse of the role"}); err != nil {
			t.Fatal(err)
		}
		if s := w.subject(other.ID); s.Status != string(auth.StatusBanned) {
			t.Errorf("the banned moderator is %s", s.Status)
		}
	})
}

// TestSanctions follows one member through a warning, a suspension, a ban
// and its lifting: each needs a reason, tells the member, ends their
// sessions where it restricts them, and is recorded privately.
func TestSanctions(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		c := w.fixClock()
		mod := w.moderator("fern", "grief")
		member := w.member("birch")
		p := w.thread(member, "grief", "Heated", "Words.")
		target := moderation.Target{UserID: member.ID, PostID: p.Post.ID}
		sessions := func() int {
			return w.count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", member.ID)
		}
		if _, err := w.app.Auth.StartSession(w.ctx, member.ID, "test"); err != nil {
			t.Fatal(err)
		}

		// A warning: a notice to acknowledge, no change of standing.
		if _, err := w.svc.Warn(w.ctx, target, moderation.Request{Actor: mod, Reason: "Please be kind"}); err != nil {
			t.Fatal(err)
		}
		ns, err := w.svc.Notices(w.ctx, member.ID)
		if err != nil || len(ns) != 1 || ns[0].Kind != moderation.NoticeWarning || ns[0].Reason != "Please be kind" {
			t.Fatalf("notices after a warning: %+v, %v", ns, err)
		}
		if w.subject(member.ID).Status != string(auth.StatusActive) || sessions() != 1 {
			t.Error("a warning changed the member's standing or ended their sessions")
		}

		// A second moderator's warning moments later is the same decision.
		other := w.moderator("gorse", "grief")
		_, err = w.svc.Warn(w.ctx, target, moderation.Request{Actor: other, Reason: "Please be kind"})
		wantHandled(t, err, moderation.ActionWarn)

		// A suspension: the member is suspended until then and signed out.
		target.Days = 3
		if _, err := w.svc.Suspend(w.ctx, target, moderation.Request{Actor: mod, Reason: "Heated"}); err != nil {
			t.Fatal(err)
		}
		s := w.subject(member.ID)
		if s.Status != string(auth.StatusSuspended) || s.StatusUntil == nil || !s.StatusUntil.Equal(c.now.Add(72*time.Hour)) || s.StatusReason != "Heated" {
			t.Errorf("after a 3-day suspension: %+v", s)
		}
		if sessions() != 0 {
			t.Error("a suspension left the member signed in")
		}
		_, err = w.svc.Suspend(w.ctx, target, moderation.Request{Actor: other, Reason: "Heated"})
		wantHandled(t, err, moderation.ActionSuspend)

		// A ban wins over the suspension, and nothing sanctions a banned
		// member further.
		if _, err := w.svc.Ban(w.ctx, target, moderation.Request{Actor: mod, Reason: "Threats"}); err != nil {
			t.Fatal(err)
		}
		if s := w.subject(member.ID); s.Status != string(auth.StatusBanned) {
			t.Errorf("after a ban the member is %s", s.Status)
		}
		c.now = c.now.Add(time.Hour)
		_, err = w.svc.Suspend(w.ctx, target, moderation.Request{Actor: other, Reason: "Heated"})
		wantHandled(t, err, moderation.ActionBan)

		// Lifting: once.
		if _, err := w.svc.Lift(w.ctx, moderation.Target{UserID: member.ID, PostID: p.Post.ID}, moderation.Request{Actor: mod}); err != nil {
			t.Fatal(err)
		}
		if s := w.subject(member.ID); s.Status != string(auth.StatusActive) {
			t.Errorf("after lifting the member is %s", s.Status)
		}
		_, err = w.svc.Lift(w.ctx, moderation.Target{UserID: member.ID, PostID: p.Post.ID}, moderation.Request{Actor: other})
		wantHandled(t, err, moderation.ActionLift)

		checkSanctionRecord(t, w, mod, member.ID)
	})
}

// checkSanctionRecord checks what TestSanctions leaves on record: three
// sanctions, the ban lifted, four history entries, four notices, and
// nothing in the public log.
func checkSanctionRecord(t *testing.T, w *world, mod *auth.Actor, memberID int64) {
	t.Helper()
	d, err := w.svc.Member(w.ctx, mod, memberID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sanctions) != 3 || d.Sanctions[0].LiftedAt == nil {
		t.Errorf("sanctions: %+v, want warning, suspension and ban, lifted", d.Sanctions)
	}
	if len(d.History) != 4 || d.History[0].Action != moderation.ActionLift {
		t.Errorf("history: %+v, want warn, suspend, ban, lift (newest first)", d.History)
	}
	// Sanctions stay out of the public log.
	pub, err := w.svc.PublicLog(w.ctx, 0)
	if err != nil || len(pub.Entries) != 0 {
		t.Errorf("the public log shows sanctions: %+v, %v", pub.Entries, err)
	}
	kinds := map[string]int{}
	for _, n := range w.allNotices(memberID) {
		kinds[n.Kind]++
	}
	if kinds[moderation.NoticeWarning] != 1 || kinds[moderation.NoticeSuspension] != 1 || kinds[moderation.NoticeBan] != 1 || kinds[moderation.NoticeAction] != 1 {
		t.Errorf("notices by kind: %v", kinds)
	}
}

// TestSanctionNeedsReason checks that warnings, suspensions and bans need
// a reason, and suspensions a length of 1 to MaxSuspensionDays days.
func TestSanctionNeedsReason(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mod := w.moderator("fern", "grief")
		member := w.member("birch")
		p := w.thread(member, "grief", "Heated", "Words.")
		target := moderation.Target{UserID: member.ID, PostID: p.Post.ID, Days: 1}
		for _, fn := range []func(moderation.Target, moderation.Request) (moderation.Outcome, error){
			func(t moderation.Target, r moderation.Request) (moderation.Outcome, error) {
				return w.svc.Suspend(w.ctx, t, r)
			},
			func(t moderation.Target, r moderation.Request) (moderation.Outcome, error) {
				return w.svc.Warn(w.ctx, t, r)
			},
			func(t moderation.Target, r moderation.Request) (moderation.Outcome, error) {
				return w.svc.Ban(w.ctx, t, r)
			},
		} {
			_, err := fn(target, moderation.Request{Actor: mod, Reason: "  "})
			wantField(t, err, "reason")
		}
		for _, days := range []int{0, moderation.MaxSuspensionDays + 1} {
			_, err := w.svc.Suspend(w.ctx, moderation.Target{UserID: member.ID, PostID: p.Post.ID, Days: days}, moderation.Request{Actor: mod, Reason: "Heated"})
			wantField(t, err, "days")
		}
		if n := w.count("SELECT COUNT(*) FROM sanctions"); n != 0 {
			t.Errorf("%d sanctions after refusals", n)
		}
	})
}
