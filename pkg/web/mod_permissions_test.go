package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// modRoutes are every moderation and administration route with a form
// that would change something if it were allowed.
func (w *modWorld) modRoutes(item int64) []struct {
	method, path string
	form         []string
} {
	return []struct {
		method, path string
		form         []string
	}{
		{"GET", "/mod", nil},
		{"GET", "/mod/audit", nil},
		{"GET", fmt.Sprintf("/mod/posts/%d", w.reply), nil},
		{"GET", fmt.Sprintf("/mod/threads/%d", w.thread.ID), nil},
		{"GET", fmt.Sprintf("/mod/users/%d", w.author), nil},
		{"POST", fmt.Sprintf("/mod/items/%d/dismiss", item), nil},
		{"POST", fmt.Sprintf("/p/%d/remove", w.reply), []string{"reason", "Spam or advertising"}},
		{"POST", fmt.Sprintf("/p/%d/restore", w.reply), nil},
		{"POST", fmt.Sprintf("/p/%d/redact", w.reply), []string{"reason", "Spam or advertising"}},
		{"POST", fmt.Sprintf("/p/%d/tags", w.reply), []string{"trigger_warnings", "suicide"}},
		{"POST", fmt.Sprintf("/t/%d/lock", w.thread.ID), []string{"reason", "x"}},
		{"POST", fmt.Sprintf("/t/%d/unlock", w.thread.ID), nil},
		{"POST", fmt.Sprintf("/t/%d/pin", w.thread.ID), nil},
		{"POST", fmt.Sprintf("/t/%d/unpin", w.thread.ID), nil},
		{"POST", fmt.Sprintf("/t/%d/redact", w.thread.ID), []string{"reason", "x"}},
		{"POST", fmt.Sprintf("/t/%d/move", w.thread.ID), []string{"group", "anxiety"}},
		{"POST", fmt.Sprintf("/t/%d/tags", w.thread.ID), []string{"trigger_warnings", "suicide"}},
		{"POST", fmt.Sprintf("/mod/users/%d/warn", w.author), []string{"reason", "x", "post", idStr(w.reply)}},
		{"POST", fmt.Sprintf("/mod/users/%d/suspend", w.author), []string{"reason", "x", "days", "3", "post", idStr(w.reply)}},
		{"POST", fmt.Sprintf("/mod/users/%d/ban", w.author), []string{"reason", "x", "post", idStr(w.reply)}},
		{"POST", fmt.Sprintf("/mod/users/%d/lift", w.author), nil},
		{"GET", "/admin", nil},
		{"GET", "/admin/groups", nil},
		{"GET", "/admin/groups/grief", nil},
		{"GET", "/admin/settings", nil},
		{"POST", "/admin/groups", []string{"slug", "new-group", "name", "New group"}},
		{"POST", "/admin/groups/grief", []string{"name", "Renamed"}},
		{"POST", "/admin/groups/grief/archive", nil},
		{"POST", "/admin/groups/grief/unarchive", nil},
		{"POST", "/admin/settings", []string{"report_threshold", "9"}},
		{"POST", "/admin/tags", []string{"slug", "new-tag", "name", "New tag"}},
		{"POST", "/admin/tags/suicide", []string{"name", "Renamed"}},
		{"GET", fmt.Sprintf("/p/%d/history", w.reply), nil},
		{"GET", "/admin/people", nil},
		{"GET", "/admin/people?q=Wren", nil},
		{"POST", fmt.Sprintf("/admin/people/%d/role", w.author), []string{"role", "moderator", "scope", "site", "reason", "x"}},
		{"GET", "/admin/helplines", nil},
		{"GET", "/admin/helplines/new", nil},
		{"POST", "/admin/helplines", []string{"name", "A helpline", "country", "GB", "phone", "116 123"}},
		{"GET", "/admin/helplines/1/edit", nil},
		{"POST", "/admin/helplines/1", []string{"name", "Renamed"}},
		{"POST", "/admin/helplines/1/delete", nil},
	}
}

// snapshot is everything moderation could change, to prove nothing did.
func (w *modWorld) snapshot() string {
	w.t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT COUNT(*) FROM audit_log", "SELECT COUNT(*) FROM sanctions", "SELECT COUNT(*) FROM member_notices",
		"SELECT COUNT(*) FROM groups", "SELECT COUNT(*) FROM tags", "SELECT COUNT(*) FROM queue_items WHERE status = 'open'",
		"SELECT COUNT(*) FROM helplines", "SELECT COUNT(*) FROM users WHERE role <> 'member'", "SELECT COUNT(*) FROM moderator_groups",
	} {
		var n int64
		w.db.R.Raw(q).Scan(&n)
		b.WriteString(q + "=" + idStr(n) + ";")
	}
	p, th, u := w.post(w.reply), w.threadRow(w.thread.ID), w.user(w.author)
	b.WriteString(p.Status + p.BodyMD + string(p.Tags) + th.Title + string(th.Tags) + idStr(th.GroupID) + string(u.Status))
	if th.Locked || th.Pinned {
		b.WriteString("locked-or-pinned")
	}
	var g struct{ Name, Archived string }
	w.db.R.Raw("SELECT name, CAST(archived AS TEXT) AS archived FROM groups WHERE slug = 'grief'").Scan(&g)
	var th2 string
	w.db.R.Raw("SELECT value FROM site_settings WHERE name = 'report_threshold'").Scan(&th2)
	return b.String() + g.Name + g.Archived + th2
}

