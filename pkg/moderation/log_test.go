package moderation_test

import (
	"errors"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestAuditLog checks the staff audit log: group moderators see their
// groups only, filters by moderator, action and group work, and the public
// log pages without names.
func TestAuditLog(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		admin := w.admin("ash")
		griefMod, anxietyMod := w.moderator("fern", "grief"), w.moderator("gorse", "anxiety")
		author := w.member("birch")
		grief := w.thread(author, "grief", "Grief thread", "Words.")
		anxiety := w.thread(author, "anxiety", "Anxiety thread", "Words.")
		// LogPerPage+1 public actions in grief, one in anxiety.
		for i := range moderation.LogPerPage + 1 {
			do := w.svc.Lock
			if i%2 == 1 {
				do = w.svc.Unlock
			}
			if _, err := do(w.ctx, grief.Post.ThreadID, moderation.Request{Actor: griefMod, Reason: "Cooling off"}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := w.svc.Pin(w.ctx, anxiety.Post.ThreadID, true, moderation.Request{Actor: anxietyMod}); err != nil {
			t.Fatal(err)
		}

		page, err := w.svc.Audit(w.ctx, anxietyMod, moderation.AuditFilter{})
		if err != nil || len(page.Entries) != 1 || page.Entries[0].Action != moderation.ActionPin || page.Entries[0].ActorName != "gorse" {
			t.Fatalf("an anxiety moderator's audit log: %+v, %v", page.Entries, err)
		}
		if _, err := w.svc.Audit(w.ctx, anxietyMod, moderation.AuditFilter{GroupSlug: "grief"}); !errors.Is(err, forum.ErrForbidden) {
			t.Errorf("another group's audit log: %v", err)
		}
		if _, err := w.svc.Audit(w.ctx, author, moderation.AuditFilter{}); !errors.Is(err, forum.ErrForbidden) {
			t.Errorf("a member's audit log: %v", err)
		}

		all, err := w.svc.Audit(w.ctx, admin, moderation.AuditFilter{})
		if err != nil || len(all.Entries) != moderation.LogPerPage || all.Next == 0 {
			t.Fatalf("the admin's first page: %d entries, next %d, %v", len(all.Entries), all.Next, err)
		}
		rest, err := w.svc.Audit(w.ctx, admin, moderation.AuditFilter{Before: all.Next})
		if err != nil || len(rest.Entries) != 2 || rest.Next != 0 {
			t.Errorf("the admin's second page: %d entries, next %d, %v", len(rest.Entries), rest.Next, err)
		}
		byActor, err := w.svc.Audit(w.ctx, admin, moderation.AuditFilter{Actor: "GORSE"})
		if err != nil || len(byActor.Entries) != 1 {
			t.Errorf("filtered by moderator: %+v, %v", byActor.Entries, err)
		}
		nobody, err := w.svc.Audit(w.ctx, admin, moderation.AuditFilter{Actor: "nobody-by-that-name"})
		if err != nil || len(nobody.Entries) != 0 {
			t.Errorf("filtered by an unknown moderator: %+v, %v", nobody.Entries, err)
		}
		unlocks, err := w.svc.Audit(w.ctx, admin, moderation.AuditFilter{Action: moderation.ActionUnlock, GroupSlug: "grief"})
		if err != nil || len(unlocks.Entries) != moderation.LogPerPage/2 {
			t.Errorf("unlocks in grief: %d, %v; want %d", len(unlocks.Entries), err, moderation.LogPerPage/2)
		}

		pub, err := w.svc.PublicLog(w.ctx, 0)
		if err != nil || len(pub.Entries) != moderation.LogPerPage || pub.Next == 0 {
			t.Fatalf("public log first page: %d, next %d, %v", len(pub.Entries), pub.Next, err)
		}
		more, err := w.svc.PublicLog(w.ctx, pub.Next)
		if err != nil || len(more.Entries) != 2 || more.Next != 0 {
			t.Errorf("public log second page: %d, next %d, %v", len(more.Entries), more.Next, err)
		}
	})
}

// TestNotices checks that a member sees their own notices until they
// acknowledge them, and cannot acknowledge anyone else's.
func TestNotices(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mod := w.moderator("fern", "grief")
		author, other := w.member("birch"), w.member("cedar")
		p := w.thread(author, "grief", "A thread", "Words.")
		if _, err := w.svc.Warn(w.ctx, moderation.Target{UserID: author.ID, PostID: p.Post.ID}, moderation.Request{Actor: mod, Reason: "Please be kind"}); err != nil {
			t.Fatal(err)
		}
		ns, err := w.svc.Notices(w.ctx, author.ID)
		if err != nil || len(ns) != 1 {
			t.Fatalf("notices: %+v, %v", ns, err)
		}
		if err := w.svc.Acknowledge(w.ctx, other.ID, ns[0].ID); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("acknowledging another member's notice: %v", err)
		}
		if err := w.svc.Acknowledge(w.ctx, author.ID, ns[0].ID); err != nil {
			t.Fatal(err)
		}
		if ns, err := w.svc.Notices(w.ctx, author.ID); err != nil || len(ns) != 0 {
			t.Errorf("notices after acknowledging: %+v, %v", ns, err)
		}
		if err := w.svc.Acknowledge(w.ctx, author.ID, ns[0].ID); !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("acknowledging twice: %v", err)
		}
	})
}
