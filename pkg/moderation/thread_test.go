package moderation_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestRedactThread checks that redacting a thread replaces its title and
// opening post, locks it, keeps its replies, and happens once.
func TestRedactThread(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mod := w.moderator("fern", "grief")
		author := w.member("birch")
		p := w.thread(author, "grief", "My neighbour Jo Bloggs", "Jo Bloggs at number 4 is awful.")
		reply := w.reply(w.member("cedar"), p.Post.ThreadID, "Please don't name people here.")
		r := moderation.Request{Actor: mod, Reason: "Names a person"}
		if _, err := w.svc.RedactThread(w.ctx, p.Post.ThreadID, r); err != nil {
			t.Fatal(err)
		}
		got := w.post(p.Post.ID)
		if got.ThreadTitle != moderation.RedactedTitle || got.ThreadStatus != forum.StatusRedacted || !got.ThreadLocked || got.LockReason != "Names a person" {
			t.Errorf("redacted thread: %q %s locked %v (%q)", got.ThreadTitle, got.ThreadStatus, got.ThreadLocked, got.LockReason)
		}
		if got.Status != forum.StatusRedacted || got.BodyMD != moderation.RedactedText("Names a person") {
			t.Errorf("opening post: %s %q", got.Status, got.BodyMD)
		}
		if r := w.post(reply.Post.ID); r.Status != forum.StatusVisible || r.BodyMD != "Please don't name people here." {
			t.Errorf("the reply is %s %q", r.Status, r.BodyMD)
		}
		sum := sha256.Sum256([]byte("My neighbour Jo Bloggs\n\nJo Bloggs at number 4 is awful."))
		var stored string
		if err := db.R.Raw("SELECT content_sha256 FROM audit_log WHERE action = ?", moderation.ActionRedactThread).Scan(&stored).Error; err != nil || stored != hex.EncodeToString(sum[:]) {
			t.Errorf("audit hash %q, %v", stored, err)
		}
		_, err := w.svc.RedactThread(w.ctx, p.Post.ThreadID, moderation.Request{Actor: w.moderator("gorse", "grief"), Reason: "Again"})
		wantHandled(t, err, moderation.ActionRedactThread)
		if n := w.audits("thread", p.Post.ThreadID); n != 1 {
			t.Errorf("%d audit rows about the thread, want 1", n)
		}
	})
}

// TestPinAndLockOnce checks that pinning, unpinning, locking and unlocking
// each happen once, the second moderator being told so.
func TestPinAndLockOnce(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		a, b := w.moderator("fern", "grief"), w.moderator("gorse", "grief")
		p := w.thread(w.member("birch"), "grief", "A thread", "Words.")
		th := p.Post.ThreadID
		steps := []struct {
			action string
			do     func(r moderation.Request) (moderation.Outcome, error)
		}{
			{moderation.ActionPin, func(r moderation.Request) (moderation.Outcome, error) { return w.svc.Pin(w.ctx, th, true, r) }},
			{moderation.ActionUnpin, func(r moderation.Request) (moderation.Outcome, error) { return w.svc.Pin(w.ctx, th, false, r) }},
			{moderation.ActionLock, func(r moderation.Request) (moderation.Outcome, error) { return w.svc.Lock(w.ctx, th, r) }},
			{moderation.ActionUnlock, func(r moderation.Request) (moderation.Outcome, error) { return w.svc.Unlock(w.ctx, th, r) }},
		}
		for _, s := range steps {
			out, err := s.do(moderation.Request{Actor: a})
			if err != nil || out.Action != s.action {
				t.Fatalf("%s: %+v, %v", s.action, out, err)
			}
			_, err = s.do(moderation.Request{Actor: b})
			wantHandled(t, err, s.action)
		}
		if n := w.audits("thread", th); n != len(steps) {
			t.Errorf("%d audit rows, want %d", n, len(steps))
		}
		got := w.post(p.Post.ID)
		if got.ThreadPinned || got.ThreadLocked {
			t.Errorf("after pin, unpin, lock, unlock: pinned %v, locked %v", got.ThreadPinned, got.ThreadLocked)
		}
		_, err := w.svc.Lock(w.ctx, th, moderation.Request{Actor: w.moderator("holly", "anxiety")})
		wantForbidden(t, err)
	})
}

// TestMove checks moving a thread: only between groups the moderator
// moderates, never into an archived group or the one it is in.
func TestMove(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		admin := w.admin("ash")
		mod := w.moderator("fern", "grief", "anxiety", "ptsd")
		author := w.member("birch")
		p := w.thread(author, "grief", "Panic at night", "Words.")
		w.reply(author, p.Post.ThreadID, "More words.")
		th := p.Post.ThreadID
		r := moderation.Request{Actor: mod, Reason: "Fits anxiety better"}
		if _, err := w.svc.SetArchived(w.ctx, admin, "ptsd", true); err != nil {
			t.Fatal(err)
		}

		_, err := w.svc.Move(w.ctx, th, "grief", r)
		wantField(t, err, "group")
		_, err = w.svc.Move(w.ctx, th, "ptsd", r)
		wantField(t, err, "group")
		_, err = w.svc.Move(w.ctx, th, "no-such-group", r)
		wantField(t, err, "group")
		_, err = w.svc.Move(w.ctx, th, "depression", r)
		wantForbidden(t, err)

		if _, err := w.svc.Move(w.ctx, th, "anxiety", r); err != nil {
			t.Fatal(err)
		}
		anxiety := forumtest.Group(t, db, "anxiety")
		if n := w.count("SELECT COUNT(*) FROM posts WHERE thread_id = ? AND group_id = ?", th, anxiety.ID); n != 2 {
			t.Errorf("%d of the thread's 2 posts moved", n)
		}
		var e moderation.AuditEntry
		if err := db.R.Where("action = ? AND target_id = ?", moderation.ActionMove, th).Take(&e).Error; err != nil {
			t.Fatal(err)
		}
		if e.Detail != "from Grief & Loss to Anxiety" || e.GroupID == nil || *e.GroupID != anxiety.ID {
			t.Errorf("move audit row: %q in group %v", e.Detail, e.GroupID)
		}
		// Moved already: a second move to the same place is told so.
		_, err = w.svc.Move(w.ctx, th, "anxiety", moderation.Request{Actor: admin})
		wantField(t, err, "group")
	})
}

// TestThreadTags checks that a thread's trigger warnings and its opening
// post's change together.
func TestThreadTags(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mod := w.moderator("fern", "grief")
		p := w.thread(w.member("birch"), "grief", "A thread", "Words about a death.")
		out, err := w.svc.SetThreadTags(w.ctx, p.Post.ThreadID, []string{"death-loss", "suicide"}, nil, moderation.Request{Actor: mod})
		if err != nil || !out.Changed {
			t.Fatalf("set thread tags: %+v, %v", out, err)
		}
		op, err := w.svc.OpeningPost(w.ctx, mod, p.Post.ThreadID)
		if err != nil {
			t.Fatal(err)
		}
		want := forum.MakeTags([]string{"death-loss", "suicide"})
		if op.ThreadTags != want || op.Tags != want {
			t.Errorf("thread tags %q, opening post tags %q, want %q", op.ThreadTags, op.Tags, want)
		}
		stale := forum.Tags("")
		_, err = w.svc.SetThreadTags(w.ctx, p.Post.ThreadID, []string{"abuse"}, &stale, moderation.Request{Actor: mod})
		if !errors.Is(err, moderation.ErrTagsChanged) {
			t.Errorf("saving over changed thread tags: %v", err)
		}
	})
}
