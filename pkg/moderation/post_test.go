package moderation_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestReasons checks the reasons moderators give: required where the
// member is told something was taken away, bounded in length, recorded in
// the audit log, sent to the author and shown in the public log without
// any name.
func TestReasons(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mod := w.moderator("fern", "grief")
		author := w.member("birch")
		p := w.thread(author, "grief", "Reported", "Words.")

		for _, reason := range []string{"", "   "} {
			_, err := w.svc.Remove(w.ctx, p.Post.ID, moderation.Request{Actor: mod, Reason: reason})
			wantField(t, err, "reason")
			_, err = w.svc.RedactPost(w.ctx, p.Post.ID, moderation.Request{Actor: mod, Reason: reason})
			wantField(t, err, "reason")
			_, err = w.svc.RedactThread(w.ctx, p.Post.ThreadID, moderation.Request{Actor: mod, Reason: reason})
			wantField(t, err, "reason")
		}
		_, err := w.svc.Pin(w.ctx, p.Post.ThreadID, true, moderation.Request{Actor: mod, Reason: strings.Repeat("é", moderation.MaxReasonLen+1)})
		wantField(t, err, "reason")
		if got := w.post(p.Post.ID); got.Status != forum.StatusVisible || got.ThreadPinned || w.audits("post", p.Post.ID) != 0 {
			t.Fatalf("a refused reason changed something: %+v", got)
		}

		// A lock without a reason gets a kind default, shown in the banner.
		if _, err := w.svc.Lock(w.ctx, p.Post.ThreadID, moderation.Request{Actor: mod}); err != nil {
			t.Fatal(err)
		}
		if got := w.post(p.Post.ID); got.LockReason != "This conversation is closed to new replies." {
			t.Errorf("default lock reason %q", got.LockReason)
		}

		reason := moderation.ComposeReason("Personal information", "an address")
		if _, err := w.svc.Remove(w.ctx, p.Post.ID, moderation.Request{Actor: mod, Reason: reason}); err != nil {
			t.Fatal(err)
		}
		// The author is told of the lock (no reason was given, so none is
		// shown) and of the removal, with its reason.
		ns := w.allNotices(author.ID)
		if len(ns) != 2 || ns[0].Reason != "" || !strings.Contains(ns[0].Message, "closed your thread") ||
			ns[1].Reason != "Personal information: an address" || ns[1].Link == "" {
			t.Errorf("the author's notices: %+v", ns)
		}
		for _, n := range ns {
			if strings.Contains(n.Message, "fern") {
				t.Errorf("the notice names the moderator: %q", n.Message)
			}
		}
		pub, err := w.svc.PublicLog(w.ctx, 0)
		if err != nil || len(pub.Entries) != 2 {
			t.Fatalf("public log: %+v, %v", pub.Entries, err)
		}
		if e := pub.Entries[0]; e.Action != moderation.ActionRemove || e.Reason != reason || e.GroupName != "Grief & Loss" {
			t.Errorf("newest public entry: %+v", e)
		}
		if e := pub.Entries[1]; e.Action != moderation.ActionLock || e.Reason != "This conversation is closed to new replies." {
			t.Errorf("older public entry: %+v", e)
		}
	})
}

// TestRedactPost checks that a redaction replaces the words for good,
// keeps only their hash in the audit log, and happens once.
func TestRedactPost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mod := w.moderator("fern", "grief")
		author := w.member("birch")
		p := w.thread(author, "grief", "A thread", "Opening words.")
		reply := w.reply(author, p.Post.ThreadID, "Here is my home address, 1 Secret Lane.")
		if _, err := w.svc.RedactPost(w.ctx, reply.Post.ID, moderation.Request{Actor: mod, Reason: "Personal information"}); err != nil {
			t.Fatal(err)
		}
		got := w.post(reply.Post.ID)
		if got.Status != forum.StatusRedacted || got.BodyMD != "Redacted by moderators: Personal information" || strings.Contains(got.BodyHTML, "Secret Lane") {
			t.Errorf("redacted post: %s %q %q", got.Status, got.BodyMD, got.BodyHTML)
		}
		sum := sha256.Sum256([]byte("Here is my home address, 1 Secret Lane."))
		var stored string
		if err := db.R.Raw("SELECT content_sha256 FROM audit_log WHERE action = ? AND target_id = ?", moderation.ActionRedactPost, reply.Post.ID).Scan(&stored).Error; err != nil {
			t.Fatal(err)
		}
		if stored != hex.EncodeToString(sum[:]) {
			t.Errorf("audit hash %q, want the SHA-256 of the original", stored)
		}
		if n := w.count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE ? OR reason LIKE ?", "%Secret Lane%", "%Secret Lane%"); n != 0 {
			t.Error("the audit log keeps the redacted words")
		}
		_, err := w.svc.RedactPost(w.ctx, reply.Post.ID, moderation.Request{Actor: mod, Reason: "Again"})
		wantHandled(t, err, moderation.ActionRedactPost)
		// A redacted post cannot be restored: its words are gone.
		_, err = w.svc.Restore(w.ctx, reply.Post.ID, moderation.Request{Actor: mod})
		wantHandled(t, err, moderation.ActionRedactPost)
		if got := w.post(p.Post.ID); got.Status != forum.StatusVisible {
			t.Errorf("the opening post is %s after redacting a reply", got.Status)
		}
	})
}

