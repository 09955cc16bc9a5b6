package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

func TestMemberCannotReachPeopleAdmin(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "magpie", goodPassword)
		target := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, target, "jackdaw", goodPassword)
		tid := forumtest.UserID(t, db, "jackdaw")
		self := forumtest.UserID(t, db, "magpie")
		wantStatus(t, c.Get("/admin/people"), http.StatusForbidden)
		wantStatus(t, c.Get("/admin/people?q=jackdaw"), http.StatusForbidden)
		for _, id := range []int64{tid, self} {
			r := c.PostForm("/admin/people/"+strconv.FormatInt(id, 10)+"/role", url.Values{"role": {"moderator"}, "scope": {"site"}, "reason": {"promote me"}})
			wantStatus(t, r, http.StatusForbidden)
		}
		visitor := forumtest.NewClient(t, a.Web.Handler())
		if r := visitor.Get("/admin/people"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
			t.Fatalf("visitor: %d", r.StatusCode)
		}
		wantStatus(t, visitor.PostForm("/admin/people/"+strconv.FormatInt(tid, 10)+"/role", url.Values{"role": {"moderator"}, "scope": {"site"}, "reason": {"x"}}), http.StatusForbidden)
		if countRows(t, db, "users", "role <> 'member'") != 0 || countRows(t, db, "audit_log", "") != 0 || !loggedIn(t, target) {
			t.Fatal("a refused role change changed something")
		}
	})
}

func TestAdminGrantsAndRevokesModeratorWithAudit(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, admin := newApp(t, db)
		forumtest.SignUp(t, admin, "keeper", goodPassword)
		aid := forumtest.UserID(t, db, "keeper")
		db.W.Exec("UPDATE users SET role = 'admin' WHERE id = ?", aid)
		member := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, member, "sparrow", goodPassword)
		sid := forumtest.UserID(t, db, "sparrow")
		grief, anxiety := forumtest.Group(t, db, "grief"), forumtest.Group(t, db, "anxiety")
		rolePath := "/admin/people/" + strconv.FormatInt(sid, 10) + "/role"

		r := admin.Get("/admin/people?q=SPARROW")
		wantStatus(t, r, http.StatusOK)
		if !strings.Contains(r.Body, `href="/u/sparrow"`) || !strings.Contains(r.Body, `action="`+rolePath+`"`) || !strings.Contains(r.Body, "Grief &amp; Loss") {
			t.Fatalf("people page:\n%s", r.Body)
		}
		if r := admin.Get("/admin/people?q=nobody_here"); !strings.Contains(r.Body, "No member is called") {
			t.Fatal("unknown name not answered")
		}

		// Refusals change nothing.
		for _, form := range []url.Values{
			{"role": {"moderator"}, "scope": {"groups"}, "groups": {strconv.FormatInt(grief.ID, 10)}, "reason": {"  "}},
			{"role": {"moderator"}, "scope": {"groups"}, "reason": {"no groups chosen"}},
			{"role": {"admin"}, "scope": {"site"}, "reason": {"not through this form"}},
			{"role": {"member"}, "reason": {"already a member"}},
			{"role": {"moderator"}, "scope": {"site"}, "reason": {"\x00\x01"}},
			{"role": {"moderator"}, "scope": {"site"}, "reason": {"bad \xff bytes"}},
			{"role": {"moderator"}, "scope": {"site"}, "reason": {strings.Repeat("long ", 101)}},
		} {
			wantStatus(t, admin.PostForm(rolePath, form), http.StatusUnprocessableEntity)
		}
		wantStatus(t, admin.PostForm("/admin/people/"+strconv.FormatInt(aid, 10)+"/role", url.Values{"role": {"member"}, "reason": {"myself"}}), http.StatusUnprocessableEntity)
		wantStatus(t, admin.PostForm("/admin/people/999999/role", url.Values{"role": {"member"}, "reason": {"x"}}), http.StatusNotFound)
		wantStatus(t, admin.PostForm("/admin/people/abc/role", url.Values{"role": {"member"}, "reason": {"x"}}), http.StatusNotFound)
		if countRows(t, db, "audit_log", "") != 0 || countRows(t, db, "users", "id = ? AND role = 'member'", sid) != 1 {
			t.Fatal("a refused change changed something")
		}

		// Grant: moderator of two groups (a NUL in the reason is dropped).
		r = admin.PostForm(rolePath, url.Values{"role": {"moderator"}, "scope": {"groups"}, "groups": {strconv.FormatInt(grief.ID, 10), strconv.FormatInt(anxiety.ID, 10), "junk"}, "reason": {"Trusted, kind,\x00 active for a year"}})
		wantRedirect(t, r, "/admin/people?q=sparrow")
		if countRows(t, db, "users", "id = ? AND role = 'moderator' AND moderator_site_wide = ?", sid, false) != 1 || countRows(t, db, "moderator_groups", "user_id = ?", sid) != 2 {
			t.Fatal("role not granted")
		}
		if countRows(t, db, "audit_log", "actor_id = ? AND action = 'role.grant' AND target_type = 'user' AND target_id = ? AND reason = ?", aid, sid, "Trusted, kind, active for a year") != 1 {
			t.Fatal("no audit row for the grant")
		}
		// The member's token is renewed: their session ended.
		if loggedIn(t, member) || countRows(t, db, "sessions", "user_id = ?", sid) != 0 {
			t.Fatal("role change did not end the member's sessions")
		}
		if r := admin.Get("/admin/people"); !strings.Contains(r.Body, "sparrow</bdi></a>: moderator of Grief &amp; Loss, Anxiety") {
			t.Fatalf("staff list:\n%s", r.Body)
		}

		// Site-wide, then back to member.
		wantRedirect(t, admin.PostForm(rolePath, url.Values{"role": {"moderator"}, "scope": {"site"}, "reason": {"Covering every group"}}), "/admin/people?q=sparrow")
		if countRows(t, db, "users", "id = ? AND moderator_site_wide = ?", sid, true) != 1 || countRows(t, db, "moderator_groups", "user_id = ?", sid) != 0 {
			t.Fatal("site-wide not applied")
		}
		wantRedirect(t, admin.PostForm(rolePath, url.Values{"role": {"member"}, "reason": {"Stepping back"}}), "/admin/people?q=sparrow")
		if countRows(t, db, "users", "id = ? AND role = 'member' AND moderator_site_wide = ?", sid, false) != 1 {
			t.Fatal("role not taken back")
		}
		if countRows(t, db, "audit_log", "action = 'role.revoke' AND target_id = ? AND reason = ?", sid, "Stepping back") != 1 || countRows(t, db, "audit_log", "") != 3 {
			t.Fatal("audit rows for the changes missing")
		}
	})
}

