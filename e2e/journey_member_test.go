package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestJourneySignupAndRecovery: a visitor signs up under a pseudonym, sees
// their recovery codes once, logs out, and gets back in with a code after
// "forgetting" the password; a used code does not work twice.
func TestJourneySignupAndRecovery(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/signup")
	modes(t, func(t *testing.T, noJS bool) {
		b := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
		name := newName("fern")
		codes := b.SignUp(name)
		if len(codes) < 5 {
			t.Fatalf("only %d recovery codes", len(codes))
		}
		b.Shot("recovery-codes")
		b.Click(`a.button.primary[href="/welcome"]`)
		b.RequireSignedIn(name)
		b.LogOut()

		b.Go("/recover")
		b.Type("#username", name)
		b.Type("#code", codes[0])
		b.Type("#password", "a brand new long password")
		b.Submit(`form[action="/recover"] button[type="submit"]`, 200)
		b.RequireSignedIn(name)
		b.LogOut()
		b.LogIn(name, "a brand new long password")
		b.LogOut()

		b.Go("/recover")
		b.Type("#username", name)
		b.Type("#code", codes[0])
		b.Type("#password", "yet another long password")
		b.Submit(`form[action="/recover"] button[type="submit"]`, 422)
		if !b.Has(".error-summary") {
			t.Fatalf("reusing a recovery code shows no error:\n%s", tail(b.Body(), 15))
		}
	})
}

// TestJourneyThreadWithTriggerWarning: a member starts a thread tagged
// "Death and loss"; another member finds it collapsed behind a warning,
// reveals it, then chooses to hide that tag, after which the thread leaves
// the group's list and its posts are folded away.
func TestJourneyThreadWithTriggerWarning(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/signup")
	modes(t, func(t *testing.T, noJS bool) {
		author, _ := Member(t, srv, "willow", noJS)
		title := "The first spring without her " + newName("x")
		path := author.StartThread("grief", title, "Mum died in March. The garden she planted is coming up and I can't decide whether that helps or hurts.", "death-loss")
		if !strings.Contains(author.Text(".tag-list"), "Death and loss") {
			t.Errorf("the thread does not show its trigger warning")
		}
		op := author.postIDs()[0]

		reader, _ := Member(t, srv, "heron", noJS)
		reader.Go(path)
		tw := "#p-" + op + " details.tw"
		if !reader.Has(tw) {
			t.Fatalf("the tagged opening post is not collapsed for another reader:\n%s", tail(reader.Body(), 20))
		}
		if reader.open(tw) || reader.visible("#p-"+op+" .prose") {
			t.Fatalf("the tagged post is open before the reader chose to open it")
		}
		if s := reader.Text(tw + " > summary"); !strings.Contains(s, "Death and loss") {
			t.Errorf("the warning does not name its tag: %q", s)
		}
		reader.Shot("collapsed")
		reader.do("reveal", chromedpClick(tw+" > summary"))
		if !reader.open(tw) || !reader.visible("#p-"+op+" .prose") {
			t.Fatalf("clicking the warning did not reveal the post")
		}
		reader.AuditNow("revealed")

		// Keyboard: Tab reaches the warning and Enter opens it.
		reader.Go(path)
		reader.tabTo(tw+" > summary", 40)
		reader.requireVisibleFocus(reader.focused())
		reader.Press(kb.Enter)
		if !reader.open(tw) {
			t.Fatalf("Enter on the focused warning did not open it")
		}

		// Hide the tag: the thread leaves the list and is folded away.
		reader.Go("/settings/warnings")
		reader.do("choose hide", chromedpClick(`input[name="mode-death-loss"][value="hide"]`))
		reader.Submit(`form[action="/settings/warnings"] button[type="submit"]`, 200)
		reader.Go("/g/grief")
		if reader.Has(`.thread-list a[href="` + path + `"]`) {
			t.Errorf("a thread with a hidden tag is still listed in the group")
		}
		reader.Go(path)
		if !reader.Has("details.tw-hidden") {
			t.Errorf("the thread with a hidden tag is not folded away:\n%s", tail(reader.Body(), 20))
		}
		reader.Shot("hidden")
	})
}

