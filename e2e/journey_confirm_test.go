package e2e

import (
	"strings"
	"testing"
)

// TestJourneyConfirmations: redacting a post and a thread, banning a member,
// archiving a group and deleting one's account each ask first. The first
// submit shows a confirmation step that says what will happen and whether
// it can be undone, with a Confirm button and a way back; going back
// changes nothing, confirming does it. With and without JavaScript, every
// page checked by axe-core.
func TestJourneyConfirmations(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/mod")
	NeedCommand(t, "create-admin")
	archive := map[bool]string{false: "depression", true: "anxiety"}
	modes(t, func(t *testing.T, noJS bool) {
		author, _ := Member(t, srv, "birch", noJS)
		title := "Sleeping with the light on " + newName("x")
		path := author.StartThread("ptsd", title, "It is the only way I get any rest at the moment.")
		replier, _ := Member(t, srv, "sloe", noJS)
		replier.Go(path)
		replier.SetValue("#body", "I know where you live, it is the house on Elm Street.")
		replier.Submit(`form.composer button.primary`, 200)
		reply := replier.postIDs()[1]
		mod, _ := Admin(t, srv, noJS)

		confirmPostRedaction(t, mod, path, reply)
		confirmBan(t, mod, replier, reply)
		confirmThreadRedaction(t, mod, path, title)
		confirmArchive(t, mod, archive[noJS])
		confirmAccountDeletion(t, author)
	})
}

// confirmPostRedaction redacts a reply from its thread page: going back
// from the step keeps its words, confirming replaces them.
func confirmPostRedaction(t *testing.T, mod *Browser, path, reply string) {
	t.Helper()
	redact := `form[action="/p/` + reply + `/redact"]`
	ask := func() {
		mod.Go(path)
		mod.do("open the post's moderation", chromedpClick(`details.mod-actions:has(`+redact+`) > summary`))
		mod.SetValue(redact+` select[name="reason"]`, "Shares personal information")
		mod.Submit(redact+` button[type="submit"]`, 200)
		requireConfirmStep(t, mod, "Redact this post?", true)
	}
	ask()
	mod.Click(`main a.button`)
	if !strings.HasPrefix(mod.Path(), path+"#") || !strings.Contains(mod.Text("#p-"+reply), "Elm Street") {
		t.Fatalf("cancelling the redaction led to %s, the reply reads %q", mod.Path(), mod.Text("#p-"+reply))
	}
	ask()
	mod.Submit(`main `+redact+` button[type="submit"]`, 200)
	if strings.Contains(mod.Text("#p-"+reply), "Elm Street") {
		t.Fatalf("the confirmed redaction left the words: %q", mod.Text("#p-"+reply))
	}
}

// confirmBan bans the reply's author from its moderator page: going back
// keeps them signed in, confirming ends their session.
func confirmBan(t *testing.T, mod, member *Browser, reply string) {
	t.Helper()
	ban := `form[action^="/mod/users/"][action$="/ban"]`
	ask := func() {
		mod.Go("/mod/posts/" + reply)
		mod.do("open the sanctions", chromedpClick(`details.mod-sanctions > summary`))
		mod.SetValue(ban+` select[name="reason"]`, "Harassment or bullying")
		mod.Submit(ban+` button[type="submit"]`, 200)
		requireConfirmStep(t, mod, "Ban this member?", false)
	}
	ask()
	mod.Click(`main a.button`)
	if mod.Path() != "/mod/posts/"+reply {
		t.Fatalf("cancelling the ban led to %s", mod.Path())
	}
	member.Go("/")
	if !member.Has(`form[action="/logout"]`) {
		t.Fatal("a cancelled ban ended the member's session")
	}
	ask()
	mod.Submit(`main `+ban+` button[type="submit"]`, 200)
	member.Go("/")
	if member.Has(`form[action="/logout"]`) {
		t.Fatal("the confirmed ban left the member signed in")
	}
}

