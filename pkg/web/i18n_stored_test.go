package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// TestStoredWordsInSpanish: words Hearth stores in English read in Spanish
// where they are shown: a session's device, "former member" for a deleted
// moderator, the titles of a redacted thread and of one its author erased
// (and its erased post), while the same pages stay English for an English
// reader, and a member's own title that is not exactly a placeholder is
// shown as written.
func TestStoredWordsInSpanish(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		ctx := context.Background()
		firefox := w.as(w.author) // forumtest.LoginAs signs in as Firefox on Linux
		if _, err := w.app.Auth.StartSession(ctx, w.author, "curl/8.5.0"); err != nil {
			t.Fatal(err)
		}
		firefox.Header.Set("Accept-Language", "es")
		r := firefox.Get("/settings/sessions")
		pageHas(t, r.Body, "<strong>Firefox en Linux</strong>", "<strong>Navegador desconocido</strong>")
		pageLacks(t, r.Body, "Firefox on Linux", "Unknown browser")
		firefox.Header.Set("Accept-Language", "en")
		pageHas(t, firefox.Get("/settings/sessions").Body, "<strong>Firefox on Linux</strong>", "<strong>Unknown browser</strong>")

		// A moderator who sent a check-in deletes their account.
		w.sendCheckIn(w.as(w.griefMod), "How are you doing this week?", "post", idStr(w.reply))
		if err := store.NewAuth(db).DeleteAccount(ctx, w.griefMod, auth.DeleteAnonymise, time.Now()); err != nil {
			t.Fatal(err)
		}
		es := w.as(w.siteMod)
		es.Header.Set("Accept-Language", "es")
		pageHas(t, es.Get("/mod/checkins").Body, "abierto por antiguo miembro")
		pageLacks(t, es.Get("/mod/checkins").Body, "former member")
		pageHas(t, w.as(w.siteMod).Get("/mod/checkins").Body, "opened by former member")

		// A redacted thread, one erased with its author's account, and a
		// member's title that only starts like a placeholder.
		redacted := forumtest.InsertThread(t, db, "grief", w.members[0], "Names and addresses", nil, time.Now().Add(-3*time.Hour))
		r = w.as(w.siteMod).PostForm(fmt.Sprintf("/t/%d/redact", redacted.ID), formValues("reason", "Shares personal information", "confirm", "yes"))
		wantStatus(t, r, http.StatusSeeOther)
		erased := forumtest.InsertThread(t, db, "grief", w.members[1], "Something I regret", nil, time.Now().Add(-2*time.Hour))
		if err := store.NewAuth(db).DeleteAccount(ctx, w.members[1], auth.DeleteErase, time.Now()); err != nil {
			t.Fatal(err)
		}
		forumtest.InsertThread(t, db, "grief", w.members[2], "Redacted by moderators, or so it felt", nil, time.Now().Add(-time.Hour))
		reader := w.as(w.members[3])
		reader.Header.Set("Accept-Language", "es")
		r = reader.Get("/g/grief")
		pageHas(t, r.Body, ">Censurado por los moderadores</a>", ">Hilo borrado por quien lo escribió</a>", ">Redacted by moderators, or so it felt</a>")
		pageLacks(t, r.Body, "Thread deleted by its author", ">Redacted by moderators</a>")
		r = reader.Get(fmt.Sprintf("/t/%d", erased.ID))
		pageHas(t, r.Body, `<h1 class="thread-title">Hilo borrado por quien lo escribió</h1>`, "<title>Hilo borrado por quien lo escribió",
			`<p class="placeholder">Quien escribió este mensaje lo ha borrado.</p>`, "antiguo miembro")
		pageLacks(t, r.Body, "deleted by its author", "former member")
		r = reader.Get(fmt.Sprintf("/t/%d", redacted.ID))
		pageHas(t, r.Body, `<h1 class="thread-title">Censurado por los moderadores</h1>`)
		r = w.as(w.members[3]).Get("/g/grief")
		pageHas(t, r.Body, ">Redacted by moderators</a>", ">Thread deleted by its author</a>")
	})
}

// TestNumbersFollowTheLanguage: a message over the limit is refused with
// its length and the limit written the reader's language's way, its words
// kept.
func TestNumbersFollowTheLanguage(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		w := newModWorld(t, db)
		long := strings.Repeat("a", 20001)
		form := url.Values{"title": {"A long story"}, "body": {long}, "idem": {freshIdem()}}
		es := w.as(w.author)
		es.Header.Set("Accept-Language", "es")
		r := es.PostForm("/g/grief/threads", form)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Tu mensaje tiene 20.001 caracteres y el límite es 20.000.", long)
		pageLacks(t, r.Body, "20,001", "20,000")
		r = w.as(w.author).PostForm("/g/grief/threads", form)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		pageHas(t, r.Body, "Your message has 20,001 characters and the limit is 20,000.")
	})
}
