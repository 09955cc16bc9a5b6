package e2e

import (
	"strings"
	"testing"
)

// navRows counts the rows the main navigation's items sit on.
func (b *Browser) navRows() int {
	b.t.Helper()
	return eval[int](b, `new Set([...document.querySelectorAll(".site-nav li")].map(li => Math.round(li.getBoundingClientRect().top))).size`)
}

// shotThemes saves screenshots of the page in the light and the dark theme
// when screenshots are asked for.
func (b *Browser) shotThemes(label string) {
	b.t.Helper()
	if !shotsOnDemand() {
		return
	}
	b.Shot(label)
	b.colorScheme("dark")
	b.Shot(label + "-dark")
	b.colorScheme("")
}

// TestJourneyStaffHeaderOnAPhone: an administrator who is also a peer
// supporter and helps answer new posts has the longest navigation Hearth
// shows, with counts beside it. On a phone it takes at most two rows, every
// link in it stays, and Quick exit and "Get help now" are on screen and on
// top, axe-core clean. Their settings, administration and peer support
// pages are photographed in both themes when screenshots are asked for.
func TestJourneyStaffHeaderOnAPhone(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{Env: []string{"HEARTH_SUPPORT_MIN_AGE=0"}})
	srv.NeedRoute(t, "/settings/helping")
	keeper, name := Admin(t, srv, false)
	appointSupporter(t, srv, name, false)
	keeper.Go("/settings/helping")
	keeper.Check(`input[name="helping"][value="yes"]`)
	keeper.Submit(`form[action="/settings/helping"] button.primary`, 200)

	asker, _ := Member(t, srv, "fern", false)
	asker.StartThread("grief", "First time posting "+newName("t"), "I don't really know where to start.")
	asker.Go("/g/grief/support")
	asker.SetValue("#about", "The evenings are very quiet now.")
	asker.Submit(`form[action="/g/grief/support"] button.primary`, 200)

	keeper.phone()
	for _, path := range []string{"/", "/settings", "/admin", "/peer"} {
		keeper.Go(path)
		nav := keeper.Text(".site-nav")
		for _, want := range []string{"Groups", "Search", "Notifications", "Waiting", "Peer support", name, "Settings", "Log out"} {
			if !strings.Contains(nav, want) {
				t.Errorf("%s: the navigation lacks %q: %q", path, want, nav)
			}
		}
		if rows := keeper.navRows(); rows > 2 {
			t.Errorf("%s: at 390px the navigation takes %d rows, want at most 2: %q", path, rows, nav)
		}
		for _, sel := range []string{".quick-exit", ".help-now"} {
			if !keeper.inView(sel) {
				t.Errorf("%s: %s is not on screen and on top at 390px", path, sel)
			}
		}
		keeper.Audit()
		keeper.shotThemes("staff" + strings.ReplaceAll(path, "/", "-"))
	}
	for _, path := range []string{"/settings/helping", "/admin/people", "/admin/groups", keeper.firstLink(`main a[href^="/support/"]`, "/peer")} {
		keeper.Go(path)
		keeper.Audit()
		keeper.shotThemes("staff" + strings.ReplaceAll(path, "/", "-"))
	}
}

// firstLink is the href of the first element matching sel on page, or
// page itself when there is none.
func (b *Browser) firstLink(sel, page string) string {
	b.t.Helper()
	b.Go(page)
	if h := eval[string](b, `(e => e ? e.getAttribute("href") : "")(document.querySelector(`+jsString(sel)+`))`); h != "" {
		return h
	}
	return page
}