// confirmThreadRedaction redacts a thread from its page: going back keeps
// its title, confirming replaces it.
func confirmThreadRedaction(t *testing.T, mod *Browser, path, title string) {
	t.Helper()
	thread := `form[action="` + path + `/redact"]`
	ask := func() {
		mod.Go(path)
		mod.do("open the thread's moderation", chromedpClick(`details.mod-actions:has(`+thread+`) > summary`))
		mod.SetValue(thread+` select[name="reason"]`, "Shares personal information")
		mod.Submit(thread+` button[type="submit"]`, 200)
		requireConfirmStep(t, mod, "Redact this thread?", true)
	}
	ask()
	mod.Click(`main a.button`)
	if mod.Path() != path || mod.H1() != title {
		t.Fatalf("cancelling the thread's redaction led to %s titled %q", mod.Path(), mod.H1())
	}
	ask()
	mod.Submit(`main `+thread+` button[type="submit"]`, 200)
	if mod.H1() == title {
		t.Fatal("the confirmed thread redaction kept the title")
	}
}

// confirmArchive archives group g from the admin list: going back leaves
// it open, confirming archives it.
func confirmArchive(t *testing.T, mod *Browser, g string) {
	t.Helper()
	unarchive := `form[action="/admin/groups/` + g + `/unarchive"]`
	ask := func() {
		mod.Go("/admin/groups")
		mod.Click(`a[href="/admin/groups/` + g + `/archive"]`)
		requireConfirmStep(t, mod, "", false)
	}
	ask()
	mod.Click(`main a.button`)
	if mod.Path() != "/admin/groups" || mod.Has(unarchive) {
		t.Fatalf("cancelling the archive led to %s; archived: %v", mod.Path(), mod.Has(unarchive))
	}
	ask()
	mod.Submit(`main form[action="/admin/groups/`+g+`/archive"] button[type="submit"]`, 200)
	if mod.Path() != "/admin/groups" || !mod.Has(unarchive) {
		t.Fatalf("the confirmed archive led to %s; archived: %v", mod.Path(), mod.Has(unarchive))
	}
}

// confirmAccountDeletion deletes the member's account, erasing their
// words: going back keeps them signed in, confirming with the password
// ends at /goodbye.
func confirmAccountDeletion(t *testing.T, author *Browser) {
	t.Helper()
	ask := func() {
		author.Go("/settings/delete")
		author.Check(`input[name="mode"][value="erase"]`)
		author.Submit(`form[action="/settings/delete"] button[type="submit"]`, 200)
		requireConfirmStep(t, author, "Delete your account for good?", true)
	}
	ask()
	author.Click(`main a.button`)
	if author.Path() != "/settings" || !author.Has(`form[action="/logout"]`) {
		t.Fatalf("cancelling the deletion led to %s (signed in: %v)", author.Path(), author.Has(`form[action="/logout"]`))
	}
	ask()
	author.Type("#current_password", password)
	author.Submit(`main form[action="/settings/delete"] button[type="submit"]`, 200)
	if author.Path() != "/goodbye" || author.Has(`form[action="/logout"]`) {
		t.Fatalf("the confirmed deletion led to %s", author.Path())
	}
}

// requireConfirmStep checks the page is a confirmation step: the question
// as its heading (when given), what will happen, whether it can be undone,
// one button that confirms and a way back.
func requireConfirmStep(t *testing.T, b *Browser, question string, final bool) {
	t.Helper()
	if h := b.H1(); question != "" && h != question || !strings.HasSuffix(h, "?") {
		t.Fatalf("the confirmation step's heading is %q, want %q", h, question)
	}
	if b.Text("main p.lede") == "" {
		t.Fatal("the confirmation step does not say what will happen")
	}
	if got := strings.Contains(b.Text("main"), "can't be undone"); got != final {
		t.Fatalf("the step says it can't be undone: %v, want %v:\n%s", got, final, b.Text("main"))
	}
	if b.Count(`main form button[type="submit"]`) != 1 || b.Count(`main form input[name="confirm"][value="yes"]`) != 1 || !b.Has("main a.button[href]") {
		t.Fatalf("the confirmation step has no single Confirm button and way back:\n%s", tail(b.Body(), 20))
	}
}
