package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestLanguageFromAcceptLanguage: a visitor's pages follow the browser's
// Accept-Language, with <html lang>, Content-Language and Vary set, and the
// visitor page cache keeps the languages apart.
func TestLanguageFromAcceptLanguage(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		_, c := newApp(t, db)
		for _, path := range []string{"/", "/crisis"} {
			en := c.Get(path)
			wantStatus(t, en, http.StatusOK)
			pageHas(t, en.Body, `<html lang="en">`, ">Get help now<", ">Quick exit<")
			c.Header.Set("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")
			es := c.Get(path)
			c.Header.Del("Accept-Language")
			wantStatus(t, es, http.StatusOK)
			pageHas(t, es.Body, `<html lang="es">`, ">Busca ayuda ahora<", ">Salida rápida<", "Saltar al contenido principal")
			pageLacks(t, es.Body, ">Get help now<", ">Quick exit<")
			if got := es.Header.Get("Content-Language"); got != "es" {
				t.Errorf("%s: Content-Language %q", path, got)
			}
			if !strings.Contains(strings.Join(es.Header.Values("Vary"), ","), "Accept-Language") {
				t.Errorf("%s: Vary %q lacks Accept-Language", path, es.Header.Values("Vary"))
			}
		}
		c.Header.Set("Accept-Language", "es")
		pageHas(t, c.Get("/crisis").Body, "Si ahora mismo todo te supera, mereces apoyo", "Mientras esperas, o si todavía no puedes llamar")
		r := c.Get("/no-such-page")
		wantStatus(t, r, http.StatusNotFound)
		pageHas(t, r.Body, "No encontramos esa página", "Error 404", "Volver a los grupos")
		pageHas(t, c.Get("/login").Body, "<h1>Entrar</h1>", `<label for="username">Seudónimo</label>`, "Usa un código de recuperación")
	})
}

// TestLanguageSetting: a member's own choice of language wins over the
// browser's, is refused when Hearth has no such language, and can be
// cleared to follow the browser again.
func TestLanguageSetting(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		_, c := newApp(t, db)
		forumtest.SignUp(t, c, "heather", goodPassword)
		c.Header.Set("Accept-Language", "en-GB,en;q=0.9")
		r := c.Get("/settings/language")
		wantStatus(t, r, http.StatusOK)
		pageHas(t, r.Body, `<label for="language">Language</label>`, `<option value="es">Español</option>`, `<option value="" selected>`)

		r = c.PostForm("/settings/language", url.Values{"language": {"fr"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Please choose a language from the list.", `aria-invalid="true"`)

		wantRedirect(t, c.PostForm("/settings/language", url.Values{"language": {"es"}}), "/settings")
		var saved string
		if err := db.R.Raw("SELECT language FROM users WHERE username = ?", "heather").Row().Scan(&saved); err != nil || saved != "es" {
			t.Fatalf("saved language %q, %v", saved, err)
		}
		r = c.Get("/settings")
		pageHas(t, r.Body, `<html lang="es">`, "Guardado. Ahora ves Hearth en el idioma que elegiste.")
		r = c.Get("/settings/language")
		pageHas(t, r.Body, "<h1>Idioma</h1>", `<option value="es" selected>Español</option>`)
		r = c.PostForm("/settings/language", url.Values{"language": {"xx"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Elige un idioma de la lista, por favor.", "Revisa lo siguiente, por favor")
		pageHas(t, c.Get("/crisis").Body, ">Busca ayuda ahora<", "Líneas de ayuda")

		wantRedirect(t, c.PostForm("/settings/language", url.Values{"language": {""}}), "/settings")
		pageHas(t, c.Get("/crisis").Body, `<html lang="en">`, ">Get help now<")
	})
}
