package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func TestProfileShowsOnlyWhatAnyoneMaySee(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "Sorrel", goodPassword)
		c.PostForm("/settings/country", url.Values{"country": {"GB"}})
		startThread(t, c, "grief", "A visible thread", "Words anyone may read.")
		startThread(t, c, "depression", "A tagged thread", "Words behind a warning.", "self-harm")
		held := startThread(t, c, "anxiety", "A held thread", "Words waiting for a moderator.")
		removed := startThread(t, c, "grief", "A removed thread", "Words a moderator removed.")
		db.W.Exec("UPDATE threads SET status = 'held' WHERE id = ?", held)
		db.W.Exec("UPDATE posts SET status = 'removed' WHERE thread_id = ?", removed)

		v := forumtest.NewClient(t, a.Web.Handler())
		r := v.Get("/u/Sorrel")
		wantStatus(t, r, http.StatusOK)
		month := time.Now().UTC().Format("January 2006")
		for _, want := range []string{"<h1>Sorrel</h1>", "Member since", month, "Words anyone may read.", "A visible thread", "Trigger warnings: Self-harm", "Words behind a warning."} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("profile lacks %q", want)
			}
		}
		if i, j := strings.Index(r.Body, "<details"), strings.Index(r.Body, "Words behind a warning."); i < 0 || j < i {
			t.Error("tagged post is not collapsed behind its warning")
		}
		for _, hidden := range []string{"waiting for a moderator", "A held thread", "a moderator removed", "United Kingdom", "GB", "member</", "active"} {
			if strings.Contains(r.Body, hidden) {
				t.Errorf("profile shows %q", hidden)
			}
		}
		// A reader's trigger-warning choices apply: shown plainly, or left out.
		reader := forumtest.NewClient(t, a.Web.Handler())
		forumtest.SignUp(t, reader, "reader_rd", goodPassword)
		rid := forumtest.UserID(t, db, "reader_rd")
		db.W.Exec("INSERT INTO tag_prefs (user_id, tag_slug, mode, updated_at) VALUES (?, 'self-harm', 'show', ?)", rid, time.Now().UTC())
		if r := reader.Get("/u/Sorrel"); !strings.Contains(r.Body, "Words behind a warning.") || strings.Contains(r.Body, "<details") {
			t.Fatalf("shown tag still collapsed:\n%s", r.Body)
		}
		db.W.Exec("UPDATE tag_prefs SET mode = 'hide' WHERE user_id = ?", rid)
		if r := reader.Get("/u/Sorrel"); strings.Contains(r.Body, "Words behind a warning.") || !strings.Contains(r.Body, "Words anyone may read.") {
			t.Fatalf("hidden tag shown:\n%s", r.Body)
		}
		// A blocked member's posts are not listed for the blocker.
		wantStatus(t, reader.PostForm("/u/Sorrel/block", nil), http.StatusSeeOther)
		if r := reader.Get("/u/Sorrel"); strings.Contains(r.Body, "Words anyone may read.") || !strings.Contains(r.Body, "You&#39;ve blocked Sorrel") {
			t.Fatalf("blocked member's profile:\n%s", r.Body)
		}
		if r := v.Get("/u/SORREL"); r.StatusCode != http.StatusMovedPermanently || r.Header.Get("Location") != "/u/Sorrel" {
			t.Fatalf("other spelling: %d to %q", r.StatusCode, r.Header.Get("Location"))
		}
		for _, name := range []string{"nobody_here", "%00", "%FF", strings.Repeat("a", 5000)} {
			if r := v.Get("/u/" + name); r.StatusCode != http.StatusNotFound {
				t.Errorf("/u/%.20s: %d", name, r.StatusCode)
			}
		}
	})
}

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
		if r := admin.Get("/admin/people"); !strings.Contains(r.Body, "sparrow</a>: moderator of Grief &amp; Loss, Anxiety") {
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

func TestSuspendedAndBannedMembersSeeWhyAndMayLeave(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, c := newApp(t, db)
		forumtest.SignUp(t, c, "bramble", goodPassword)
		uid := forumtest.UserID(t, db, "bramble")
		until := time.Now().UTC().Add(72 * time.Hour).Truncate(time.Second)
		db.W.Exec("UPDATE users SET status = 'suspended', status_until = ?, status_reason = ? WHERE id = ?", until, "Repeated personal attacks", uid)

		// Logging in still works, to read why.
		c = forumtest.NewClient(t, a.Web.Handler())
		wantRedirect(t, c.PostForm("/login", url.Values{"username": {"bramble"}, "password": {goodPassword}}), "/")
		for _, path := range []string{"/", "/g/grief", "/settings", "/settings/password", "/u/bramble", "/signup"} {
			r := c.Get(path)
			wantStatus(t, r, http.StatusForbidden)
			for _, want := range []string{"Your account is suspended", until.Format("2 January 2006 at 15:04 UTC"), "Repeated personal attacks", `href="/settings/export"`, `href="/settings/delete"`, `href="/crisis"`} {
				if !strings.Contains(r.Body, want) {
					t.Fatalf("%s: sanction page lacks %q:\n%s", path, want, r.Body)
				}
			}
		}
		wantStatus(t, c.PostForm("/settings/password", url.Values{"current_password": {goodPassword}, "password": {"a brand new password"}}), http.StatusForbidden)
		wantStatus(t, c.Get("/settings/export"), http.StatusOK)
		wantStatus(t, c.Get("/settings/delete"), http.StatusOK)
		wantStatus(t, c.Get("/crisis"), http.StatusOK)

		// Banned: the same, without an end date.
		db.W.Exec("UPDATE users SET status = 'banned', status_until = NULL, status_reason = ? WHERE id = ?", "Spam", uid)
		r := c.Get("/g/grief")
		wantStatus(t, r, http.StatusForbidden)
		if !strings.Contains(r.Body, "Your account is banned") || !strings.Contains(r.Body, "Spam") {
			t.Fatalf("ban page:\n%s", r.Body)
		}
		// An expired suspension is over.
		db.W.Exec("UPDATE users SET status = 'suspended', status_until = ?, status_reason = '' WHERE id = ?", time.Now().UTC().Add(-time.Hour), uid)
		wantStatus(t, c.Get("/"), http.StatusOK)
		db.W.Exec("UPDATE users SET status = 'banned', status_until = NULL WHERE id = ?", uid)
		wantRedirect(t, c.PostForm("/logout", nil), "/")
		wantStatus(t, c.Get("/"), http.StatusOK)
		// And a banned member may delete their account.
		c2 := forumtest.NewClient(t, a.Web.Handler())
		c2.PostForm("/login", url.Values{"username": {"bramble"}, "password": {goodPassword}})
		wantRedirect(t, c2.PostForm("/settings/delete", url.Values{"mode": {"erase"}, "current_password": {goodPassword}}), "/goodbye")
		if countRows(t, db, "users", "id = ?", uid) != 0 {
			t.Fatal("banned member could not delete their account")
		}
	})
}
