package web_test

import (
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestSitePagesDefaultsAndAdminEditing: /about, /guidelines, /privacy and
// /terms show Hearth's default text to everyone; an admin's Markdown is
// rendered and sanitised once, shown to all, audited, kept as typed when
// refused, and restored to the default only once confirmed. Nobody but an
// admin may edit.
func TestSitePagesDefaultsAndAdminEditing(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		visitor := forumtest.NewClient(t, w.app.Web.Handler())
		for path, title := range map[string]string{"/about": "About Hearth", "/guidelines": "Community guidelines", "/privacy": "Privacy notice", "/terms": "Terms of use"} {
			r := visitor.Get(path)
			wantStatus(t, r, http.StatusOK)
			pageHas(t, r.Body, "<h1>"+title+"</h1>", `<footer`, `href="/privacy">Privacy</a>`)
		}
		pageHas(t, visitor.Get("/about").Body, "not an emergency service", `href="/crisis"`)
		pageHas(t, visitor.Get("/terms").Body, "Hearth is for people aged 16 and over.")
		pageLacks(t, visitor.Get("/about").Body, "Edit this page", "Last changed")

		// Members and moderators may not edit.
		for _, c := range []*forumtest.Client{visitor, w.as(w.members[0]), w.as(w.griefMod)} {
			if r := c.Get("/admin/pages/about"); r.StatusCode == http.StatusOK {
				t.Errorf("a non-admin opened the editor")
			}
			c.PostForm("/admin/pages/about", formValues("body", "Hijacked"))
		}
		pageLacks(t, visitor.Get("/about").Body, "Hijacked")

		admin := w.as(w.admin)
		r := admin.Get("/admin/pages")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, `href="/admin/pages/about"`, `href="/admin/pages/terms"`, "default text")
		r = admin.Get("/admin/pages/about")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, `<textarea id="body" name="body"`, "Hearth is a peer-support community")
		pageLacks(t, r.Body, `action="/admin/pages/about/restore"`)
		wantStatus(t, admin.Get("/admin/pages/nowhere"), http.StatusNotFound)

		// A refused text comes back as typed.
		long := strings.Repeat("x", moderation.MaxSitePage+1)
		r = admin.PostForm("/admin/pages/about", formValues("body", long))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please keep the page under", long)
		r = admin.PostForm("/admin/pages/about", formValues("body", "   "))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please write the page")

		md := "## Who we are\n\nRun by the *Riverside* peer group. <script>alert(1)</script> [site](javascript:alert(1)) <b onclick=x>hi</b>"
		wantRedirect(t, admin.PostForm("/admin/pages/about", formValues("body", md)), "/about")
		r = visitor.Get("/about")
		pageHas(t, r.Body, "<h2>Who we are</h2>", "<em>Riverside</em>", "Last changed")
		pageLacks(t, r.Body, "<script>alert", `href="javascript:`, "<b onclick", "People, not professionals")
		if n := countRows(t, db, "site_pages", "slug = ?", "about"); n != 1 {
			t.Fatalf("site_pages rows for about: %d", n)
		}
		var html string
		db.R.Raw("SELECT html FROM site_pages WHERE slug = 'about'").Scan(&html)
		if !strings.Contains(html, "Who we are</h") || !strings.Contains(html, "<em>Riverside</em>") {
			t.Fatalf("the page was not rendered on save: %q", html)
		}
		if len(w.audits(moderation.ActionSettings)) != 1 {
			t.Fatalf("the edit was not audited")
		}

		// Restoring needs the box ticked.
		r = admin.PostForm("/admin/pages/about/restore", formValues())
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Tick the box to confirm", "Who we are")
		pageHas(t, visitor.Get("/about").Body, "Riverside")
		wantRedirect(t, admin.PostForm("/admin/pages/about/restore", formValues("confirm", "yes")), "/about")
		pageHas(t, visitor.Get("/about").Body, "People, not professionals")
		if n := countRows(t, db, "site_pages", "slug = ?", "about"); n != 0 {
			t.Fatalf("restoring left %d rows", n)
		}
	})
}

// TestSignupAgeConfirmation: signup asks members to confirm the minimum
// age (16 unless an admin chose another) with a field named age_confirmed;
// without it the form is refused with the pseudonym kept and no account
// made; admins change the age at /admin/settings, and refused values come
// back as typed.
func TestSignupAgeConfirmation(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		c := forumtest.NewClient(t, w.app.Web.Handler())
		r := c.Get("/signup")
		pageHas(t, r.Body, `<input type="checkbox" id="age_confirmed" name="age_confirmed" value="yes" required`, `<label for="age_confirmed">I am 16 or older</label>`,
			`href="/terms"`, `href="/guidelines"`)

		r = c.PostForm("/signup", formValues("username", "young_fern", "password", goodPassword))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please confirm that you are 16 or older", `value="young_fern"`, `aria-invalid="true"`, `href="/crisis"`)
		pageLacks(t, r.Body, " checked")
		if n := countRows(t, db, "users", "username = ?", "young_fern"); n != 0 {
			t.Fatalf("an account was made without the age confirmed")
		}
		// Ticked but refused for another reason: the box stays ticked.
		r = c.PostForm("/signup", formValues("username", "young_fern", "password", "short", "age_confirmed", "yes"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, `value="yes" checked`)
		pageLacks(t, r.Body, "Please confirm that you are")

		admin := w.as(w.admin)
		pageHas(t, admin.Get("/admin/settings").Body, `name="minimum_age"`, `value="16"`)
		for _, bad := range []string{"12", "abc", "100", ""} {
			r = admin.PostForm("/admin/settings/age", formValues("minimum_age", bad))
			wantStatus(t, r, http.StatusUnprocessableEntity)
			pageHas(t, r.Body, "whole number of years from 13 to 99")
			if bad != "" {
				pageHas(t, r.Body, `value="`+htmlEscape(bad)+`"`)
			}
		}
		wantStatus(t, w.as(w.members[0]).PostForm("/admin/settings/age", formValues("minimum_age", "13")), http.StatusForbidden)
		wantRedirect(t, admin.PostForm("/admin/settings/age", formValues("minimum_age", "18")), "/admin/settings")
		pageHas(t, c.Get("/signup").Body, "I am 18 or older")
		pageHas(t, c.Get("/terms").Body, "aged 18 and over")
		r = c.PostForm("/signup", formValues("username", "river_fern", "password", goodPassword, "age_confirmed", "yes"))
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, `href="/welcome"`)
		wantStatus(t, c.Get("/welcome"), http.StatusOK)
		pageHas(t, c.Get("/welcome").Body, "Welcome to Hearth, river_fern", `href="/settings/warnings"`, `href="/settings/breaks"`, `href="/crisis"`, "not an emergency service")
	})
}