// TestJourneyKeyboardComposer: a member writes and posts a thread with the
// keyboard alone, ticking a trigger warning with Space, then replies to it
// with the keyboard alone.
func TestJourneyKeyboardComposer(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/signup")
	modes(t, func(t *testing.T, noJS bool) {
		b, _ := Member(t, srv, "otter", noJS)
		b.Go("/g/anxiety/new")
		b.tabTo("#title", 40)
		b.requireVisibleFocus(b.focused())
		b.Press("Panic at the bus stop")
		b.tabTo("#body", 5)
		b.Press("It passed after ten minutes, but I had to get off two stops early.")
		b.tabTo("#tw-medical-detail", 12)
		b.requireVisibleFocus(b.focused())
		b.Press(" ")
		if !eval[bool](b, `document.querySelector("#tw-medical-detail").checked`) {
			t.Fatalf("Space did not tick the focused trigger warning")
		}
		b.tabTo(`form.composer button.primary`, 20)
		b.requireVisibleFocus(b.focused())
		b.PressNav(kb.Enter, 200)
		if p := b.Path(); !strings.HasPrefix(p, "/t/") || b.Text("h1") != "Panic at the bus stop" {
			t.Fatalf("Enter on Post thread led to %q", p)
		}

		// The reply composer at the end of the thread works the same way:
		// Tab reaches its text box past the post's own controls, and Enter
		// on its button posts the reply.
		b.tabTo("#body", 80)
		b.requireVisibleFocus(b.focused())
		b.Press("Update: the next morning I stayed on to my stop.")
		b.tabTo(`form.composer button.primary`, 20)
		b.requireVisibleFocus(b.focused())
		b.PressNav(kb.Enter, 200)
		if ids := b.postIDs(); len(ids) != 2 || !strings.Contains(b.Text("#p-"+ids[1]), "stayed on to my stop") {
			t.Fatalf("Enter on Post reply gave posts %v at %s", ids, b.Path())
		}
	})
}

// TestJourneyReplyToReply: one member replies to the opening post, the
// author answers that reply, and the answer is nested under it.
func TestJourneyReplyToReply(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/signup")
	modes(t, func(t *testing.T, noJS bool) {
		author, authorName := Member(t, srv, "robin", noJS)
		path := author.StartThread("depression", "Small wins this week "+newName("x"), "I opened the curtains every morning this week. It's not much, but it's something.")
		op := author.postIDs()[0]

		friend, friendName := Member(t, srv, "badger", noJS)
		friend.Go(path)
		friend.Click(`#p-` + op + ` a[href="` + path + `/reply?parent=` + op + `"]`)
		friend.SetValue("#body", "That's not small at all. Opening the curtains is my one rule too.")
		friend.Submit(`form.composer button.primary`, 200)
		ids := friend.postIDs()
		if len(ids) != 2 {
			t.Fatalf("thread has %d posts after a reply, want 2", len(ids))
		}
		reply := ids[1]
		if !strings.HasSuffix(friend.Location(), "#p-"+reply) {
			t.Errorf("after replying the browser is at %s, want the fragment #p-%s", friend.Location(), reply)
		}

		// The author is told about the reply, and the notification leads to it.
		author.Go("/notifications")
		if n := author.Count("li.notification.unread"); n != 1 || !strings.Contains(author.Text("li.notification"), friendName) {
			t.Fatalf("the author has %d unread notifications, want one about %s's reply:\n%s", n, friendName, tail(author.Body(), 15))
		}
		author.Click(`li.notification a`)
		if !strings.HasPrefix(author.Path(), path) || !author.Has("#p-"+reply) {
			t.Fatalf("the notification led to %s", author.Path())
		}
		author.Go(path)
		author.Click(`#p-` + reply + ` a[href="` + path + `/reply?parent=` + reply + `"]`)
		if !author.Has(".parent-post") {
			t.Errorf("the reply page does not show the post being answered")
		}
		author.SetValue("#body", "Thank you, that means a lot.")
		author.Submit(`form.composer button.primary`, 200)
		ids = author.postIDs()
		if len(ids) != 3 || ids[1] != reply {
			t.Fatalf("posts after the answer: %v", ids)
		}
		answer := "#p-" + ids[2]
		if !author.Has("#p-"+reply+".indent-1") || !author.Has(answer+".indent-2") {
			t.Fatalf("the answer is not nested under %s's reply: reply %q, answer %q", friendName, author.attr("#p-"+reply, "class"), author.attr(answer, "class"))
		}
		if !strings.Contains(author.Text(answer+" .author"), authorName) {
			t.Errorf("the answer is not by its author")
		}
	})
}

