package web_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

func TestLockedThreadEndToEnd(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		replies := fmt.Sprintf("/t/%d/replies", w.thread.ID)
		member := w.as(w.members[0])
		pageHas(t, member.Get(page).Body, `action="`+replies+`"`)

		wantRedirect(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues("reason", "other", "reason_detail", "Letting this one rest")), page)
		r := member.Get(page)
		pageHas(t, r.Body, "Moderators have locked this thread", "Letting this one rest")
		pageLacks(t, r.Body, `action="`+replies+`"`)
		// Visitors are told it is locked, not invited to join and reply.
		r = forumtest.NewClient(t, w.app.Web.Handler()).Get(page)
		pageHas(t, r.Body, "This thread is locked, so nobody can reply to it.")
		pageLacks(t, r.Body, "to reply. It only takes a pseudonym")
		r = member.PostForm(replies, formValues("body", "my words stay with me"))
		wantStatus(t, r, http.StatusForbidden)
		pageHas(t, r.Body, "Moderators have locked this thread", "my words stay with me")
		// Moderators may still reply.
		replyTo(t, w.as(w.griefMod), w.thread.ID, 0, "A note from the moderators.")

		wantRedirect(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/t/%d/unlock", w.thread.ID), formValues()), page)
		pageLacks(t, member.Get(page).Body, "Moderators have locked this thread")
		replyTo(t, member, w.thread.ID, 0, "thank you all")
	})
}

func TestRedactThread(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		before := w.threadRow(w.thread.ID).Title + "\n\n" + w.post(w.opening).BodyMD
		r := w.as(w.griefMod).PostForm(fmt.Sprintf("/t/%d/redact", w.thread.ID), formValues())
		wantStatus(t, r, http.StatusUnprocessableEntity)
		r = w.as(w.griefMod).PostForm(fmt.Sprintf("/t/%d/redact", w.thread.ID), formValues("confirm", "yes", "reason", "other", "reason_detail", "identifies a third party"))
		wantRedirect(t, r, fmt.Sprintf("/t/%d", w.thread.ID))
		th := w.threadRow(w.thread.ID)
		if th.Title != moderation.RedactedTitle || th.Status != "redacted" || !th.Locked || th.LockReason != "identifies a third party" {
			t.Fatalf("thread %+v", th)
		}
		if p := w.post(w.opening); p.Status != "redacted" || strings.Contains(p.BodyMD, "Opening post") {
			t.Fatalf("opening post %+v", p)
		}
		if p := w.post(w.reply); p.Status != "visible" {
			t.Fatal("a reply was touched")
		}
		es := w.audits(moderation.ActionRedactThread)
		sum := sha256.Sum256([]byte(before))
		if len(es) != 1 || es[0].ContentSHA256 != hex.EncodeToString(sum[:]) || es[0].TargetType != "thread" {
			t.Fatalf("audit %+v", es)
		}
		// The author is told what happened and why.
		if ns := w.notices(w.author); len(ns) != 1 || !strings.Contains(ns[0].Message, "redacted your thread") || ns[0].Reason != "identifies a third party" {
			t.Fatalf("notices %+v", ns)
		}
		// The thread page and the thread list show the redacted title, not the original.
		tp := w.as(w.members[0]).Get(fmt.Sprintf("/t/%d", w.thread.ID))
		pageHas(t, tp.Body, "Redacted by moderators: identifies a third party", fmt.Sprintf(`id="p-%d"`, w.reply))
		pageLacks(t, tp.Body, "Missing my dad tonight", fmt.Sprintf(`action="/t/%d/replies"`, w.thread.ID))
		g := w.as(0).Get("/g/grief")
		pageHas(t, g.Body, moderation.RedactedTitle)
		pageLacks(t, g.Body, "Missing my dad tonight")
	})
}

