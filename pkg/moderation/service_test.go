package moderation_test

import (
	"sync"
	"testing"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestActOnce checks that each queue item is acted on once: when a second
// moderator acts on an item the first has handled, they are told what
// happened and when, nothing more changes, and the audit log holds one row.
func TestActOnce(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		first, second := w.moderator("fern", "grief"), w.moderator("gorse", "grief")
		author, reporter := w.member("birch"), w.member("cedar")
		p := w.thread(author, "grief", "Reported", "Words someone reported.")
		w.report(reporter, p.Post.ID, moderation.ReasonHarassment, "")
		item := w.item(p.Post.ID, moderation.KindReport)

		if _, err := w.svc.Remove(w.ctx, p.Post.ID, moderation.Request{Actor: first, ItemID: item, Reason: "Unkind"}); err != nil {
			t.Fatal(err)
		}
		_, err := w.svc.RedactPost(w.ctx, p.Post.ID, moderation.Request{Actor: second, ItemID: item, Reason: "Cruel"})
		h := wantHandled(t, err, moderation.ActionRemove)
		if h.At.IsZero() {
			t.Error("the second moderator is not told when the item was handled")
		}
		if got := w.post(p.Post.ID); got.Status != forum.StatusRemoved || got.BodyMD != "Words someone reported." {
			t.Errorf("after the second action the post is %s with %q, want removed with its words", got.Status, got.BodyMD)
		}
		if n := w.audits("post", p.Post.ID); n != 1 {
			t.Errorf("%d audit rows about the post, want 1", n)
		}
		_, err = w.svc.Dismiss(w.ctx, moderation.Request{Actor: second, ItemID: item})
		wantHandled(t, err, moderation.ActionRemove)
		if n := w.notices(author.ID); n != 1 {
			t.Errorf("the author got %d notices, want 1", n)
		}

		// Acting on the post itself, without an item, is refused the same
		// way once it is done.
		_, err = w.svc.Remove(w.ctx, p.Post.ID, moderation.Request{Actor: second, Reason: "Unkind"})
		wantHandled(t, err, moderation.ActionRemove)
	})
}

// TestActOnceAtTheSameMoment races two moderators on one queue item: one
// action happens, the other is told it was already handled, and one audit
// row is written.
func TestActOnceAtTheSameMoment(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mods := []*auth.Actor{w.moderator("fern", "grief"), w.moderator("gorse", "grief")}
		author, reporter := w.member("birch"), w.member("cedar")
		p := w.thread(author, "grief", "Reported", "Words someone reported.")
		w.report(reporter, p.Post.ID, moderation.ReasonSpam, "")
		item := w.item(p.Post.ID, moderation.KindReport)

		start := make(chan struct{})
		errs := make([]error, len(mods))
		var wg sync.WaitGroup
		for i, m := range mods {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				if i == 0 {
					_, errs[i] = w.svc.Remove(w.ctx, p.Post.ID, moderation.Request{Actor: m, ItemID: item, Reason: "Spam"})
				} else {
					_, errs[i] = w.svc.Dismiss(w.ctx, moderation.Request{Actor: m, ItemID: item})
				}
			}()
		}
		close(start)
		wg.Wait()

		won, handled := 0, 0
		for _, err := range errs {
			if err == nil {
				won++
			} else if _, ok := moderation.AsAlreadyHandled(err); ok {
				handled++
			} else {
				t.Errorf("unexpected error: %v", err)
			}
		}
		if won != 1 || handled != 1 {
			t.Fatalf("%d actions happened and %d were told it was handled (%v), want 1 and 1", won, handled, errs)
		}
		if n := w.audits("post", p.Post.ID); n != 1 {
			t.Errorf("%d audit rows about the post, want 1", n)
		}
		if n := w.count("SELECT COUNT(*) FROM queue_items WHERE id = ? AND status = 'handled'", item); n != 1 {
			t.Errorf("the item is not handled")
		}
	})
}

