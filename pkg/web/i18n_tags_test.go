package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// tagWorld is a forum where an admin kept Hearth's "self-harm" name but
// wrote its description, and added a warning named like a catalogue key
// ("Violence", under another address), and Wren started a thread tagged
// with Hearth's "suicide" and the admin's "violence-news".
type tagWorld struct {
	*modWorld
	warned int64
}

func newTagWorld(t *testing.T, db *store.DB) tagWorld {
	t.Helper()
	w := newModWorld(t, db)
	admin := w.as(w.admin)
	wantRedirect(t, admin.PostForm("/admin/tags/self-harm", formValues("name", "Self-harm", "description", "Our own words about self-harm.")), "/admin/settings")
	wantRedirect(t, admin.PostForm("/admin/tags", formValues("slug", "violence-news", "name", "Violence", "description", "News of wars and attacks.")), "/admin/settings")
	id := startThread(t, w.as(w.author), "grief", "The anniversary", "It was a year ago today.", "suicide", "violence-news")
	return tagWorld{modWorld: w, warned: id}
}

// spanish is a client of userID whose browser asks for Spanish.
func (w tagWorld) spanish(userID int64) *forumtest.Client {
	c := w.as(userID)
	c.Header.Set("Accept-Language", "es-ES,es;q=0.9")
	return c
}

// TestTriggerWarningsInSpanish: Hearth's default trigger warnings, their
// descriptions and the composer's suggestions read in Spanish wherever a
// member meets them (a thread's fold, the composer, a group, search, their
// settings), while a name or description an admin wrote is shown as
// written, even one that reads like a catalogue key; English is unchanged.
func TestTriggerWarningsInSpanish(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newTagWorld(t, db)
		thread := fmt.Sprintf("/t/%d", w.warned)
		es := w.spanish(w.members[0])
		r := es.Get(thread)
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, `<li class="tag">Suicidio</li>`, `<li class="tag">Violence</li>`,
			"Aviso de contenido: Suicidio, Violence. Ábrelo para leer",
			`id="tw-suicide"> Suicidio</label>`, `title="Pensamientos suicidas, intentos de suicidio o perder a alguien por suicidio."`,
			`id="tw-self-harm"> Autolesiones</label>`, `title="Our own words about self-harm."`,
			`id="tw-violence"> Violencia</label>`, `id="tw-violence-news"> Violence</label>`, `title="News of wars and attacks."`)
		pageLacks(t, r.Body, ">Suicide<", "> Suicide</label>", "> Self-harm</label>", "Hurting oneself on purpose")
		pageHas(t, es.Get("/g/grief").Body, `<li class="tag">Suicidio</li>`, `<li class="tag">Violence</li>`)
		pageHas(t, es.Get("/search?q=anniversary").Body, `<li class="tag">Suicidio</li>`)

		// The composer's suggestions: the tag and why, in Spanish.
		r = es.PostForm("/g/grief/threads", url.Values{"title": {"A hard year"}, "body": {"I overdosed last year."}, "preview": {"1"}, "idem": {freshIdem()}})
		pageHas(t, r.Body, "Algunas palabras de tu borrador suelen llevar etiqueta.",
			`<label class="suggest" for="tw-substance-use">Consumo de sustancias</label> – menciona «overdosed»`)
		pageLacks(t, r.Body, "mentions", ">Substance use<")
		pageHas(t, es.PostForm("/preview", url.Values{"body": {"I overdosed last year."}}).Body, "menciona «overdosed»")

		// A member's settings: the warnings to choose for, and a break.
		r = es.Get("/settings/warnings")
		pageHas(t, r.Body, "<legend>Suicidio</legend>", "<legend>Muerte y pérdida</legend>", "La muerte, el final de la vida, el duelo",
			"<legend>Violence</legend>", "News of wars and attacks.", "Our own words about self-harm.")
		pageLacks(t, r.Body, "<legend>Suicide</legend>", "Death and loss")
		pageHas(t, es.Get("/settings/breaks").Body, ">Suicidio</option>", ">Violence</option>")

		// English is as it was.
		en := w.as(w.members[0])
		r = en.Get(thread)
		pageHas(t, r.Body, `<li class="tag">Suicide</li>`, "Trigger warning: Suicide, Violence. Open to read",
			`id="tw-violence"> Violence</label>`, `title="Thoughts of suicide, suicide attempts or losing someone to suicide."`)
		pageLacks(t, r.Body, "Suicidio")
		r = en.PostForm("/g/grief/threads", url.Values{"title": {"A hard year"}, "body": {"I overdosed last year."}, "preview": {"1"}, "idem": {freshIdem()}})
		pageHas(t, r.Body, `for="tw-substance-use">Substance use</label> – mentions &#34;overdosed&#34;`)
	})
}

// TestTriggerWarningsInSpanishForModerators: a moderator reading in
// Spanish sees Hearth's warnings in Spanish on the queue and a post's
// page; the feeds use the site's language whatever the reader's browser
// says, and the read API gives the vocabulary as stored, to every client.
func TestTriggerWarningsInSpanishForModerators(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newTagWorld(t, db)
		opening := *w.threadRow(w.warned).FirstPostID
		w.item(moderation.KindReport, opening, 30, "")
		mod := w.spanish(w.griefMod)
		r := mod.Get("/mod")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "Avisos de contenido: Suicidio, Violence.")
		pageLacks(t, r.Body, "Suicide")
		r = mod.Get(fmt.Sprintf("/mod/posts/%d", opening))
		pageHas(t, r.Body, `value="suicide" checked> Suicidio</label>`, `value="violence-news" checked> Violence</label>`, "> Muerte y pérdida</label>")
		pageLacks(t, r.Body, "> Suicide</label>", "Death and loss")
		pageHas(t, w.as(w.griefMod).Get("/mod").Body, "Trigger warnings: Suicide, Violence.")

		// The admin edits the stored words, whatever language they read.
		r = w.spanish(w.admin).Get("/admin/settings")
		pageHas(t, r.Body, `value="Suicide"`, "Los nombres y las descripciones propios de Hearth se muestran en el idioma de quien los lee.")

		feed := w.spanish(0).Get(fmt.Sprintf("/t/%d/feed.atom", w.warned))
		wantStatus(t, feed, http.StatusOK)
		pageHas(t, feed.Body, "[Warning: Suicide, Violence]")
		pageLacks(t, feed.Body, "Suicidio")
		api := w.spanish(0).Get(fmt.Sprintf("/api/v1/threads/%d", w.warned))
		wantStatus(t, api, http.StatusOK)
		pageHas(t, api.Body, `{"slug":"suicide","name":"Suicide"}`, `{"slug":"violence-news","name":"Violence"}`)
		pageLacks(t, api.Body, "Suicidio")

		// A site whose language is Spanish writes its feeds in Spanish.
		cfg := forumtest.Config(t)
		cfg.DefaultLanguage = "es"
		es, _ := forumtest.NewApp(t, db, cfg)
		feed = forumtest.NewClient(t, es.Web.Handler()).Get(fmt.Sprintf("/t/%d/feed.atom", w.warned))
		pageHas(t, feed.Body, "[Aviso: Suicidio, Violence]")
	})
}
