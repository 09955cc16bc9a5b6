package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"hearth/pkg/auth"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestIrreversibleActionsAskFirst: the first submit of redacting a post or
// a thread, banning a member or archiving a group shows a confirmation
// step (what will happen, whether it can be undone, the reason, a button
// that sends the same form with confirm=yes and a way back) and changes
// nothing; a refused reason comes back first; confirmed, they go ahead.
func TestIrreversibleActionsAskFirst(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mod, siteMod := w.as(w.griefMod), w.as(w.siteMod)
		typed := formValues("reason", "Shares personal information", "reason_detail", "KEPT-DETAIL names a neighbour",
			"next", fmt.Sprintf("/t/%d#p-%d", w.thread.ID, w.reply))

		pageLacks(t, mod.Get(fmt.Sprintf("/t/%d", w.thread.ID)).Body, `name="confirm"`)

		r := mod.PostForm(fmt.Sprintf("/p/%d/redact", w.reply), typed)
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Redact this post?</h1>", "This can&#39;t be undone.", "KEPT-DETAIL names a neighbour",
			fmt.Sprintf(`action="/p/%d/redact"`, w.reply), `<input type="hidden" name="reason" value="Shares personal information">`,
			`<input type="hidden" name="confirm" value="yes">`, "Yes, redact the post",
			fmt.Sprintf(`<a class="button" href="/t/%d#p-%d">Cancel, change nothing</a>`, w.thread.ID, w.reply))
		if w.post(w.reply).Status != "visible" {
			t.Fatal("an unconfirmed redaction changed the post")
		}
		r = mod.PostForm(fmt.Sprintf("/p/%d/redact", w.reply), formValues("reason_detail", ""))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please give a reason")
		pageLacks(t, r.Body, "Redact this post?")

		r = mod.PostForm(fmt.Sprintf("/t/%d/redact", w.thread.ID), formValues("reason", "Shares personal information"))
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Redact this thread?</h1>", "This can&#39;t be undone.", fmt.Sprintf(`href="/t/%d">Cancel`, w.thread.ID))
		if w.post(w.opening).Status != "visible" {
			t.Fatal("an unconfirmed thread redaction changed the opening post")
		}

		r = siteMod.PostForm(fmt.Sprintf("/mod/users/%d/ban", w.author), formValues("reason", "Shares personal information"))
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Ban this member?</h1>", "until a moderator lifts the ban", fmt.Sprintf(`href="/mod/users/%d">Cancel`, w.author))
		pageLacks(t, r.Body, "This can&#39;t be undone.")
		if w.user(w.author).Status == auth.StatusBanned {
			t.Fatal("an unconfirmed ban banned the member")
		}

		confirmedForm := formValues("confirm", "yes", "reason", "Shares personal information")
		wantStatus(t, mod.PostForm(fmt.Sprintf("/p/%d/redact", w.reply), confirmedForm), http.StatusSeeOther)
		if w.post(w.reply).Status != "redacted" {
			t.Fatal("a confirmed redaction did not redact")
		}
		wantStatus(t, siteMod.PostForm(fmt.Sprintf("/mod/users/%d/ban", w.author), confirmedForm), http.StatusSeeOther)
		if w.user(w.author).Status != auth.StatusBanned {
			t.Fatal("a confirmed ban did not ban")
		}

		// Archiving a group: the list links to the step, and a form
		// without confirm=yes gets the same step.
		admin := w.as(w.admin)
		pageHas(t, admin.Get("/admin/groups").Body, `<a href="/admin/groups/grief/archive">Archive Grief`)
		for _, r := range []*forumtest.Response{admin.Get("/admin/groups/grief/archive"), admin.PostForm("/admin/groups/grief/archive", formValues())} {
			wantStatus(t, r, http.StatusOK)
			pageHas(t, r.Body, "<h1>Archive Grief &amp; Loss?</h1>", `action="/admin/groups/grief/archive"`, `name="confirm" value="yes"`, `<a class="button" href="/admin/groups">Keep it open`)
		}
		if forumtest.Group(t, db, "grief").Archived {
			t.Fatal("an unconfirmed archive archived the group")
		}
		wantRedirect(t, admin.PostForm("/admin/groups/grief/archive", formValues("confirm", "yes")), "/admin/groups")
		if !forumtest.Group(t, db, "grief").Archived {
			t.Fatal("a confirmed archive did not archive the group")
		}
	})
}

// TestAccountDeletionAsksFirst: the first submit, with a choice, shows the
// confirmation step, which says what the choice does and asks for the
// password; without a choice the form comes back. A wrong password comes
// back to the step with the choice kept; nothing changes until the right
// password confirms it.
func TestAccountDeletionAsksFirst(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		_, c := newApp(t, db)
		forumtest.SignUp(t, c, "sedge", goodPassword)
		uid := forumtest.UserID(t, db, "sedge")
		pageLacks(t, c.Get("/settings/delete").Body, `name="confirm"`, `name="current_password"`)

		r := c.PostForm("/settings/delete", url.Values{})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please choose what should happen to your posts.", `href="#mode"`)

		r = c.PostForm("/settings/delete", url.Values{"mode": {"erase"}})
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Delete your account for good?</h1>", "The words of your posts are erased.", "This can&#39;t be undone.",
			`<input type="hidden" name="mode" value="erase">`, `<input type="hidden" name="confirm" value="yes">`, `name="current_password"`,
			`href="/settings">Cancel, keep my account`)
		pageHas(t, c.PostForm("/settings/delete", url.Values{"mode": {"anonymise"}}).Body, "shown as by “former member”")

		r = c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"erase"}, "current_password": {"not my password"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "<h1>Delete your account for good?</h1>", `<input type="hidden" name="mode" value="erase">`, `href="#current_password"`)
		if countRows(t, db, "users", "id = ?", uid) != 1 || !loggedIn(t, c) {
			t.Fatal("an unconfirmed deletion changed something")
		}
		wantRedirect(t, c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"erase"}, "current_password": {goodPassword}}), "/goodbye")
		if countRows(t, db, "users", "id = ?", uid) != 0 {
			t.Fatal("a confirmed deletion left the account")
		}
	})
}
