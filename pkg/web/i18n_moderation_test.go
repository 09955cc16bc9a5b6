package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestModerationInSpanish: what moderation says reaches a Spanish reader
// in Spanish, built as whole sentences: a moderator's outcome notice to
// the author, the refusals a second moderator gets (an item someone else
// holds, an item already handled) and a sanction refused for its input.
func TestModerationInSpanish(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		author := w.as(w.author)
		wantRedirect(t, author.PostForm("/settings/language", formValues("language", "es")), "/settings")
		item := w.item(moderation.KindReport, w.reply, 30, "")
		mod, other := w.as(w.griefMod), w.as(w.siteMod)
		for _, c := range []*forumtest.Client{mod, other} {
			c.Header.Set("Accept-Language", "es-ES,es;q=0.9")
		}

		// The item is held: the other moderator is told by whom.
		wantRedirect(t, mod.PostForm(fmt.Sprintf("/mod/items/%d/claim", item), nil), fmt.Sprintf("/mod/items/%d", item))
		r := other.Follow(other.PostForm(fmt.Sprintf("/mod/items/%d/claim", item), nil))
		pageHas(t, r.Body, "Sparrow ya está mirando este elemento (desde ")
		pageLacks(t, r.Body, "is already looking at this item")

		// The action's outcome, to the moderator who took it.
		r = mod.Follow(mod.PostForm(fmt.Sprintf("/p/%d/remove", w.reply), formValues("item", idStr(item), "reason", "Spam or advertising")))
		pageHas(t, r.Body, "Mensaje quitado.")

		// The second moderator acting on it is refused, in Spanish.
		r = other.PostForm(fmt.Sprintf("/p/%d/remove", w.reply), formValues("item", idStr(item), "reason", "Spam or advertising"))
		wantStatus(t, r, http.StatusConflict)
		pageHas(t, r.Body, "Ya lo atendió alguien de moderación hace ", "Mensaje quitado.")
		pageLacks(t, r.Body, "Already handled", "seconds ago", "Post removed")

		// The author reads the outcome in their language.
		r = author.Get("/notifications")
		pageHas(t, r.Body, "Un moderador ha quitado tu respuesta en Duelo y pérdida. Los demás miembros ya no la ven.")
		pageLacks(t, r.Body, "A moderator removed")

		// A suspension refused for its length keeps the form, in Spanish.
		r = mod.PostForm(fmt.Sprintf("/mod/users/%d/suspend", w.author), formValues("post", idStr(w.opening), "reason", "Heated", "days", "400"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Elige una suspensión de entre 1 y 365 días, por favor.", `value="400"`)
		pageLacks(t, r.Body, "Please choose a suspension")

		// The same pages stay English for an English reader.
		en := w.as(w.author)
		en.Header.Set("Accept-Language", "en-GB")
		wantRedirect(t, en.PostForm("/settings/language", formValues("language", "en")), "/settings")
		pageHas(t, en.Get("/notifications").Body, "A moderator removed your reply in Grief &amp; Loss. Other members no longer see it.")
	})
}

// TestSitePagesInSpanish: the site's own pages read in Spanish while they
// hold Hearth's default text; once admins write one, their words are shown
// as written, in every language.
func TestSitePagesInSpanish(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		es := w.as(0)
		es.Header.Set("Accept-Language", "es")
		r := es.Get("/guidelines")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<h1>Normas de la comunidad</h1>", "<h2>Sé amable</h2>", "<strong>Usa avisos de contenido</strong>", "registro público de moderación")
		pageLacks(t, r.Body, "Be kind", "Community guidelines")
		pageHas(t, w.as(0).Get("/guidelines").Body, "<h2>Be kind</h2>")

		admin := w.as(w.admin)
		wantRedirect(t, admin.PostForm("/admin/pages/about", formValues("body", "Run by the Riverside peer group.")), "/about")
		r = es.Get("/about")
		pageHas(t, r.Body, "<h1>Acerca de Hearth</h1>", "Run by the Riverside peer group.")
		pageLacks(t, r.Body, "Personas, no profesionales")
	})
}
