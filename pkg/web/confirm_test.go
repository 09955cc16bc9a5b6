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

// TestIrreversibleActionsAskFirst: redacting a post or a thread, banning a
// member, archiving a group and deleting one's account each refuse a form
// without its ticked confirm box (422, the message beside the box, the
// moderator's reason or the member's choice still in the form) and change
// nothing; ticked, they go ahead.
func TestIrreversibleActionsAskFirst(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mod, siteMod := w.as(w.griefMod), w.as(w.siteMod)
		typed := formValues("reason", "Shares personal information", "reason_detail", "KEPT-DETAIL names a neighbour")

		page := mod.Get(fmt.Sprintf("/t/%d", w.thread.ID)).Body
		pageHas(t, page, `name="confirm" value="yes"`, "Yes, replace this post&#39;s words for good", "Yes, replace the thread&#39;s title and opening post for good")

		r := mod.PostForm(fmt.Sprintf("/p/%d/redact", w.reply), typed)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Tick the box to confirm: redacting can&#39;t be undone.", "KEPT-DETAIL names a neighbour",
			`<option value="Shares personal information" selected>`, `aria-invalid="true"`)
		if w.post(w.reply).Status != "visible" {
			t.Fatal("an unconfirmed redaction changed the post")
		}
		r = mod.PostForm(fmt.Sprintf("/p/%d/redact", w.reply), formValues("reason_detail", ""))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Tick the box to confirm", "Please give a reason")

		r = mod.PostForm(fmt.Sprintf("/t/%d/redact", w.thread.ID), typed)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Tick the box to confirm: redacting the thread can&#39;t be undone.", "KEPT-DETAIL names a neighbour")
		if w.post(w.opening).Status != "visible" {
			t.Fatal("an unconfirmed thread redaction changed the opening post")
		}

		r = siteMod.PostForm(fmt.Sprintf("/mod/users/%d/ban", w.author), typed)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Tick the box to confirm the ban.", "KEPT-DETAIL names a neighbour", "Yes, ban this member from Hearth")
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

		// Archiving a group: the list links to a page that asks.
		admin := w.as(w.admin)
		pageHas(t, admin.Get("/admin/groups").Body, `<a href="/admin/groups/grief/archive">Archive Grief`)
		page = admin.Get("/admin/groups/grief/archive").Body
		pageHas(t, page, "<h1>Archive Grief", `name="confirm" value="yes"`, `action="/admin/groups/grief/archive"`)
		r = admin.PostForm("/admin/groups/grief/archive", formValues())
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Tick the box to confirm that members will no longer be able to post in this group.", `class="error-summary"`)
		if forumtest.Group(t, db, "grief").Archived {
			t.Fatal("an unconfirmed archive archived the group")
		}
	})
}

// TestAccountDeletionAsksFirst: without the ticked box the deletion is
// refused before the password is checked, the chosen choice stays chosen,
// and the account is untouched.
func TestAccountDeletionAsksFirst(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		_, c := newApp(t, db)
		forumtest.SignUp(t, c, "sedge", goodPassword)
		uid := forumtest.UserID(t, db, "sedge")
		pageHas(t, c.Get("/settings/delete").Body, `<input type="checkbox" id="confirm" name="confirm" value="yes"`, "Yes, delete my account for good")
		r := c.PostForm("/settings/delete", url.Values{"mode": {"erase"}, "current_password": {goodPassword}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Tick the box to confirm that your account will be deleted for good.", `value="erase" checked`, `href="#confirm"`)
		if countRows(t, db, "users", "id = ?", uid) != 1 || !loggedIn(t, c) {
			t.Fatal("an unconfirmed deletion changed something")
		}
		wantRedirect(t, c.PostForm("/settings/delete", url.Values{"confirm": {"yes"}, "mode": {"erase"}, "current_password": {goodPassword}}), "/goodbye")
	})
}