// TestAuditInTheSameTransaction checks that a moderator action and its
// audit row commit together: when the database refuses the audit row, the
// action does not happen; when a step after the audit row fails, the audit
// row is not kept. The failures are injected into the real database.
func TestAuditInTheSameTransaction(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mod := w.moderator("fern", "grief")
		author, reporter := w.member("birch"), w.member("cedar")
		p := w.thread(author, "grief", "Reported", "Words someone reported.")
		w.report(reporter, p.Post.ID, moderation.ReasonHarassment, "")
		item := w.item(p.Post.ID, moderation.KindReport)
		remove := moderation.Request{Actor: mod, ItemID: item, Reason: "Unkind"}
		unchanged := func(what string) {
			t.Helper()
			if got := w.post(p.Post.ID); got.Status != forum.StatusVisible {
				t.Errorf("%s: the post is %s, want visible", what, got.Status)
			}
			if n := w.count("SELECT COUNT(*) FROM queue_items WHERE id = ? AND status = 'open'", item); n != 1 {
				t.Errorf("%s: the queue item is no longer open", what)
			}
			if n := w.count("SELECT COUNT(*) FROM reports WHERE post_id = ? AND status = 'open'", p.Post.ID); n != 1 {
				t.Errorf("%s: the report is no longer open", what)
			}
			if n := w.audits("post", p.Post.ID); n != 0 {
				t.Errorf("%s: %d audit rows about the post, want 0", what, n)
			}
			if n := w.notices(author.ID); n != 0 {
				t.Errorf("%s: the author got %d notices, want 0", what, n)
			}
		}

		// The audit row is refused: nothing of the action remains.
		allow := w.refuseInserts("audit_log")
		_, err := w.svc.Remove(w.ctx, p.Post.ID, remove)
		wantRefused(t, err)
		allow()
		unchanged("audit row refused")

		// The author's notice, written after the audit row, is refused:
		// the audit row goes with the rest.
		allow = w.refuseInserts("member_notices")
		_, err = w.svc.Remove(w.ctx, p.Post.ID, remove)
		wantRefused(t, err)
		allow()
		unchanged("notice refused")

		// Thread actions: a lock whose audit row is refused leaves the
		// thread open.
		allow = w.refuseInserts("audit_log")
		_, err = w.svc.Lock(w.ctx, p.Post.ThreadID, moderation.Request{Actor: mod, Reason: "Heated"})
		wantRefused(t, err)
		allow()
		if w.post(p.Post.ID).ThreadLocked || w.audits("thread", p.Post.ThreadID) != 0 {
			t.Error("a lock whose audit row was refused locked the thread or left an audit row")
		}

		// With the database willing again, each action happens once, with
		// its one audit row.
		if _, err := w.svc.Remove(w.ctx, p.Post.ID, remove); err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.Lock(w.ctx, p.Post.ThreadID, moderation.Request{Actor: mod, Reason: "Heated"}); err != nil {
			t.Fatal(err)
		}
		if got := w.post(p.Post.ID); got.Status != forum.StatusRemoved || !got.ThreadLocked || got.LockReason != "Heated" {
			t.Errorf("after the actions the post is %s, locked %v (%q)", got.Status, got.ThreadLocked, got.LockReason)
		}
		// One notice each: the removal and the lock.
		if w.audits("post", p.Post.ID) != 1 || w.audits("thread", p.Post.ThreadID) != 1 || w.notices(author.ID) != 2 {
			t.Errorf("audit rows: post %d, thread %d; notices %d; want 1, 1 and 2",
				w.audits("post", p.Post.ID), w.audits("thread", p.Post.ThreadID), w.notices(author.ID))
		}
	})
}

// TestSanctionAuditInTheSameTransaction checks the same for a ban: a
// refused audit row leaves the member in good standing, signed in, and
// without a sanction or a notice.
func TestSanctionAuditInTheSameTransaction(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		admin, member := w.admin("ash"), w.member("birch")
		if _, err := w.app.Auth.StartSession(w.ctx, member.ID, "test"); err != nil {
			t.Fatal(err)
		}
		allow := w.refuseInserts("audit_log")
		_, err := w.svc.Ban(w.ctx, moderation.Target{UserID: member.ID}, moderation.Request{Actor: admin, Reason: "Threats"})
		wantRefused(t, err)
		allow()
		if s := w.subject(member.ID); s.Status != string(auth.StatusActive) {
			t.Errorf("the member is %s after a ban whose audit row was refused", s.Status)
		}
		if n := w.count("SELECT COUNT(*) FROM sanctions WHERE user_id = ?", member.ID); n != 0 {
			t.Errorf("%d sanctions recorded", n)
		}
		if n := w.count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", member.ID); n != 1 {
			t.Errorf("the member has %d sessions, want their 1 still open", n)
		}
		if n := w.notices(member.ID); n != 0 {
			t.Errorf("the member got %d notices", n)
		}
	})
}