// TestDismissAndApprove checks what handling an item without taking
// anything away does for each kind: a wellbeing concern is closed and the
// post stays; a held post is published and its author told; a post hidden
// by reports is shown again, unless pre-moderation also holds it.
func TestDismissAndApprove(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		admin := w.admin("ash")
		mod := w.moderator("fern", "grief", "ptsd")
		author := w.member("birch")

		// A wellbeing concern.
		concern := w.thread(author, "grief", "Hard day", "Words.")
		w.report(w.member("cedar"), concern.Post.ID, moderation.ReasonWellbeing, "")
		out, err := w.svc.Dismiss(w.ctx, moderation.Request{Actor: mod, ItemID: w.item(concern.Post.ID, moderation.KindWellbeing)})
		if err != nil || out.Action != moderation.ActionDismiss || out.Message() != "Reports reviewed, no action needed." {
			t.Fatalf("dismiss a concern: %+v (%q), %v", out, out.Message(), err)
		}
		if n := w.count("SELECT COUNT(*) FROM reports WHERE post_id = ? AND status = 'open'", concern.Post.ID); n != 0 {
			t.Errorf("%d concerns still open", n)
		}

		// A post hidden by reports comes back when the reports are
		// dismissed.
		hidden := w.thread(author, "grief", "Reported thrice", "Words.")
		for i, name := range []string{"dune", "elm", "fir"} {
			out := w.report(w.member(name), hidden.Post.ID, moderation.ReasonHarassment, "")
			if out.Hidden != (i == 2) {
				t.Fatalf("report %d: hidden %v", i+1, out.Hidden)
			}
		}
		if got := w.post(hidden.Post.ID); got.Status != forum.StatusHeld {
			t.Fatalf("after three reports the post is %s, want held", got.Status)
		}
		var auto moderation.AuditEntry
		if err := db.R.Where("action = ? AND target_id = ?", moderation.ActionAutoHide, hidden.Post.ID).Take(&auto).Error; err != nil || auto.ActorID != nil {
			t.Errorf("the automatic hiding's audit row: %+v, %v (want no actor)", auto, err)
		}
		if _, err := w.svc.Dismiss(w.ctx, moderation.Request{Actor: mod, ItemID: w.item(hidden.Post.ID, moderation.KindReport)}); err != nil {
			t.Fatal(err)
		}
		if got := w.post(hidden.Post.ID); got.Status != forum.StatusVisible {
			t.Errorf("after dismissing its reports the post is %s", got.Status)
		}

		// A held post is approved and published.
		if _, err := w.svc.UpdateGroup(w.ctx, admin, "ptsd", moderation.GroupInput{Name: "PTSD & Trauma", Premod: forum.PremodAll}); err != nil {
			t.Fatal(err)
		}
		held := w.thread(author, "ptsd", "Waiting", "Words.")
		// Reports on it (only its author and the group's moderators see
		// it) are dismissed without publishing it: it still waits for
		// pre-moderation.
		w.report(w.moderator("gorse", "ptsd"), held.Post.ID, moderation.ReasonSpam, "")
		if _, err := w.svc.Dismiss(w.ctx, moderation.Request{Actor: mod, ItemID: w.item(held.Post.ID, moderation.KindReport)}); err != nil {
			t.Fatal(err)
		}
		if got := w.post(held.Post.ID); got.Status != forum.StatusHeld {
			t.Errorf("dismissing reports published a post pre-moderation holds: %s", got.Status)
		}
		out, err = w.svc.Dismiss(w.ctx, moderation.Request{Actor: mod, ItemID: w.item(held.Post.ID, moderation.KindHeld)})
		if err != nil || out.Action != moderation.ActionApprove {
			t.Fatalf("approve: %+v, %v", out, err)
		}
		if got := w.post(held.Post.ID); got.Status != forum.StatusVisible || got.ThreadStatus != forum.StatusVisible {
			t.Errorf("approved post %s in thread %s", got.Status, got.ThreadStatus)
		}
		ns := w.allNotices(author.ID)
		if last := ns[len(ns)-1]; !strings.Contains(last.Message, "approved") {
			t.Errorf("the author's last notice: %q", last.Message)
		}

		// Only staff handle items.
		_, err = w.svc.Dismiss(w.ctx, moderation.Request{Actor: author, ItemID: 1})
		wantForbidden(t, err)
		_, err = w.svc.Dismiss(w.ctx, moderation.Request{Actor: mod, ItemID: 987654})
		if !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("a missing item: %v", err)
		}
	})
}