func TestLockPinMoveAndTags(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mod := w.as(w.griefMod)
		wantRedirect(t, mod.PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues("reason", "other", "reason_detail", "Resting this one")), fmt.Sprintf("/t/%d", w.thread.ID))
		if th := w.threadRow(w.thread.ID); !th.Locked || th.LockReason != "Resting this one" {
			t.Fatalf("lock %+v", th)
		}
		r := w.as(w.siteMod).PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues())
		wantStatus(t, r, http.StatusConflict)
		pageHas(t, r.Body, "Thread locked.")
		wantStatus(t, mod.PostForm(fmt.Sprintf("/t/%d/unlock", w.thread.ID), formValues()), http.StatusSeeOther)
		if w.threadRow(w.thread.ID).Locked {
			t.Fatal("unlock did not unlock")
		}

		wantStatus(t, mod.PostForm(fmt.Sprintf("/t/%d/pin", w.thread.ID), formValues()), http.StatusSeeOther)
		if !w.threadRow(w.thread.ID).Pinned {
			t.Fatal("not pinned")
		}
		wantStatus(t, mod.PostForm(fmt.Sprintf("/t/%d/pin", w.thread.ID), formValues()), http.StatusConflict)
		wantStatus(t, mod.PostForm(fmt.Sprintf("/t/%d/unpin", w.thread.ID), formValues()), http.StatusSeeOther)
		if w.threadRow(w.thread.ID).Pinned {
			t.Fatal("not unpinned")
		}
		for _, a := range []string{moderation.ActionLock, moderation.ActionUnlock, moderation.ActionPin, moderation.ActionUnpin} {
			if n := len(w.audits(a)); n != 1 {
				t.Fatalf("%d %s audit rows", n, a)
			}
		}

		// Tags on a post and on the thread; unknown tags are refused.
		wantStatus(t, mod.PostForm(fmt.Sprintf("/p/%d/tags", w.reply), formValues("trigger_warnings", "self-harm", "trigger_warnings", "suicide")), http.StatusSeeOther)
		if got := w.post(w.reply).Tags; got != forum.MakeTags([]string{"self-harm", "suicide"}) {
			t.Fatalf("post tags %q", got)
		}
		r = mod.PostForm(fmt.Sprintf("/p/%d/tags", w.reply), formValues("trigger_warnings", "not-a-tag"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please choose trigger warnings from the list.")
		wantRedirect(t, mod.PostForm(fmt.Sprintf("/t/%d/tags", w.thread.ID), formValues("trigger_warnings", "death-loss", "next", "/mod")), "/mod")
		if th, p := w.threadRow(w.thread.ID), w.post(w.opening); th.Tags != ",death-loss," || p.Tags != ",death-loss," {
			t.Fatalf("thread tags %q, opening post %q", th.Tags, p.Tags)
		}
		es := w.audits(moderation.ActionTagPost)
		if len(es) != 1 || es[0].Detail != "added self-harm, suicide" {
			t.Fatalf("tag audit %+v", es)
		}

		// Move: a grief-only moderator cannot move into anxiety; a site-wide one can.
		grief, anxiety := forumtest.Group(t, db, "grief"), forumtest.Group(t, db, "anxiety")
		wantStatus(t, mod.PostForm(fmt.Sprintf("/t/%d/move", w.thread.ID), formValues("group", "anxiety")), http.StatusForbidden)
		r = w.as(w.siteMod).PostForm(fmt.Sprintf("/t/%d/move", w.thread.ID), formValues("group", "grief"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "already in Grief")
		wantStatus(t, w.as(w.siteMod).PostForm(fmt.Sprintf("/t/%d/move", w.thread.ID), formValues("group", "anxiety")), http.StatusSeeOther)
		if th := w.threadRow(w.thread.ID); th.GroupID != anxiety.ID {
			t.Fatalf("thread in group %d", th.GroupID)
		}
		if n := countRows(w.t, w.db, "posts", "thread_id = ? AND group_id <> ?", w.thread.ID, anxiety.ID); n != 0 {
			t.Fatalf("%d posts left behind", n)
		}
		g2, a2 := forumtest.Group(t, db, "grief"), forumtest.Group(t, db, "anxiety")
		if g2.ThreadCount != grief.ThreadCount-1 || a2.ThreadCount != anxiety.ThreadCount+1 || g2.PostCount != grief.PostCount-2 || a2.PostCount != anxiety.PostCount+2 {
			t.Fatalf("counters grief %d/%d -> %d/%d, anxiety %d/%d -> %d/%d", grief.ThreadCount, grief.PostCount, g2.ThreadCount, g2.PostCount,
				anxiety.ThreadCount, anxiety.PostCount, a2.ThreadCount, a2.PostCount)
		}
		// Now the grief moderator no longer moderates it.
		wantStatus(t, mod.PostForm(fmt.Sprintf("/t/%d/lock", w.thread.ID), formValues()), http.StatusForbidden)
	})
}
