package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/markup"
	"hearth/pkg/store"
)

// TestGroupsInSpanish: the groups Hearth seeds read in Spanish for a
// Spanish reader (name, description and guidelines, on home, the group's
// page, a thread's breadcrumbs and search), a Spanish site's group feed
// names the group in Spanish, while a name, description or guidelines an
// admin changed are shown as written in every language; English readers
// and the API see the stored words.
func TestGroupsInSpanish(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newTagWorld(t, db)
		admin := w.as(w.admin)
		// The admin renames the carers' group, keeping its description and
		// guidelines (sent back with a browser's line endings), and writes
		// their own guidelines for depression, keeping its name.
		carers := forumtest.Group(t, db, "carers")
		wantRedirect(t, admin.PostForm("/admin/groups/carers", formValues("name", "Carers together", "description", carers.Description,
			"guidelines", strings.ReplaceAll(carers.Guidelines, "\n", "\r\n"), "premod", "off")), "/admin/groups/carers")
		dep := forumtest.Group(t, db, "depression")
		wantRedirect(t, admin.PostForm("/admin/groups/depression", formValues("name", dep.Name, "description", dep.Description,
			"guidelines", "Our own *depression* guidelines.", "premod", "off")), "/admin/groups/depression")

		es := w.spanish(w.members[0])
		home := es.Get("/")
		wantStatus(t, home, http.StatusOK)
		pageHas(t, home.Body, `<a href="/g/grief">Duelo y pérdida</a>`,
			"Para quien vive con la muerte de un ser querido, sin importar cuánto tiempo haya pasado ni cómo ocurrió.",
			`<a href="/g/ptsd">TEPT y trauma</a>`, `<a href="/g/depression">Depresión</a>`,
			`<a href="/g/carers">Carers together</a>`, "Acompañar a tu pareja", "en Duelo y pérdida ·")
		pageLacks(t, home.Body, "Grief &amp; Loss", "Cuidar de alguien", "For anyone living with the death")

		grief := es.Get("/g/grief")
		pageHas(t, grief.Body, "<h1>Duelo y pérdida</h1>", `<p class="lede">Para quien vive con la muerte`,
			"El duelo no tiene calendario", "<em>Muerte y pérdida</em>", "<title>Duelo y pérdida")
		pageLacks(t, grief.Body, "Grief has no timetable", "Grief &amp; Loss")
		pageHas(t, es.Get("/g/carers").Body, "<h1>Carers together</h1>", "Cuidar de alguien puede ser muy solitario")
		depression := es.Get("/g/depression")
		pageHas(t, depression.Body, "<h1>Depresión</h1>", "Our own <em>depression</em> guidelines.", "Para los días grises")
		pageLacks(t, depression.Body, "Hay días en que levantarse")
		pageHas(t, es.Get(fmt.Sprintf("/t/%d", w.warned)).Body, `<a href="/g/grief">Duelo y pérdida</a></nav>`)
		pageHas(t, es.Get("/search?q=anniversary").Body, `<option value="grief">Duelo y pérdida</option>`, "en Duelo y pérdida")
		// A refused new thread comes back with its words, the group named in Spanish.
		refused := es.PostForm("/g/grief/threads", formValues("title", "", "body", "Las tardes se me hacen largas."))
		wantStatus(t, refused, http.StatusUnprocessableEntity)
		pageHas(t, refused.Body, "Abrir un hilo en Duelo y pérdida", "Las tardes se me hacen largas.")
		pageLacks(t, refused.Body, "Grief &amp; Loss")

		en := w.as(w.members[0])
		en.Header.Set("Accept-Language", "en")
		pageHas(t, en.Get("/").Body, `<a href="/g/grief">Grief &amp; Loss</a>`, "For anyone living with the death", `<a href="/g/carers">Carers together</a>`)
		pageHas(t, en.Get("/g/grief").Body, "<h1>Grief &amp; Loss</h1>", "Grief has no timetable", "<em>Death and loss</em>")
		pageLacks(t, en.Get("/g/grief").Body, "Duelo", "El duelo")

		api := es.Get("/api/v1/groups")
		pageHas(t, api.Body, `"name":"Grief & Loss"`, `"name":"Carers together"`)
		pageLacks(t, api.Body, "Duelo")

		cfg := forumtest.Config(t)
		cfg.DefaultLanguage = "es"
		site, _ := forumtest.NewApp(t, db, cfg)
		feed := forumtest.NewClient(t, site.Web.Handler()).Get("/g/grief/feed.atom")
		pageHas(t, feed.Body, "Hearth: hilos nuevos en Duelo y pérdida")
	})
}

// TestSeededGroups: a new forum's groups are forum.DefaultGroups, word
// for word, with guidelines rendered by pkg/markup, so that shownGroup
// recognises every one of them as Hearth's own.
func TestSeededGroups(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
		md := markup.New()
		for _, d := range forum.DefaultGroups() {
			g, err := a.Forum.Group(context.Background(), d.Slug)
			if err != nil {
				t.Fatal(err)
			}
			if g.Name != d.Name || g.Description != d.Description || g.Guidelines != d.Guidelines {
				t.Errorf("group %s is %q, %q, %q; want %+v", d.Slug, g.Name, g.Description, g.Guidelines, d)
			}
			if h, err := md.Render(d.Guidelines); err != nil || string(h) != g.GuidelinesHTML {
				t.Errorf("group %s: stored guidelines HTML differs from the renderer's (%v)", d.Slug, err)
			}
		}
	})
}
