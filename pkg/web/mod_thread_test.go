package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestThreadPageControlsForModeratorsOnly(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		r := w.as(w.griefMod).Get(page)
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "Moderate this thread", "Moderate this post", fmt.Sprintf(`action="/p/%d/remove"`, w.reply), fmt.Sprintf(`action="/p/%d/redact"`, w.reply),
			fmt.Sprintf(`action="/t/%d/lock"`, w.thread.ID), fmt.Sprintf(`action="/t/%d/pin"`, w.thread.ID), fmt.Sprintf(`action="/t/%d/redact"`, w.thread.ID),
			fmt.Sprintf(`href="/mod/threads/%d"`, w.thread.ID), fmt.Sprintf(`href="/mod/posts/%d"`, w.reply))
		for _, c := range []*forumtest.Client{w.as(w.members[0]), w.as(w.anxietyMod), w.as(0)} {
			pageLacks(t, c.Get(page).Body, "Moderate this thread", "Moderate this post", "/remove\"")
		}
	})
}

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

func TestRedactedAndRemovedPostsOnTheThreadPage(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		other := w.insertReply(w.thread, w.members[1], "Quiet words about the harbour", nil)
		w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/redact", w.reply), formValues("reason", "Shares personal information"))
		w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/remove", other), formValues("reason", "Spam or advertising"))
		page := fmt.Sprintf("/t/%d", w.thread.ID)
		for _, c := range []*forumtest.Client{w.as(0), w.as(w.members[0])} {
			r := c.Get(page)
			wantStatus(t, r, http.StatusOK)
			pageHas(t, r.Body, "Redacted by moderators: Shares personal information", fmt.Sprintf(`id="p-%d"`, w.reply))
			pageLacks(t, r.Body, "lighthouse", "harbour")
		}
		pageLacks(t, w.as(0).Get("/search?q=lighthouse").Body, "lighthouse keeper")
	})
}

func TestSuspendedMemberCannotPost(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/mod/users/%d/suspend", w.author), formValues("post", idStr(w.reply), "days", "2", "reason", "Spam or advertising")), http.StatusSeeOther)
		// Logging in again does not lift it.
		author := w.as(w.author)
		r := author.PostForm(fmt.Sprintf("/t/%d/replies", w.thread.ID), formValues("body", "let me back in"))
		wantStatus(t, r, http.StatusForbidden)
		if n := countRows(w.t, w.db, "posts", "body_md = ?", "let me back in"); n != 0 {
			t.Fatal("a suspended member posted")
		}
		// The accounts gate explains the suspension; the notice, which can't be
		// dismissed from there, waits until it is lifted.
		page := author.Get("/")
		pageHas(t, page.Body, "Your account is suspended", "Spam or advertising")
		pageLacks(t, page.Body, "A message from the moderators")
		wantStatus(t, w.as(w.siteMod).PostForm(fmt.Sprintf("/mod/users/%d/lift", w.author), formValues()), http.StatusSeeOther)
		pageHas(t, author.Get("/").Body, "A message from the moderators", "suspended until", "lifted the restriction")
	})
}
