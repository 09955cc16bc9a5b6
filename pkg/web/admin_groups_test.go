package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

func TestAdminCreatesGroupLiveAtOnce(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		admin := w.as(w.admin)
		r := admin.Get("/admin")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Administration</h1>", `href="/admin/groups"`, `href="/admin/people"`, `href="/admin/helplines"`, `href="/admin/settings"`)
		wantStatus(t, w.as(w.siteMod).Get("/admin"), http.StatusForbidden)

		r = admin.Get("/admin/groups")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Groups</h1>", "Create a group", `name="slug"`, `href="/admin/groups/grief"`, "Archive Grief")
		wantStatus(t, w.as(0).Get("/g/chronic-pain"), http.StatusNotFound)
		r = admin.PostForm("/admin/groups", formValues("slug", "chronic-pain", "name", "Chronic pain", "description", "Living with pain every day."))
		wantRedirect(t, r, "/admin/groups/chronic-pain")
		g := w.as(0).Get("/g/chronic-pain")
		wantStatus(t, g, http.StatusOK)
		pageHas(t, g.Body, "Chronic pain", "Living with pain every day.")
		pageHas(t, w.as(0).Get("/").Body, `href="/g/chronic-pain"`)
		if es := w.audits(moderation.ActionGroupCreate); len(es) != 1 || *es[0].ActorID != w.admin {
			t.Fatalf("audit %+v", es)
		}

		// Refused slugs and a duplicate: 422 with a clear message, nothing created.
		groups := countRows(w.t, w.db, "groups", "1 = 1")
		for _, c := range []struct{ slug, msg string }{
			{"chronic-pain", "There is already a group at /g/chronic-pain"},
			{"has space", "lower-case letters a to z"},
			{"grіef", "lower-case letters a to z"}, // Cyrillic і
			{"Anxiety", "lower-case letters a to z"},
			{"a", "lower-case letters a to z"},
			{strings.Repeat("a", 41), "lower-case letters a to z"},
			{"ümlaut", "lower-case letters a to z"},
		} {
			r := admin.PostForm("/admin/groups", formValues("slug", c.slug, "name", "Some group", "description", "kept description"))
			wantStatus(t, r, http.StatusUnprocessableEntity)
			pageHas(t, r.Body, c.msg, "kept description", `class="error-summary"`)
		}
		if n := countRows(w.t, w.db, "groups", "1 = 1"); n != groups {
			t.Fatalf("refused slugs created groups: %d -> %d", groups, n)
		}
	})
}

func TestAdminEditsArchivesAndUnarchivesGroup(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		admin := w.as(w.admin)
		pageHas(t, admin.Get("/admin/groups/grief").Body, "Grief &amp; Loss", `name="guidelines"`)
		r := admin.PostForm("/admin/groups/grief", formValues("name", "Grief and loss", "description", "For the bereaved.",
			"guidelines", "Be **gentle** with each other.\n\n<script>alert(1)</script>", "premod", "new", "premod_first_n", "3", "require_tag", "1"))
		wantRedirect(t, r, "/admin/groups/grief")
		g := forumtest.Group(t, db, "grief")
		if g.Name != "Grief and loss" || g.Premod != "new" || g.PremodFirstN != 3 || !g.RequireTag ||
			!strings.Contains(g.GuidelinesHTML, "<strong>gentle</strong>") || strings.Contains(g.GuidelinesHTML, "<script") {
			t.Fatalf("group %+v", g)
		}
		pageHas(t, w.as(0).Get("/g/grief").Body, "<strong>gentle</strong>")
		// Bad pre-moderation input keeps the form.
		r = admin.PostForm("/admin/groups/grief", formValues("name", "Grief and loss", "premod", "new", "premod_first_n", "0", "description", "still here"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "how many first posts", "still here")
		r = admin.PostForm("/admin/groups/grief", formValues("name", "x", "premod", "sometimes"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "name of 2 to 60 characters", "pre-moderation options")

		wantRedirect(t, admin.PostForm("/admin/groups/grief/archive", formValues()), "/admin/groups")
		if !forumtest.Group(t, db, "grief").Archived {
			t.Fatal("not archived")
		}
		pageHas(t, w.as(0).Get("/g/grief").Body, "This group is archived")
		pageLacks(t, w.as(0).Get("/").Body, `href="/g/grief"`)
		wantStatus(t, admin.PostForm("/admin/groups/grief/archive", formValues()), http.StatusConflict)
		wantRedirect(t, admin.PostForm("/admin/groups/grief/unarchive", formValues()), "/admin/groups")
		if forumtest.Group(t, db, "grief").Archived {
			t.Fatal("not unarchived")
		}
		// A thread cannot be moved into an archived group.
		admin.PostForm("/admin/groups/anxiety/archive", formValues())
		r = w.as(w.siteMod).PostForm(fmt.Sprintf("/t/%d/move", w.thread.ID), formValues("group", "anxiety"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "is archived")
		for _, a := range []string{moderation.ActionGroupUpdate, moderation.ActionGroupArchive, moderation.ActionGroupRestore} {
			if len(w.audits(a)) == 0 {
				t.Fatalf("no %s audit", a)
			}
		}
		wantStatus(t, admin.Get("/admin/groups/nonexistent"), http.StatusNotFound)
	})
}

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
		pageHas(t, r.Body, "Wren's moderation record", "suspension: Harassment or bullying", "Member suspended", "Lift the suspension",
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
