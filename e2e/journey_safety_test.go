package e2e

import (
	"strings"
	"testing"
)

// TestJourneyBlockAndBreak: a member blocks another from their profile
// (the blocked member's posts fold away), then takes a break from all of
// Hearth: pages give way to the gentle break page, and help stays open.
func TestJourneyBlockAndBreak(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/settings/breaks")
	modes(t, func(t *testing.T, noJS bool) {
		other, otherName := Member(t, srv, "bramble", noJS)
		path := other.StartThread("carers", "Respite week "+newName("x"), "We finally got a week of respite care booked.")
		op := other.postIDs()[0]

		m, _ := Member(t, srv, "sorrel", noJS)
		m.Go("/u/" + otherName)
		m.Submit(`form[action="/u/`+otherName+`/block"] button[type="submit"]`, 200)
		if !m.Has(`form[action="/u/` + otherName + `/unblock"]`) {
			t.Fatalf("after blocking, the profile offers no Unblock:\n%s", tail(m.Body(), 15))
		}
		m.Go(path)
		if !m.Has("#p-"+op+" details.blocked-post") || m.visible("#p-"+op+" .prose") {
			t.Fatalf("a blocked member's post is not folded away")
		}

		m.Go("/settings/breaks")
		m.do("choose all of Hearth", chromedpClick("#scope-site"))
		m.SetValue("#break-days", "1")
		m.Submit(`form[action="/settings/breaks"] button[type="submit"]`, 200)
		if !strings.Contains(m.Body(), "You're taking a break from") {
			t.Fatalf("the break does not show in the settings:\n%s", tail(m.Body(), 20))
		}
		m.GoStatus("/g/grief", 403)
		if h := m.H1(); h != "You're taking a break" {
			t.Fatalf("during a whole-site break the group page shows %q", h)
		}
		m.Shot("break")
		m.Go("/crisis")
	})
}