// TestRemoveAndRestore checks that a removed post can be restored once,
// that an item must be about the post acted on, and that a moderator
// acts only in their groups.
func TestRemoveAndRestore(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mod := w.moderator("fern", "grief")
		author := w.member("birch")
		p := w.thread(author, "grief", "A thread", "Words.")
		other := w.thread(author, "grief", "Another", "Words.")
		w.report(w.member("cedar"), other.Post.ID, moderation.ReasonSpam, "")
		elsewhere := w.thread(author, "anxiety", "Elsewhere", "Words.")

		_, err := w.svc.Remove(w.ctx, p.Post.ID, moderation.Request{Actor: mod, ItemID: w.item(other.Post.ID, moderation.KindReport), Reason: "x"})
		if !errors.Is(err, forum.ErrNotFound) {
			t.Errorf("an item about another post: %v, want ErrNotFound", err)
		}
		_, err = w.svc.Remove(w.ctx, elsewhere.Post.ID, moderation.Request{Actor: mod, Reason: "x"})
		wantForbidden(t, err)
		_, err = w.svc.Remove(w.ctx, p.Post.ID, moderation.Request{Actor: author, Reason: "x"})
		wantForbidden(t, err)

		if _, err := w.svc.Remove(w.ctx, p.Post.ID, moderation.Request{Actor: mod, Reason: "Off topic"}); err != nil {
			t.Fatal(err)
		}
		out, err := w.svc.Restore(w.ctx, p.Post.ID, moderation.Request{Actor: mod, Reason: "On reflection, fine"})
		if err != nil || out.Message() != "Post restored." {
			t.Fatalf("restore: %q, %v", out.Message(), err)
		}
		if got := w.post(p.Post.ID); got.Status != forum.StatusVisible {
			t.Errorf("restored post is %s", got.Status)
		}
		_, err = w.svc.Restore(w.ctx, p.Post.ID, moderation.Request{Actor: mod})
		wantHandled(t, err, moderation.ActionRestore)
	})
}

// TestPostTags checks that moderators set trigger warnings from the
// vocabulary only, that an edit made on tags another moderator has since
// changed is refused, and that saving the same tags changes nothing.
func TestPostTags(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		mod := w.moderator("fern", "grief")
		author := w.member("birch")
		p := w.thread(author, "grief", "A thread", "Opening words.")
		reply := w.reply(author, p.Post.ThreadID, "A reply about a death.")
		r := moderation.Request{Actor: mod}

		_, err := w.svc.SetPostTags(w.ctx, reply.Post.ID, []string{"not-a-warning"}, nil, r)
		wantField(t, err, "trigger_warnings")
		seen := reply.Post.Tags
		out, err := w.svc.SetPostTags(w.ctx, reply.Post.ID, []string{"death-loss"}, &seen, r)
		if err != nil || !out.Changed {
			t.Fatalf("set tags: %+v, %v", out, err)
		}
		// A second moderator saves over the tags they saw before.
		_, err = w.svc.SetPostTags(w.ctx, reply.Post.ID, []string{"suicide"}, &seen, moderation.Request{Actor: w.moderator("gorse", "grief")})
		if !errors.Is(err, moderation.ErrTagsChanged) || !errors.Is(err, forum.ErrConflict) {
			t.Errorf("saving over changed tags: %v, want ErrTagsChanged", err)
		}
		out, err = w.svc.SetPostTags(w.ctx, reply.Post.ID, []string{"death-loss"}, nil, r)
		if err != nil || out.Changed || out.Message() != "Nothing needed changing." {
			t.Errorf("the same tags again: %+v, %v", out, err)
		}
		if got := w.post(reply.Post.ID); got.Tags != forum.MakeTags([]string{"death-loss"}) {
			t.Errorf("tags %q", got.Tags)
		}
		var detail string
		if err := db.R.Raw("SELECT detail FROM audit_log WHERE action = ? AND target_id = ?", moderation.ActionTagPost, reply.Post.ID).Scan(&detail).Error; err != nil || detail != "added death-loss" {
			t.Errorf("audit detail %q, %v", detail, err)
		}
	})
}
