package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

func (w *modWorld) user(id int64) auth.User {
	w.t.Helper()
	var u auth.User
	if err := w.db.R.Where("id = ?", id).Take(&u).Error; err != nil {
		w.t.Fatal(err)
	}
	return u
}

func TestSuspendBanAndLift(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		author := w.as(w.author)
		wantStatus(t, author.Get("/settings"), http.StatusOK)
		mod := w.as(w.griefMod)
		r := mod.PostForm(fmt.Sprintf("/mod/users/%d/suspend", w.author), formValues("post", idStr(w.reply), "days", "0", "reason", "Spam or advertising"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "between 1 and 365 days")
		r = mod.PostForm(fmt.Sprintf("/mod/users/%d/suspend", w.author), formValues("post", idStr(w.reply), "days", "7", "reason", "Spam or advertising"))
		wantStatus(t, r, http.StatusSeeOther)
		u := w.user(w.author)
		if u.Status != auth.StatusSuspended || u.StatusUntil == nil || u.StatusReason != "Spam or advertising" ||
			time.Until(*u.StatusUntil) < 6*24*time.Hour || time.Until(*u.StatusUntil) > 8*24*time.Hour {
			t.Fatalf("suspended user %+v", u)
		}
		if n := countRows(w.t, w.db, "sessions", "user_id = ?", w.author); n != 0 {
			t.Fatalf("%d sessions survive the suspension", n)
		}
		// The old browser is a visitor now.
		wantRedirect(t, author.Get("/settings"), "/login?next=%2Fsettings")

		// A group moderator cannot ban without a post in their group (site-wide).
		wantStatus(t, mod.PostForm(fmt.Sprintf("/mod/users/%d/ban", w.author), formValues("confirm", "yes", "reason", "Spam or advertising")), http.StatusForbidden)
		r = w.as(w.siteMod).PostForm(fmt.Sprintf("/mod/users/%d/ban", w.author), formValues("confirm", "yes", "reason", "Spam or advertising"))
		wantRedirect(t, r, fmt.Sprintf("/mod/users/%d", w.author))
		if u := w.user(w.author); u.Status != auth.StatusBanned || u.StatusUntil != nil {
			t.Fatalf("banned user %+v", u)
		}
		wantStatus(t, w.as(w.siteMod).PostForm(fmt.Sprintf("/mod/users/%d/ban", w.author), formValues("confirm", "yes", "reason", "again")), http.StatusConflict)
		page := w.as(w.siteMod).Get(fmt.Sprintf("/mod/users/%d", w.author))
		pageHas(t, page.Body, "Wren", "banned", "suspension", "Lift the ban")

		// A refused site-wide sanction re-renders the member's page with the message.
		r = w.as(w.siteMod).PostForm(fmt.Sprintf("/mod/users/%d/warn", w.author), formValues("reason_detail", "  "))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please give a reason", "Wren&#39;s moderation record")
		wantStatus(t, w.as(w.siteMod).PostForm(fmt.Sprintf("/mod/users/%d/lift", w.author), formValues()), http.StatusSeeOther)
		if u := w.user(w.author); u.Status != auth.StatusActive || u.StatusUntil != nil {
			t.Fatalf("lifted user %+v", u)
		}
		if n := countRows(w.t, w.db, "sanctions", "user_id = ? AND lifted_at IS NULL AND kind <> 'warning'", w.author); n != 0 {
			t.Fatalf("%d sanctions not lifted", n)
		}
		for _, a := range []string{moderation.ActionSuspend, moderation.ActionBan, moderation.ActionLift} {
			if n := len(w.audits(a)); n != 1 {
				t.Fatalf("%d %s rows", n, a)
			}
		}
		ns := w.notices(w.author)
		if len(ns) != 3 || !strings.Contains(ns[0].Message, "suspended until") || !strings.Contains(ns[1].Message, "banned") {
			t.Fatalf("notices %+v", ns)
		}
	})
}
