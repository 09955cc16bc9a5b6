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

		wantRedirect(t, admin.PostForm("/admin/groups/grief/archive", formValues("confirm", "yes")), "/admin/groups")
		if !forumtest.Group(t, db, "grief").Archived {
			t.Fatal("not archived")
		}
		pageHas(t, w.as(0).Get("/g/grief").Body, "This group is archived")
		pageLacks(t, w.as(0).Get("/").Body, `href="/g/grief"`)
		wantStatus(t, admin.PostForm("/admin/groups/grief/archive", formValues("confirm", "yes")), http.StatusConflict)
		wantRedirect(t, admin.PostForm("/admin/groups/grief/unarchive", formValues()), "/admin/groups")
		if forumtest.Group(t, db, "grief").Archived {
			t.Fatal("not unarchived")
		}
		// A thread cannot be moved into an archived group.
		admin.PostForm("/admin/groups/anxiety/archive", formValues("confirm", "yes"))
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
