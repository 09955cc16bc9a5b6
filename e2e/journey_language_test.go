package e2e

import (
	"strings"
	"testing"
)

// TestJourneySpanish: a member who chooses Spanish in their settings (the
// browser asks for English) and previews words of crisis sees the crisis
// panel in Spanish, and /crisis is in Spanish too. Each passes axe-core;
// with -screenshots they are saved at phone and desktop widths.
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
	b.Audit()
	b.Shot("es-composer-crisis")

	b.Go("/crisis")
	if body := b.Body(); !strings.Contains(body, "Busca ayuda ahora") {
		t.Fatalf("/crisis is not in Spanish:\n%s", tail(body, 30))
	}
	b.Audit()
	b.Shot("es-crisis")
}
