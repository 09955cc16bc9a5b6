package web_test

import (
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
		modExpect(t, r, http.StatusOK, "")
		modHas(t, r.Body, "<h1>Administration</h1>", `href="/admin/groups"`, `href="/admin/people"`, `href="/admin/helplines"`, `href="/admin/settings"`)
		modExpect(t, w.as(w.siteMod).Get("/admin"), http.StatusForbidden, "")

		r = admin.Get("/admin/groups")
		modExpect(t, r, http.StatusOK, "")
		modHas(t, r.Body, "<h1>Groups</h1>", "Create a group", `name="slug"`, `href="/admin/groups/grief"`, "Archive Grief")
		modExpect(t, w.as(0).Get("/g/chronic-pain"), http.StatusNotFound, "")
		r = admin.PostForm("/admin/groups", modForm("slug", "chronic-pain", "name", "Chronic pain", "description", "Living with pain every day."))
		modExpect(t, r, http.StatusSeeOther, "/admin/groups/chronic-pain")
		g := w.as(0).Get("/g/chronic-pain")
		modExpect(t, g, http.StatusOK, "")
		modHas(t, g.Body, "Chronic pain", "Living with pain every day.")
		modHas(t, w.as(0).Get("/").Body, `href="/g/chronic-pain"`)
		if es := w.audits(moderation.ActionGroupCreate); len(es) != 1 || *es[0].ActorID != w.admin {
			t.Fatalf("audit %+v", es)
		}

		// Refused slugs and a duplicate: 422 with a clear message, nothing created.
		groups := w.count("groups", "1 = 1")
		for _, c := range []struct{ slug, msg string }{
			{"chronic-pain", "There is already a group at /g/chronic-pain"},
			{"has space", "lower-case letters a to z"},
			{"grіef", "lower-case letters a to z"}, // Cyrillic і
			{"Anxiety", "lower-case letters a to z"},
			{"a", "lower-case letters a to z"},
			{strings.Repeat("a", 41), "lower-case letters a to z"},
			{"ümlaut", "lower-case letters a to z"},
		} {
			r := admin.PostForm("/admin/groups", modForm("slug", c.slug, "name", "Some group", "description", "kept description"))
			modExpect(t, r, http.StatusUnprocessableEntity, "")
			modHas(t, r.Body, c.msg, "kept description", `class="error-summary"`)
		}
		if n := w.count("groups", "1 = 1"); n != groups {
			t.Fatalf("refused slugs created groups: %d -> %d", groups, n)
		}
	})
}

func TestAdminEditsArchivesAndUnarchivesGroup(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		admin := w.as(w.admin)
		modHas(t, admin.Get("/admin/groups/grief").Body, "Grief &amp; Loss", `name="guidelines"`)
		r := admin.PostForm("/admin/groups/grief", modForm("name", "Grief and loss", "description", "For the bereaved.",
			"guidelines", "Be **gentle** with each other.\n\n<script>alert(1)</script>", "premod", "new", "premod_first_n", "3", "require_tag", "1"))
		modExpect(t, r, http.StatusSeeOther, "/admin/groups/grief")
		g := forumtest.Group(t, db, "grief")
		if g.Name != "Grief and loss" || g.Premod != "new" || g.PremodFirstN != 3 || !g.RequireTag ||
			!strings.Contains(g.GuidelinesHTML, "<strong>gentle</strong>") || strings.Contains(g.GuidelinesHTML, "<script") {
			t.Fatalf("group %+v", g)
		}
		modHas(t, w.as(0).Get("/g/grief").Body, "<strong>gentle</strong>")
		// Bad pre-moderation input keeps the form.
		r = admin.PostForm("/admin/groups/grief", modForm("name", "Grief and loss", "premod", "new", "premod_first_n", "0", "description", "still here"))
		modExpect(t, r, http.StatusUnprocessableEntity, "")
		modHas(t, r.Body, "how many first posts", "still here")
		r = admin.PostForm("/admin/groups/grief", modForm("name", "x", "premod", "sometimes"))
		modExpect(t, r, http.StatusUnprocessableEntity, "")
		modHas(t, r.Body, "name of 2 to 60 characters", "pre-moderation options")

		modExpect(t, admin.PostForm("/admin/groups/grief/archive", modForm()), http.StatusSeeOther, "/admin/groups")
		if !forumtest.Group(t, db, "grief").Archived {
			t.Fatal("not archived")
		}
		modHas(t, w.as(0).Get("/g/grief").Body, "This group is archived")
		modLacks(t, w.as(0).Get("/").Body, `href="/g/grief"`)
		modExpect(t, admin.PostForm("/admin/groups/grief/archive", modForm()), http.StatusConflict, "")
		modExpect(t, admin.PostForm("/admin/groups/grief/unarchive", modForm()), http.StatusSeeOther, "/admin/groups")
		if forumtest.Group(t, db, "grief").Archived {
			t.Fatal("not unarchived")
		}
		// A thread cannot be moved into an archived group.
		admin.PostForm("/admin/groups/anxiety/archive", modForm())
		r = w.as(w.siteMod).PostForm(modPath("/t/%d/move", w.thread.ID), modForm("group", "anxiety"))
		modExpect(t, r, http.StatusUnprocessableEntity, "")
		modHas(t, r.Body, "is archived")
		for _, a := range []string{moderation.ActionGroupUpdate, moderation.ActionGroupArchive, moderation.ActionGroupRestore} {
			if len(w.audits(a)) == 0 {
				t.Fatalf("no %s audit", a)
			}
		}
		modExpect(t, admin.Get("/admin/groups/nonexistent"), http.StatusNotFound, "")
	})
}

