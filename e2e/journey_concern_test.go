package e2e

import (
	"strings"
	"testing"
)

// concernWords sound heavy without a sign of current intent: the default
// detector raises them to the concern level, not to a crisis.
const concernWords = "Everything feels hopeless lately. I can't see the point of anything and I just feel empty all the time."

// requireConcernPanel checks the page shows the gentler concern panel,
// not the crisis one, with the member's country's helpline in it, and is
// axe-core clean.
func (b *Browser) requireConcernPanel(where string) {
	b.t.Helper()
	if !b.Has("aside.crisis-panel.concern-panel") {
		b.t.Fatalf("%s: no concern panel:\n%s", where, tail(b.Body(), 30))
	}
	if h := b.Text("aside.concern-panel h2"); !strings.Contains(h, "This sounds heavy") {
		b.t.Fatalf("%s: the concern panel's heading is %q", where, h)
	}
	if p := b.Text("aside.concern-panel"); !strings.Contains(p, "116 123") {
		b.t.Fatalf("%s: the concern panel does not offer the member's country's helpline:\n%s", where, p)
	}
	b.Audit()
}

// TestJourneyConcernPanel: with the default detector, a member in the
// United Kingdom writes heavy words that are not a crisis and is offered
// support gently ("This sounds heavy", their country's helpline first), in
// the preview and after posting; another member reads the post as it was
// written, with no panel and no fold. With and without JavaScript,
// axe-core clean.
func TestJourneyConcernPanel(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/settings/country")
	modes(t, func(t *testing.T, noJS bool) {
		m, _ := Member(t, srv, "plover", noJS)
		m.setCountry("GB")

		m.Go("/g/depression/new")
		m.Type("#title", "Heavy "+newName("x"))
		m.Type("#body", concernWords)
		m.Submit(`form.composer button[name="preview"]`, 200)
		m.requireConcernPanel("preview")
		m.Submit(`form.composer button.primary`, 200)
		if !strings.HasPrefix(m.Path(), "/t/") {
			t.Fatalf("posting led to %q", m.Path())
		}
		m.requireConcernPanel("after posting")
		thread := m.Path()

		reader, _ := Member(t, srv, "tern", noJS)
		reader.Go(thread)
		if body := reader.Text("main"); !strings.Contains(body, "I just feel empty all the time") {
			t.Fatalf("another member does not read the post as written:\n%s", tail(reader.Body(), 30))
		}
		if reader.Has("aside.crisis-panel") || strings.Contains(reader.Body(), "folded behind an automatic warning") {
			t.Fatalf("another member sees a panel or a fold on a concern-level post:\n%s", tail(reader.Body(), 30))
		}
	})
}
