package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
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

// TestJourneyKeyboardToReply: on a three-post thread a member reaches the
// reply box in at most 10 presses of Tab, following "Skip to reply"; the
// author of a warned thread reads it open with the warning above it, while
// another member finds it collapsed.
func TestJourneyKeyboardToReply(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	author, _ := Member(t, srv, "rowan", true)
	path := author.StartThread("grief", "Three posts "+newName("x"), "The first of three.", "death-loss")
	if !author.visible(".own-warning") || !author.visible(`ol.posts .prose`) || author.Has("ol.posts details.tw") {
		t.Fatalf("the author does not see their warned post open with its warning above it:\n%s", tail(author.Body(), 20))
	}
	for _, body := range []string{"The second.", "The third."} {
		author.SetValue("#body", body)
		author.Submit(`form.composer button.primary`, 200)
	}
	b, _ := Member(t, srv, "aspen", false)
	b.Go(path)
	if n := len(b.postIDs()); n != 3 {
		t.Fatalf("the thread has %d posts, want 3", n)
	}
	if !b.Has("ol.posts details.tw") {
		t.Fatalf("another member does not see the warned post collapsed")
	}
	stops := 0
	for ; stops < 10; stops++ {
		b.Press(kb.Tab)
		if eval[bool](b, `document.activeElement && document.activeElement.id === "body"`) {
			break
		}
		if eval[bool](b, `!!document.activeElement && document.activeElement.matches('.skip-link, .in-page a[href="#reply-heading"]')`) {
			b.Press(kb.Enter)
		}
	}
	if !eval[bool](b, `document.activeElement && document.activeElement.id === "body"`) {
		t.Fatalf("the reply box is not reached in 10 Tab stops (focus on %+v)", b.focused())
	}
	t.Logf("reply box reached in %d Tab stops", stops+1)
}
