package e2e

import (
	"strings"
	"testing"
)

// TestJourneySpanish: a member who chooses Spanish in their settings (the
// browser asks for English) and previews words of crisis sees the crisis
// panel and the composer around it in Spanish, and /crisis is in Spanish
// too. A thread page reads in Spanish, and a reader with JavaScript who
// chose Spanish is told of a new reply in Spanish without reloading. Each
// passes axe-core; with -screenshots they are saved at phone and desktop
// widths.
func TestJourneySpanish(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	b, _ := Admin(t, srv, true)
	b.Go("/settings/language")
	b.SetValue("#language", "es")
	b.Submit(`form[action="/settings/language"] button[type="submit"]`, 200)

	b.Go("/g/depression/new")
	b.Type("#title", "Esta noche")
	b.SetValue("#body", "I can't do this anymore. I have the pills here and I'm going to take them tonight.")
	b.Submit(`form.composer button[name="preview"]`, 200)
	if !b.Has("aside.crisis-panel") {
		t.Fatalf("no crisis panel on the preview of crisis words:\n%s", tail(b.Body(), 30))
	}
	if body := b.Body(); !strings.Contains(body, "Parece que estás pasando por mucho ahora mismo") {
		t.Fatalf("the crisis panel is not in Spanish:\n%s", tail(body, 40))
	}
	if body := b.Body(); !strings.Contains(body, "Avisos de contenido") || !strings.Contains(body, "Publicar hilo") || strings.Contains(body, "Trigger warnings") {
		t.Fatalf("the composer is not in Spanish:\n%s", tail(body, 40))
	}
	b.Audit()
	b.Shot("es-composer-crisis")

	b.Go("/crisis")
	if body := b.Body(); !strings.Contains(body, "Busca ayuda ahora") {
		t.Fatalf("/crisis is not in Spanish:\n%s", tail(body, 30))
	}
	b.Audit()
	b.Shot("es-crisis")

	spanishThreadAndLiveReply(t, srv, b)
}

// spanishThreadAndLiveReply: a reader with JavaScript who chose Spanish
// opens a thread, another member replies, and the reader's status line
// says so in Spanish; the thread page, its posts and its reply form are
// in Spanish.
func spanishThreadAndLiveReply(t *testing.T, srv *Server, writer *Browser) {
	t.Helper()
	path := writer.StartThread("grief", "El primer invierno sin ella",
		"Hoy ha nevado por primera vez y quería contárselo. ¿Esta sensación se pasa alguna vez?")
	reader, _ := Member(t, srv, "lince", false)
	reader.Go("/settings/language")
	reader.SetValue("#language", "es")
	reader.Submit(`form[action="/settings/language"] button[type="submit"]`, 200)
	reader.Go(path)
	if got := reader.Text(".live-note"); got != "" {
		t.Fatalf("before any reply the status line reads %q", got)
	}

	writer.Go(path)
	writer.SetValue("#body", "A mí me llega por oleadas. La primera nevada también me costó. Cuídate mucho esta noche.")
	writer.Submit(`form.composer button.primary`, 200)
	reply := writer.postIDs()[1]

	reader.waitText(".live-note", "1 respuesta nueva \u2013 mostrar")
	if href := reader.attr(".live-note a", "href"); !strings.HasSuffix(href, "/p/"+reply) {
		t.Fatalf("mostrar links %q, want the reply %s", href, reply)
	}
	reader.AuditNow("es-live-reply")
	reader.Shot("es-live-reply")

	reader.Go(path)
	if lang := reader.attr("html", "lang"); lang != "es" {
		t.Fatalf("the thread page is in %q", lang)
	}
	body := reader.Body()
	for _, want := range []string{"Responder a este hilo", "Reaccionar", "Vista previa", "Publicar respuesta", "ahora mismo"} {
		if !strings.Contains(body, want) {
			t.Fatalf("the thread page lacks %q in Spanish:\n%s", want, tail(body, 60))
		}
	}
	for _, unwanted := range []string{"Reply to this thread", "Preview", "Post reply", "just now", " ago"} {
		if strings.Contains(body, unwanted) {
			t.Fatalf("the Spanish thread page still reads %q", unwanted)
		}
	}
	reader.Audit()
	reader.Shot("es-thread")
}
