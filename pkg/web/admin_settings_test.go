package web_test

import (
	"fmt"
	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
	"net/http"
	"testing"
)

func TestAdminSettingsThresholdAndVocabulary(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		admin := w.as(w.admin)
		r := admin.Get("/admin/settings")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, `name="report_threshold"`, `value="3"`, "Self-harm", `href="/admin/helplines"`)
		for _, bad := range []string{"0", "abc", "101", ""} {
			r = admin.PostForm("/admin/settings", formValues("report_threshold", bad))
			wantStatus(t, r, http.StatusUnprocessableEntity)
			pageHas(t, r.Body, "whole number from 1 to 100")
		}
		wantRedirect(t, admin.PostForm("/admin/settings", formValues("report_threshold", "5")), "/admin/settings")
		pageHas(t, admin.Get("/admin/settings").Body, `value="5"`)

		wantRedirect(t, admin.PostForm("/admin/tags", formValues("slug", "body-image", "name", "Body image", "description", "Weight and appearance.")), "/admin/settings")
		r = admin.PostForm("/admin/tags", formValues("slug", "body-image", "name", "Again"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "already a trigger warning called body-image")
		r = admin.PostForm("/admin/tags", formValues("slug", "Body Image", "name", "B"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantRedirect(t, admin.PostForm("/admin/tags/body-image", formValues("name", "Body image and weight")), "/admin/settings")
		wantStatus(t, admin.PostForm("/admin/tags/no-such-tag", formValues("name", "Whatever")), http.StatusNotFound)
		var name string
		db.R.Raw("SELECT name FROM tags WHERE slug = 'body-image'").Scan(&name)
		if name != "Body image and weight" {
			t.Fatalf("tag name %q", name)
		}
		// The new tag can be used by moderators at once.
		wantStatus(t, w.as(w.griefMod).PostForm(fmt.Sprintf("/p/%d/tags", w.reply), formValues("trigger_warnings", "body-image")), http.StatusSeeOther)
		for _, a := range []string{moderation.ActionSettings, moderation.ActionTagCreate, moderation.ActionTagUpdate} {
			if len(w.audits(a)) != 1 {
				t.Fatalf("no %s audit", a)
			}
		}
	})
}
