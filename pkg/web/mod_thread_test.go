package web_test

import (
	"net/http"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestThreadPageControlsForModeratorsOnly(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		page := modPath("/t/%d", w.thread.ID)
		r := w.as(w.griefMod).Get(page)
		modExpect(t, r, http.StatusOK, "")
		modHas(t, r.Body, "Moderate this thread", "Moderate this post", modPath(`action="/p/%d/remove"`, w.reply), modPath(`action="/p/%d/redact"`, w.reply),
			modPath(`action="/t/%d/lock"`, w.thread.ID), modPath(`action="/t/%d/pin"`, w.thread.ID), modPath(`action="/t/%d/redact"`, w.thread.ID),
			modPath(`href="/mod/threads/%d"`, w.thread.ID), modPath(`href="/mod/posts/%d"`, w.reply))
		for _, c := range []*forumtest.Client{w.as(w.members[0]), w.as(w.anxietyMod), w.as(0)} {
			modLacks(t, c.Get(page).Body, "Moderate this thread", "Moderate this post", "/remove\"")
		}
	})
}

func TestLockedThreadEndToEnd(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		page := modPath("/t/%d", w.thread.ID)
		replies := modPath("/t/%d/replies", w.thread.ID)
		member := w.as(w.members[0])
		modHas(t, member.Get(page).Body, `action="`+replies+`"`)

		modExpect(t, w.as(w.griefMod).PostForm(modPath("/t/%d/lock", w.thread.ID), modForm("reason", "other", "reason_detail", "Letting this one rest")), http.StatusSeeOther, page)
		r := member.Get(page)
		modHas(t, r.Body, "Moderators have locked this thread", "Letting this one rest")
		modLacks(t, r.Body, `action="`+replies+`"`)
		r = member.PostForm(replies, modForm("body", "my words stay with me"))
		modExpect(t, r, http.StatusForbidden, "")
		modHas(t, r.Body, "Moderators have locked this thread", "my words stay with me")
		// Moderators may still reply.
		r = w.as(w.griefMod).PostForm(replies, modForm("body", "A note from the moderators."))
		modExpect(t, r, http.StatusSeeOther, page)

		modExpect(t, w.as(w.griefMod).PostForm(modPath("/t/%d/unlock", w.thread.ID), modForm()), http.StatusSeeOther, page)
		modLacks(t, member.Get(page).Body, "Moderators have locked this thread")
		modExpect(t, member.PostForm(replies, modForm("body", "thank you all")), http.StatusSeeOther, page)
	})
}

func TestRedactedAndRemovedPostsOnTheThreadPage(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		other := w.insertReply(w.thread, w.members[1], "Quiet words about the harbour", nil)
		w.as(w.griefMod).PostForm(modPath("/p/%d/redact", w.reply), modForm("reason", "Shares personal information"))
		w.as(w.griefMod).PostForm(modPath("/p/%d/remove", other), modForm("reason", "Spam or advertising"))
		page := modPath("/t/%d", w.thread.ID)
		for _, c := range []*forumtest.Client{w.as(0), w.as(w.members[0])} {
			r := c.Get(page)
			modExpect(t, r, http.StatusOK, "")
			modHas(t, r.Body, "Redacted by moderators: Shares personal information", modPath(`id="p-%d"`, w.reply))
			modLacks(t, r.Body, "lighthouse", "harbour")
		}
		modLacks(t, w.as(0).Get("/search?q=lighthouse").Body, "lighthouse keeper")
	})
}

func TestSuspendedMemberCannotPost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		modExpect(t, w.as(w.griefMod).PostForm(modPath("/mod/users/%d/suspend", w.author), modForm("post", modItoa(w.reply), "days", "2", "reason", "Spam or advertising")), http.StatusSeeOther, "")
		// Logging in again does not lift it.
		author := w.as(w.author)
		r := author.PostForm(modPath("/t/%d/replies", w.thread.ID), modForm("body", "let me back in"))
		modExpect(t, r, http.StatusForbidden, "")
		if n := w.count("posts", "body_md = ?", "let me back in"); n != 0 {
			t.Fatal("a suspended member posted")
		}
		// The accounts gate explains the suspension; the notice, which can't be
		// dismissed from there, waits until it is lifted.
		page := author.Get("/")
		modHas(t, page.Body, "Your account is suspended", "Spam or advertising")
		modLacks(t, page.Body, "A message from the moderators")
		modExpect(t, w.as(w.siteMod).PostForm(modPath("/mod/users/%d/lift", w.author), modForm()), http.StatusSeeOther, "")
		modHas(t, author.Get("/").Body, "A message from the moderators", "suspended until", "lifted the restriction")
	})
}
