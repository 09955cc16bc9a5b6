package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forumtest"
)

// TestJourneyFloodLimit: a member replying faster than the flood limit
// (lowered here to two replies a window) gets a calm 429 page that says
// how long to wait, with the reply they typed still in its form; the
// first two replies are posted. With and without JavaScript, axe-core
// clean.
func TestJourneyFloodLimit(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{Env: []string{"HEARTH_FLOOD_LIMITS=reply.account=2/" + calmWindow(time.Now()) + "," +
		"signup.client=1000/1h,thread.client=1000/10m,reply.client=1000/1m,edit.client=1000/1m,react.client=1000/1m,report.client=1000/10m"}})
	modes(t, func(t *testing.T, noJS bool) {
		m, _ := Member(t, srv, "plover", noJS)
		path := m.StartThread("anxiety", "Counting breaths "+newName("t"), "Four in, hold, four out. It helps on the bus.")
		for _, words := range []string{"Day two: the bus was fine.", "Day three: the bus was late and I managed."} {
			m.Go(path)
			m.SetValue("#body", words)
			m.Submit(`form.composer button.primary`, 200)
		}
		m.Go(path)
		third := "Day four: I went one stop further than usual."
		m.SetValue("#body", third)
		m.Submit(`form.composer button.primary`, 429)
		if body := m.Body(); !strings.Contains(body, "pausing this for a moment") || eval[string](m, `document.querySelector("#body").value`) != third {
			t.Fatalf("the refused reply's page does not ask to slow down with the words kept:\n%s", tail(body, 25))
		}
		m.Audit()
		m.Shot("flood-limit-429")
		m.Go(path)
		if n := m.Count("ol.posts > li.post"); n != 3 {
			t.Fatalf("the thread has %d posts, want the opening post and two replies", n)
		}
	})
}

// calmWindow is a flood window, in seconds, whose current window has at
// least ten minutes left at now. Flood windows are fixed (aligned to
// multiples of their length since the Unix epoch), so a journey that
// crossed into the next window would see its count start again and its
// third reply accepted.
func calmWindow(now time.Time) string {
	for w := int64(3600); ; w += 61 {
		if w-now.Unix()%w >= 600 {
			return strconv.FormatInt(w, 10) + "s"
		}
	}
}

// TestJourneyCalmOutage: the database becomes unreachable while a member
// is writing a reply on PostgreSQL. Sending it answers a calm 503 page with
// the words kept in a form; once the database is back, "Send again" posts
// the reply once. With and without JavaScript, axe-core clean.
func TestJourneyCalmOutage(t *testing.T) {
	needChromium(t)
	forumtest.NeedPostgres(t, "the outage journey cuts a PostgreSQL connection")
	dsn, outage := forumtest.PostgresBehindProxy(t)
	srv := StartServer(t, ServerOptions{DatabaseURL: dsn})
	modes(t, func(t *testing.T, noJS bool) {
		m, _ := Member(t, srv, "wren", noJS)
		path := m.StartThread("grief", "Quiet evenings "+newName("t"), "The house is so quiet now.")
		words := "I light a candle for him every evening. It helps a little."
		m.Go(path)
		m.SetValue("#body", words)
		outage.Cut()
		m.Submit(`form.composer button.primary`, 503)
		if body := m.Body(); !strings.Contains(body, "reach its storage") || eval[string](m, `document.querySelector("#kept-body").value`) != words {
			outage.Restore()
			t.Fatalf("the reply sent during the outage does not come back calmly with its words:\n%s", tail(body, 25))
		}
		if nav := eval[string](m, `document.querySelector(".site-nav").innerText`); !strings.Contains(nav, "still signed in") || strings.Contains(nav, "Log in") || strings.Contains(nav, "Sign up") {
			outage.Restore()
			t.Fatalf("during the outage the header suggests the member was signed out: %q", nav)
		}
		m.Audit()
		m.Shot("outage-503")
		outage.Restore()
		m.Submit(`form button.primary`, 200)
		if !strings.HasPrefix(m.Path(), path) || strings.Count(m.Body(), "I light a candle") != 1 {
			t.Fatalf("sending again led to %s without the reply once:\n%s", m.Path(), tail(m.Body(), 25))
		}
	})
}
