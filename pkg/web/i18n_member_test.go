package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/moderation"
	"hearth/pkg/store"
)

// TestMemberPagesInSpanish: a member's own pages (settings, a break, a
// check-in) and the messages their forms leave come in Spanish when the
// browser asks for it, and when the member chose it in their settings
// whatever the browser says; the same pages stay English otherwise.
func TestMemberPagesInSpanish(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		item := w.item(moderation.KindWellbeing, w.reply, moderation.WellbeingPriority, "")
		id := w.sendCheckIn(w.as(w.griefMod), "How are you doing this week?", "item", idStr(item))
		checkIn := fmt.Sprintf("/checkins/%d", id)

		en := w.as(w.author)
		pageHas(t, en.Get("/settings").Body, "<h1>Settings</h1>", "Change your password", "Take a break")
		pageHas(t, en.Get(checkIn).Body, "A check-in from the Grief &amp; Loss moderators", "Close the check-in")

		es := w.as(w.author)
		es.Header.Set("Accept-Language", "es-ES,es;q=0.9")
		r := es.Get("/settings")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, `<html lang="es">`, "<h1>Ajustes</h1>", "Cambia tu contraseña", "Tómate un descanso", "Personas bloqueadas")
		pageLacks(t, r.Body, "Change your password", "Take a break")
		r = es.Get(checkIn)
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "Un seguimiento de los moderadores de Duelo y pérdida", "No has hecho nada mal", "Cerrar el seguimiento",
			`<label for="body">Tu mensaje</label>`, "Solo tú y los moderadores podéis leer esto.", "How are you doing this week?")
		pageLacks(t, r.Body, "Close the check-in", "Write back")
		r = es.Get("/settings/breaks")
		pageHas(t, r.Body, "<h1>Tómate un descanso</h1>", "¿De qué quieres tomarte un descanso?", ">1 semana<", ">Elige un grupo<")
		r = es.PostForm("/settings/breaks", formValues("scope", "group", "days", "7"))
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Elige el grupo del que quieres tomarte un descanso, por favor.")
		r = es.Follow(es.PostForm("/settings/helping", formValues("helping", "yes")))
		pageHas(t, r.Body, "Gracias. Tu cabecera muestra ahora cuántos mensajes esperan una primera respuesta.")

		// The member's own setting wins over an English browser.
		mine := w.as(w.author)
		mine.Header.Set("Accept-Language", "en-GB,en;q=0.9")
		wantRedirect(t, mine.PostForm("/settings/language", formValues("language", "es")), "/settings")
		pageHas(t, mine.Get("/checkins").Body, "<h1>Tus seguimientos</h1>", "De los moderadores de Duelo y pérdida")
		pageHas(t, mine.Get("/settings/warnings").Body, "<h1>Avisos de contenido</h1>", "Guardar mis elecciones")
		r = mine.Get(checkIn)
		pageHas(t, r.Body, `<html lang="es">`, "Un seguimiento de los moderadores de Duelo y pérdida")
		pageLacks(t, r.Body, "A check-in from")
	})
}