// TestAdminFindsMemberSeesSanctionsAndLiftsThem: from the people page an
// admin reaches a member's standing and sanctions, and lifts a suspension.
func TestAdminFindsMemberSeesSanctionsAndLiftsThem(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/mod/users/%d/suspend", w.author),
			formValues("post", idStr(w.reply), "days", "5", "reason", "Harassment or bullying")), http.StatusSeeOther)
		admin := w.as(w.admin)
		r := admin.Get("/admin/people?q=wren")
		wantStatus(t, r, http.StatusOK)
		record := fmt.Sprintf("/mod/users/%d", w.author)
		pageHas(t, r.Body, "suspended", "Harassment or bullying", `href="`+record+`"`)

		r = admin.Get(record)
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "Wren&#39;s moderation record", "suspension: Harassment or bullying", "Member suspended", "Lift the suspension",
			`action="`+record+`/lift"`)
		wantRedirect(t, admin.PostForm(record+"/lift", formValues("reason", "other", "reason_detail", "Talked it through")), record)
		if u := w.user(w.author); u.Status != "active" || u.StatusUntil != nil {
			t.Fatalf("lifted member %+v", u)
		}
		es := w.audits(moderation.ActionLift)
		if len(es) != 1 || *es[0].ActorID != w.admin || es[0].Reason != "Talked it through" {
			t.Fatalf("lift audit %+v", es)
		}
		pageHas(t, admin.Get(record).Body, "suspension: Harassment or bullying", "lifted")
		pageLacks(t, admin.Get(record).Body, "Lift the suspension")
	})
}