// TestJourneyCrisisPanel: a member whose post reads as crisis language sees
// helplines at once; the post is published and moderators see a wellbeing
// concern at the top of their queue.
func TestJourneyCrisisPanel(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/signup")
	NeedCommand(t, "create-admin")
	modes(t, func(t *testing.T, noJS bool) {
		m, _ := Member(t, srv, "moth", noJS)
		title := "Tonight " + newName("x")
		m.StartThread("depression", title, "I can't do this anymore. I'm going to kill myself tonight.")
		if !m.Has("aside.crisis-panel") || m.Count("aside.crisis-panel .helpline") == 0 {
			t.Fatalf("no crisis panel with helplines after a crisis-language post:\n%s", tail(m.Body(), 30))
		}
		if len(m.postIDs()) != 1 {
			t.Errorf("the post was not published")
		}
		m.Shot("crisis-panel")

		admin, _ := Admin(t, srv, noJS)
		admin.Go("/mod")
		if first := admin.Text("ol.queue > li.queue-item h2"); !strings.Contains(first, "Wellbeing concern") {
			t.Fatalf("the queue does not start with a wellbeing concern: %q", first)
		}
		kind := eval[string](admin, `(li => li ? li.querySelector("h2").textContent : "")([...document.querySelectorAll("ol.queue > li.queue-item")].find(li => li.textContent.includes(`+jsString(title)+`)))`)
		if !strings.Contains(kind, "Wellbeing concern") {
			t.Fatalf("the post is not in the queue as a wellbeing concern (%q)", kind)
		}
	})
}

// TestJourneySearch: a visitor searches for words from a thread and finds
// it; a tagged thread's excerpt stays behind its trigger warning.
func TestJourneySearch(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/search")
	modes(t, func(t *testing.T, noJS bool) {
		author, _ := Member(t, srv, "kestrel", noJS)
		word := "marmalade" + strings.TrimPrefix(newName("w"), "w_")
		plainTitle, taggedTitle := "Breakfast routines "+word, "Her recipe book "+word
		author.StartThread("anxiety", plainTitle, "Toast with "+word+" every morning keeps me steady.")
		author.StartThread("grief", taggedTitle, "Making her "+word+" again after the funeral.", "death-loss")

		v := NewBrowser(t, srv, BrowserOptions{NoJS: noJS})
		v.Go("/search")
		v.Type("#q", word)
		v.Submit(`form.search-form button[type="submit"]`, 200)
		state := func(title string) string {
			return eval[string](v, `(li => !li ? "missing" : li.querySelector("details.tw") ? "collapsed" : "open")([...document.querySelectorAll(".search-results > li")].find(li => li.querySelector("h3").textContent.trim() === `+jsString(title)+`))`)
		}
		if got := state(plainTitle); got != "open" {
			t.Fatalf("search for %q: the untagged thread is %s:\n%s", word, got, tail(v.Body(), 20))
		}
		if got := state(taggedTitle); got != "collapsed" {
			t.Errorf("search for %q: the tagged thread's excerpt is %s, want collapsed behind its warning", word, got)
		}
		v.Click(`.search-results > li:last-child h3 a`)
		if h := v.Text("h1"); h != plainTitle && h != taggedTitle {
			t.Errorf("a search result led to %q", h)
		}
	})
}

// TestJourneyFollowedThreadNotice: a member follows someone else's thread;
// two replies later they have one notice for it, which says how many new
// replies there are and leads to the first, and "Mark all as read" clears
// it.
func TestJourneyFollowedThreadNotice(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/signup")
	modes(t, func(t *testing.T, noJS bool) {
		author, authorName := Member(t, srv, "wren", noJS)
		title := "Evenings are the hardest " + newName("x")
		path := author.StartThread("grief", title, "The house is so quiet after six.")

		follower, _ := Member(t, srv, "heron", noJS)
		follower.Go(path)
		follower.Submit(`form[action$="/follow"] button`, 200)
		if !follower.Has(`form[action$="/follow"] button[aria-pressed="true"]`) {
			t.Fatalf("the follow button does not show Following:\n%s", tail(follower.Body(), 20))
		}

		author.Go(path)
		author.SetValue("#body", "Tonight I put the radio on, and it helped a little.")
		author.Submit(`form.composer button.primary`, 200)
		first := author.postIDs()[1]
		author.SetValue("#body", "And I called my sister after.")
		author.Submit(`form.composer button.primary`, 200)

		follower.Go("/notifications")
		want := "2 new replies in “" + title + "”, a thread you follow, the first from " + authorName
		// Names and titles are bidi-isolated (U+2068 ... U+2069) where Go composes the sentence.
		if n := follower.Count("li.notification.unread"); n != 1 || !strings.Contains(strings.NewReplacer("\u2068", "", "\u2069", "").Replace(follower.Text("li.notification")), want) {
			t.Fatalf("the follower has %d unread notifications, want one saying %q:\n%s", n, want, tail(follower.Body(), 15))
		}
		follower.Shot("followed-thread-notice")
		follower.Click(`li.notification a`)
		if !strings.HasPrefix(follower.Path(), path) || !strings.HasSuffix(follower.Location(), "#p-"+first) {
			t.Fatalf("the notice led to %s, want the first new reply #p-%s", follower.Location(), first)
		}
		follower.Go("/notifications")
		follower.Submit(`form[action="/notifications/read"] button`, 200)
		if n := follower.Count("li.notification.unread"); n != 0 {
			t.Fatalf("%d unread notifications after marking them read", n)
		}
	})
}
