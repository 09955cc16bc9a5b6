package e2e

import (
	"strings"
	"testing"
)

// TestJourneySupportRequest: an admin appoints a peer supporter for grief;
// a member asks for one-to-one support there; the supporter finds the
// request on their peer support page and accepts it; the two talk (a
// phone number is refused kindly, the words kept); the member ends the
// conversation after confirming. New accounts may ask at once here
// (HEARTH_SUPPORT_MIN_AGE=0).
func TestJourneySupportRequest(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{Env: []string{"HEARTH_SUPPORT_MIN_AGE=0"}})
	srv.NeedRoute(t, "/peer-supporters")
	NeedCommand(t, "create-admin")
	modes(t, func(t *testing.T, noJS bool) {
		asker, _ := Member(t, srv, "fern", noJS)
		helper, helperName := Member(t, srv, "moss", noJS)
		appointSupporter(t, srv, helperName, noJS)

		// The member asks, from the group page.
		asker.StartThread("grief", "First time posting "+newName("t"), "I don't really know where to start.")
		asker.Go("/")
		if !strings.Contains(asker.Body(), "Waiting for a first reply") {
			t.Errorf("the home page has no waiting list")
		}
		asker.Shot("waiting-home")
		asker.Go("/g/grief")
		asker.Click(`a[href="/g/grief/support"]`)
		asker.Shot("support-ask")
		asker.SetValue("#about", "My mum died in the spring and the evenings are very quiet now.")
		asker.Check(`input[name="trigger_warnings"][value="death-loss"]`)
		asker.Submit(`form[action="/g/grief/support"] button.primary`, 200)
		path := asker.Path()
		if !strings.HasPrefix(path, "/support/") || !strings.Contains(asker.H1(), "Your request") {
			t.Fatalf("asking led to %s (%q)", path, asker.H1())
		}
		asker.Shot("support-request")

		// The peer supporter finds it and accepts.
		helper.Go("/peer")
		helper.Shot("support-peer-page")
		helper.Click(`main a[href="` + path + `"]`)
		helper.Submit(`form[action="`+path+`/accept"] button`, 200)
		helper.SetValue("#body", "Hello. I lost my dad two years ago; the evenings were the hardest for me too.")
		helper.Submit(`form[action="`+path+`/messages"] button.primary`, 200)

		// The member reads it and answers; contact details are refused kindly.
		asker.Go(path)
		if !strings.Contains(asker.Body(), "the evenings were the hardest") {
			t.Fatalf("the member does not see the supporter's message:\n%s", tail(asker.Body(), 20))
		}
		asker.SetValue("#body", "Thank you. Could you text me on 07700 900123?")
		asker.Submit(`form[action="`+path+`/messages"] button.primary`, 422)
		if !strings.Contains(asker.Body(), "stays here on Hearth") || !strings.Contains(eval[string](asker, `document.querySelector("#body").value`), "07700 900123") {
			t.Errorf("the refused message lost its explanation or its words")
		}
		asker.Shot("support-refused")
		asker.SetValue("#body", "Thank you. It helps to know someone understands.")
		asker.Submit(`form[action="`+path+`/messages"] button.primary`, 200)
		asker.Shot("support-conversation")

		// The member ends it, after confirming.
		asker.Click(`a[href="` + path + `/end"]`)
		asker.Submit(`form[action="`+path+`/end"] button.primary`, 422)
		asker.Check("#confirm")
		asker.Shot("support-end")
		asker.Submit(`form[action="`+path+`/end"] button.primary`, 200)
		if !strings.Contains(asker.Body(), "This conversation has ended") || asker.Has(`form[action="`+path+`/messages"]`) {
			t.Fatalf("the conversation did not end:\n%s", tail(asker.Body(), 20))
		}
		helper.Go(path)
		if !strings.Contains(helper.Body(), "This conversation has ended") {
			t.Errorf("the supporter still sees the conversation open")
		}
	})
}

// appointSupporter makes name a peer supporter of grief through
// /admin/people.
func appointSupporter(t *testing.T, srv *Server, name string, noJS bool) {
	t.Helper()
	admin, _ := Admin(t, srv, noJS)
	admin.Go("/admin/people?q=" + name)
	grief := eval[string](admin, `[...document.querySelectorAll('input[name="peer_groups"]')].find(i => i.parentElement.textContent.includes("Grief")).value`)
	admin.Check(`input[name="peer_groups"][value="` + grief + `"]`)
	admin.Type("#peer_reason", "Lived experience of loss")
	admin.Submit(`form[action$="/peer"] button[type="submit"]`, 200)
	if !strings.Contains(admin.Body(), "is a peer supporter in Grief") {
		t.Fatalf("the appointment did not take:\n%s", tail(admin.Body(), 20))
	}
}