func TestAdminSettingsThresholdAndVocabulary(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		admin := w.as(w.admin)
		r := admin.Get("/admin/settings")
		modExpect(t, r, http.StatusOK, "")
		modHas(t, r.Body, `name="report_threshold"`, `value="3"`, "Self-harm", `href="/admin/helplines"`)
		for _, bad := range []string{"0", "abc", "101", ""} {
			r = admin.PostForm("/admin/settings", modForm("report_threshold", bad))
			modExpect(t, r, http.StatusUnprocessableEntity, "")
			modHas(t, r.Body, "whole number from 1 to 100")
		}
		modExpect(t, admin.PostForm("/admin/settings", modForm("report_threshold", "5")), http.StatusSeeOther, "/admin/settings")
		modHas(t, admin.Get("/admin/settings").Body, `value="5"`)

		modExpect(t, admin.PostForm("/admin/tags", modForm("slug", "body-image", "name", "Body image", "description", "Weight and appearance.")), http.StatusSeeOther, "/admin/settings")
		r = admin.PostForm("/admin/tags", modForm("slug", "body-image", "name", "Again"))
		modExpect(t, r, http.StatusUnprocessableEntity, "")
		modHas(t, r.Body, "already a trigger warning called body-image")
		r = admin.PostForm("/admin/tags", modForm("slug", "Body Image", "name", "B"))
		modExpect(t, r, http.StatusUnprocessableEntity, "")
		modExpect(t, admin.PostForm("/admin/tags/body-image", modForm("name", "Body image and weight")), http.StatusSeeOther, "/admin/settings")
		modExpect(t, admin.PostForm("/admin/tags/no-such-tag", modForm("name", "Whatever")), http.StatusNotFound, "")
		var name string
		db.R.Raw("SELECT name FROM tags WHERE slug = 'body-image'").Scan(&name)
		if name != "Body image and weight" {
			t.Fatalf("tag name %q", name)
		}
		// The new tag can be used by moderators at once.
		modExpect(t, w.as(w.griefMod).PostForm(modPath("/p/%d/tags", w.reply), modForm("trigger_warnings", "body-image")), http.StatusSeeOther, "")
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
		modExpect(t, w.as(w.griefMod).PostForm(modPath("/mod/users/%d/suspend", w.author),
			modForm("post", modItoa(w.reply), "days", "5", "reason", "Harassment or bullying")), http.StatusSeeOther, "")
		admin := w.as(w.admin)
		r := admin.Get("/admin/people?q=wren")
		modExpect(t, r, http.StatusOK, "")
		record := modPath("/mod/users/%d", w.author)
		modHas(t, r.Body, "suspended", "Harassment or bullying", `href="`+record+`"`)

		r = admin.Get(record)
		modExpect(t, r, http.StatusOK, "")
		modHas(t, r.Body, "Wren's moderation record", "suspension: Harassment or bullying", "Member suspended", "Lift the suspension",
			`action="`+record+`/lift"`)
		modExpect(t, admin.PostForm(record+"/lift", modForm("reason", "other", "reason_detail", "Talked it through")), http.StatusSeeOther, record)
		if u := w.user(w.author); u.Status != "active" || u.StatusUntil != nil {
			t.Fatalf("lifted member %+v", u)
		}
		es := w.audits(moderation.ActionLift)
		if len(es) != 1 || *es[0].ActorID != w.admin || es[0].Reason != "Talked it through" {
			t.Fatalf("lift audit %+v", es)
		}
		modHas(t, admin.Get(record).Body, "suspension: Harassment or bullying", "lifted")
		modLacks(t, admin.Get(record).Body, "Lift the suspension")
	})
}
