package e2e

import (
	"strings"
	"testing"
)

// TestJourneyFirstLook: the pages a newcomer and a moderator meet first, on
// a forum with demo content: the home page, a thread, the composer with the
// crisis panel after a preview of crisis words, and the moderation queue.
// Each passes axe-core; with -screenshots they are saved at phone and
// desktop widths (the pictures of the look).
func TestJourneyFirstLook(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	NeedCommand(t, "seed-demo")
	srv.Hearth(t, "", "seed-demo", "-threads", "24", "-posts", "120", "-members", "12")

	b, _ := Admin(t, srv, true)
	b.Go("/")
	if !b.Has(`a[href^="/g/"]`) {
		t.Fatalf("the home page lists no groups:\n%s", tail(b.Body(), 20))
	}
	b.Audit()
	b.Shot("home")

	b.Go("/g/grief")
	b.Click(`a[href^="/t/"]`)
	if !b.Has("ol.posts > li.post") {
		t.Fatalf("the thread shows no posts:\n%s", tail(b.Body(), 20))
	}
	b.Audit()
	b.Shot("thread")

	b.Go("/g/depression/new")
	b.Type("#title", "Tonight")
	b.SetValue("#body", "I can't do this anymore. I have the pills here and I'm going to take them tonight.")
	b.Submit(`form.composer button[name="preview"]`, 200)
	if !b.Has("aside.crisis-panel") {
		t.Fatalf("no crisis panel on the preview of crisis words:\n%s", tail(b.Body(), 30))
	}
	if got := eval[string](b, `document.querySelector("#body").value`); !strings.Contains(got, "tonight") {
		t.Fatalf("the preview lost the draft: %q", got)
	}
	b.Audit()
	b.Shot("composer-crisis")

	b.Go("/mod")
	if !b.Has("ol.queue > li.queue-item") {
		t.Fatalf("the demo forum's queue is empty:\n%s", tail(b.Body(), 20))
	}
	b.Audit()
	b.Shot("mod")
}
