package e2e

import (
	"strings"
	"testing"
)

// TestJourneyAnonymousPost: a member ticks "Post as Anonymous member" in
// the composer; another member and a visitor read the thread under
// "Anonymous member", never the pseudonym; the author reads it as theirs,
// with the note that others do not. With and without JavaScript.
func TestJourneyAnonymousPost(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	modes(t, func(t *testing.T, noJS bool) {
		author, name := Member(t, srv, "quill", noJS)
		author.Go("/g/anxiety/new")
		if !author.Has(`input[type="checkbox"][name="anonymous"]#anonymous`) || !strings.Contains(author.Text(`label[for="anonymous"]`), "Post as Anonymous member") {
			t.Fatalf("the composer has no anonymous checkbox:\n%s", tail(author.Body(), 30))
		}
		author.Type("#title", "Panic on the train this morning")
		author.SetValue("#body", "My hands would not stop shaking and I did not want anyone I know to read this.")
		author.Check("#anonymous")
		author.Shot("anonymous-composer")
		author.Submit(`form.composer button.primary`, 200)
		thread := strings.SplitN(author.Path(), "#", 2)[0]
		if !strings.HasPrefix(thread, "/t/") {
			t.Fatalf("posting led to %q", thread)
		}
		if !strings.Contains(author.Text(".post.opening .post-head"), name) || !strings.Contains(author.Text(".post.opening .anon-note"), "others see Anonymous member") {
			t.Fatalf("the author does not see their own anonymous post as theirs:\n%s", tail(author.Body(), 30))
		}
		reader, _ := Member(t, srv, "birch", noJS)
		reader.Go(thread)
		reader.Shot("anonymous-thread")
		if got := reader.Text(".post.opening .author"); got != "Anonymous member" {
			t.Errorf("another member reads the author as %q", got)
		}
		if strings.Contains(reader.Body(), name) {
			t.Errorf("another member's page names the anonymous author %s", name)
		}
		if !reader.Has(`form[action$="/block-author"]`) {
			t.Error("no way to block the anonymous author")
		}
		visitor := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
		visitor.Go(thread)
		if strings.Contains(visitor.Body(), name) || visitor.Text(".post.opening .author") != "Anonymous member" {
			t.Errorf("a visitor's page names the anonymous author")
		}
	})
}
