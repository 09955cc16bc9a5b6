package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestModeratorPagesInSpanish: a moderator whose browser asks for Spanish
// reads the queue, its items, their day and the flash after going on duty
// in Spanish; an admin reads the administration pages in Spanish; and the
// same pages in English are unchanged.
func TestModeratorPagesInSpanish(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		hardItems(w)
		mod := w.as(w.griefMod)
		mod.Header.Set("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")
		r := mod.Get("/mod")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, "<title>Cola de moderación",
			"<h1>Cola de moderación</h1>", "Quién está", "Ponerme de guardia", "Tu día",
			"Hoy has abierto 0 elementos de crisis, 0 preocupaciones por el bienestar y 0 mensajes con aviso de contenido.",
			"Preocupación por el bienestar: lenguaje de crisis", "Mensaje denunciado", "Motivo (obligatorio)",
			"Acoso o intimidación", "Censurar el mensaje", "Lo miro yo")
		pageLacks(t, r.Body, "Moderator queue", "Your day", "Go on duty", "Reason (required)", "I&#39;m looking at this")

		r = mod.Follow(mod.PostForm("/mod/duty", url.Values{"duty_hours": {"2"}}))
		pageHas(t, r.Body, "Estás de guardia durante 2 horas. Se dice a los miembros que hay alguien de moderación.", "Dejar la guardia")

		admin := w.as(w.admin)
		admin.Header.Set("Accept-Language", "es")
		for path, wants := range map[string][]string{
			"/admin":          {"<h1>Administración</h1>", "Instrucciones de escalado", "Registro de auditoría"},
			"/admin/settings": {"<h1>Ajustes del sitio</h1>", "Denuncias que ocultan un mensaje", "Guardar la edad mínima", "Horario de moderación"},
			"/admin/webhooks": {"<h1>Webhooks</h1>", "Añadir un webhook", "Eventos que enviar"},
			"/admin/people":   {"Osprey</a>: moderador/a, en todo el sitio", "Heron</a>: admin"},
			"/mod/audit":      {`<option value="remove">Mensaje quitado</option>`, `<option value="lock">Hilo cerrado</option>`},
		} {
			r := admin.Get(path)
			wantStatus(t, r, http.StatusOK)
			pageHas(t, r.Body, wants...)
			pageLacks(t, r.Body, "Administration", "Site settings", "Add a webhook", ": moderator", ">remove<")
		}

		en := w.as(w.griefMod)
		en.Header.Set("Accept-Language", "en-GB")
		pageHas(t, en.Get("/mod").Body, "<h1>Moderator queue</h1>", "Your day",
			"Today you opened 0 crisis items, 0 wellbeing concerns and 0 trigger-warned posts.", "Wellbeing concern: crisis language")
	})
}