func TestMemberRefusedEveryModerationRoute(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		item := w.item("report", w.reply, 30, "")
		before := w.snapshot()
		member := w.as(w.members[0])
		for _, rt := range w.modRoutes(item) {
			var r *forumtest.Response
			if rt.method == "GET" {
				r = member.Get(rt.path)
			} else {
				r = member.PostForm(rt.path, formValues(rt.form...))
			}
			if r.StatusCode != http.StatusForbidden {
				t.Errorf("member %s %s: %d, want 403", rt.method, rt.path, r.StatusCode)
			}
		}
		if after := w.snapshot(); after != before {
			t.Fatalf("a refused request changed something:\n%s\n%s", before, after)
		}
		// The attempts are logged, without the member's pseudonym.
		logs := w.logs.String()
		if !strings.Contains(logs, `msg=forbidden`) || !strings.Contains(logs, "route=/p/:id/redact") {
			t.Fatalf("refusals not logged:\n%s", logs)
		}
		if strings.Contains(logs, "Maple") {
			t.Fatal("the log names the member")
		}
		// A visitor is sent to log in (GET) or refused (POST).
		wantRedirect(t, w.as(0).Get("/mod"), "/login?next=%2Fmod")
		wantStatus(t, w.as(0).PostForm(fmt.Sprintf("/p/%d/remove", w.reply), formValues("reason", "x")), http.StatusForbidden)
	})
}

func TestModeratorsRefusedOutsideTheirScope(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		item := w.item("report", w.reply, 30, "")
		before := w.snapshot()
		// The anxiety moderator may not act in grief: every post, thread and
		// sanction route refuses, and the admin routes refuse moderators.
		other := w.as(w.anxietyMod)
		for _, rt := range w.modRoutes(item) {
			if rt.path == "/mod" || rt.path == "/mod/audit" || strings.HasPrefix(rt.path, "/mod/users/") && rt.method == "GET" {
				continue // their own queue and logs, and a member's record
			}
			var r *forumtest.Response
			if rt.method == "GET" {
				r = other.Get(rt.path)
			} else {
				r = other.PostForm(rt.path, formValues(rt.form...))
			}
			if r.StatusCode != http.StatusForbidden {
				t.Errorf("anxiety moderator %s %s: %d, want 403", rt.method, rt.path, r.StatusCode)
			}
		}
		if after := w.snapshot(); after != before {
			t.Fatalf("a refused request changed something:\n%s\n%s", before, after)
		}
		// Their queue does not show grief's items, and filtering for grief is refused.
		q := other.Get("/mod")
		wantStatus(t, q, http.StatusOK)
		pageLacks(t, q.Body, "Missing my dad tonight")
		wantStatus(t, other.Get("/mod?group=grief"), http.StatusForbidden)
		wantStatus(t, other.Get("/mod/audit?group=grief"), http.StatusForbidden)
	})
}

func TestRefusedBadTargetsAndSanctionsOnStaff(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		mod := w.as(w.siteMod)
		// Posts, threads, items and members that do not exist.
		for _, p := range []string{"/p/999999/remove", "/p/999999/redact", "/p/999999/restore", "/t/999999/lock", "/t/999999/redact",
			"/mod/items/999999/dismiss", "/mod/users/999999/warn", "/p/abc/remove"} {
			wantStatus(t, mod.PostForm(p, formValues("reason", "Spam or advertising")), http.StatusNotFound)
		}
		wantStatus(t, mod.Get("/mod/posts/999999"), http.StatusNotFound)
		// An item acted on from the wrong post.
		item := w.item("report", w.opening, 10, "")
		wantStatus(t, mod.PostForm(fmt.Sprintf("/p/%d/remove", w.reply), formValues("item", idStr(item), "reason", "x")), http.StatusNotFound)

		// Moderators never sanction an admin or another moderator; admins may
		// sanction moderators but nobody sanctions themselves.
		staffPost := w.insertReply(w.thread, w.admin, "admin reply", nil)
		modPost := w.insertReply(w.thread, w.griefMod, "moderator reply", nil)
		for _, c := range []struct {
			actor, target, post int64
		}{{w.siteMod, w.admin, staffPost}, {w.siteMod, w.griefMod, modPost}, {w.griefMod, w.siteMod, 0}, {w.admin, w.admin, 0}} {
			for _, action := range []string{"warn", "suspend", "ban"} {
				f := formValues("reason", "x", "days", "3", "confirm", "yes")
				if c.post > 0 {
					f.Set("post", idStr(c.post))
				}
				wantStatus(t, w.as(c.actor).PostForm(fmt.Sprintf("/mod/users/%d/%s", c.target, action), f), http.StatusForbidden)
			}
		}
		if n := countRows(w.t, w.db, "sanctions", "1 = 1"); n != 0 {
			t.Fatalf("%d sanctions given", n)
		}
		wantStatus(t, w.as(w.admin).PostForm(fmt.Sprintf("/mod/users/%d/warn", w.griefMod), formValues("reason", "x")), http.StatusSeeOther)
	})
}
