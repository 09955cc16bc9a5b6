package e2e

import (
	"strings"
	"testing"
)

// panelOrder describes the crisis panel on the page: what comes first
// ("emergency" for the large emergency call, "helpline" for the member's
// country line), the first helpline's text, and how large the emergency
// call's type is against the panel's own.
const panelOrder = `(() => {
	const p = document.querySelector("aside.crisis-panel");
	if (!p) return {first: "none"};
	const call = p.querySelector(".emergency-call"), line = p.querySelector(".helpline");
	let first = line ? "helpline" : "nothing";
	if (call && (!line || (call.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING))) first = "emergency";
	const size = e => parseFloat(getComputedStyle(e).fontSize);
	return {first, call: call ? call.textContent.trim() : "", line: line ? line.textContent.trim() : "",
		ratio: call ? size(call) / size(p) : 0, text: p.textContent};
})()`

type panelShape struct {
	First string  `json:"first"`
	Call  string  `json:"call"`
	Line  string  `json:"line"`
	Ratio float64 `json:"ratio"`
	Text  string  `json:"text"`
}

// requirePanel checks the crisis panel on the page: with immediate danger
// the emergency number first in large type, then the country line;
// otherwise the country line first and no emergency call.
func (b *Browser) requirePanel(where string, immediate bool) {
	b.t.Helper()
	p := eval[panelShape](b, panelOrder)
	switch {
	case immediate && p.First != "emergency":
		b.t.Fatalf("%s: words with immediate danger show the panel with %q first, want the emergency call:\n%s", where, p.First, p.Text)
	case immediate && (!strings.Contains(p.Call, "999") || p.Ratio < 1.25):
		b.t.Fatalf("%s: the emergency call %q is not the country's number in large type (%.2f× the panel's text)", where, p.Call, p.Ratio)
	case !immediate && p.First != "helpline":
		b.t.Fatalf("%s: crisis words without immediacy show %q first, want the country's helpline:\n%s", where, p.First, p.Text)
	}
	if !strings.Contains(p.Line, "116 123") {
		b.t.Fatalf("%s: the first helpline is not the member's country's (%q)", where, p.Line)
	}
	b.Audit()
}

// setCountry sets the member's country, which orders the helplines of
// their crisis and concern panels.
func (b *Browser) setCountry(code string) {
	b.t.Helper()
	b.Go("/settings/country")
	b.SetValue("#country", code)
	b.Submit(`form[action="/settings/country"] button[type="submit"]`, 200)
}

// TestJourneyCrisisPanelLevels: a member in the United Kingdom writes words
// that put danger tonight, and the crisis panel leads with the emergency
// number in large type, then the country's helpline, in the composer's
// preview (as they type, with JavaScript; with the Preview button, without)
// and after posting. Crisis words with no time lead with the country's
// helpline instead. With and without JavaScript, axe-core clean.
func TestJourneyCrisisPanelLevels(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/settings/country")
	modes(t, func(t *testing.T, noJS bool) {
		m, _ := Member(t, srv, "linnet", noJS)
		m.setCountry("GB")

		for _, c := range []struct {
			name, body string
			immediate  bool
		}{
			{"immediate", "I can't do this anymore. I'm going to kill myself tonight.", true},
			{"not immediate", "I have the pills saved up and I can't do this anymore", false},
		} {
			m.Go("/g/depression/new")
			m.Type("#title", "Heavy "+newName("x"))
			m.Type("#body", c.body)
			if !noJS {
				m.waitText("[data-live-preview] aside.crisis-panel", "going through a lot")
				m.requirePanel(c.name+", live preview", c.immediate)
			}
			m.Submit(`form.composer button[name="preview"]`, 200)
			m.requirePanel(c.name+", preview", c.immediate)
			m.Shot("crisis-" + strings.ReplaceAll(c.name, " ", "-") + "-preview")
			m.Submit(`form.composer button.primary`, 200)
			if !strings.HasPrefix(m.Path(), "/t/") {
				t.Fatalf("posting led to %q", m.Path())
			}
			m.requirePanel(c.name+", after posting", c.immediate)
		}
	})
}
