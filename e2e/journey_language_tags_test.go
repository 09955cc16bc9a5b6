package e2e

import (
	"strings"
	"testing"
)

// TestJourneySpanishWarnings: someone who reads in Spanish previews a
// draft whose words are often tagged and is offered Hearth's warning, and
// why, in Spanish; ticks it and posts. Another member reading in Spanish
// meets the post folded behind "Aviso de contenido: Muerte y pérdida".
// Both pages pass axe-core; with -screenshots they are saved at phone and
// desktop widths (es-composer-tags, es-warned-thread).
func TestJourneySpanishWarnings(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	writer, _ := Admin(t, srv, true)
	inSpanish(writer)
	writer.Go("/g/grief/new")
	writer.Type("#title", "Un año sin papá")
	writer.SetValue("#body", "Hoy hace un año del funeral de papá. Sigo poniendo dos tazas por la mañana.")
	writer.Submit(`form.composer button[name="preview"]`, 200)
	body := writer.Body()
	for _, want := range []string{"Algunas palabras de tu borrador suelen llevar etiqueta.", "Muerte y pérdida – menciona «funeral»", "Suicidio"} {
		if !strings.Contains(body, want) {
			t.Fatalf("the composer's suggestion lacks %q in Spanish:\n%s", want, tail(body, 60))
		}
	}
	for _, unwanted := range []string{"mentions", "Death and loss", "Suicide"} {
		if strings.Contains(body, unwanted) {
			t.Fatalf("the Spanish composer still reads %q", unwanted)
		}
	}
	writer.Audit()
	writer.Shot("es-composer-tags")
	writer.Check("#tw-death-loss")
	writer.Submit(`form.composer button.primary`, 200)
	path := strings.SplitN(writer.Path(), "#", 2)[0]
	if !strings.HasPrefix(path, "/t/") {
		t.Fatalf("posting led to %q:\n%s", path, tail(writer.Body(), 30))
	}

	reader, _ := Member(t, srv, "lince", true)
	inSpanish(reader)
	reader.Go(path)
	if got := reader.Text("details.tw summary"); got != "Aviso de contenido: Muerte y pérdida. Ábrelo para leer" {
		t.Fatalf("the warning reads %q", got)
	}
	if got := reader.Text(".tag-list .tag"); got != "Muerte y pérdida" {
		t.Fatalf("the thread's tag reads %q", got)
	}
	reader.Audit()
	reader.Shot("es-warned-thread")
}

// inSpanish chooses Spanish in b's member's settings.
func inSpanish(b *Browser) {
	b.t.Helper()
	b.Go("/settings/language")
	b.SetValue("#language", "es")
	b.Submit(`form[action="/settings/language"] button[type="submit"]`, 200)
}
