package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitText polls until the text of sel contains want (for what a page's
// scripts write after the page has loaded), failing after stepTimeout.
func (b *Browser) waitText(sel, want string) string {
	b.t.Helper()
	deadline := time.Now().Add(stepTimeout)
	expr := fmt.Sprintf(`(document.querySelector(%s) || {}).textContent || ""`, jsString(sel))
	for {
		ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		cancel()
		if err == nil && strings.Contains(got, want) {
			return got
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("waited for %q in %s; it reads %q (%v)", want, sel, got, err)
		}
		<-time.After(50 * time.Millisecond)
	}
}

// liveStreams reads how many live streams the server holds, from
// /metrics.
func liveStreams(t *testing.T, srv *Server) string {
	t.Helper()
	res, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "hearth_live_streams "); ok {
			return v
		}
	}
	t.Fatal("/metrics has no hearth_live_streams")
	return ""
}

// TestJourneyLiveReplies: two members read one thread; when one replies,
// the other's page says "1 new reply – show" in its status line without
// being reloaded, with no accessibility finding of any impact, and "show"
// opens the page at the new reply. A member with JavaScript off sees the
// page as ever, and pages that are left give their streams back.
func TestJourneyLiveReplies(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/signup")
	author, _ := Member(t, srv, "wren", false)
	path := author.StartThread("grief", "First winter without her "+newName("x"),
		"The first snow came today and I wanted to tell her about it. Does that feeling ever fade?")
	reader, _ := Member(t, srv, "heron", false)
	still, _ := Member(t, srv, "finch", true)
	reader.Go(path)
	still.Go(path)
	if got := reader.Text(".live-note"); got != "" {
		t.Fatalf("before any reply the status line reads %q", got)
	}

	author.Go(path)
	author.SetValue("#body", "It comes in waves for me. The first snow was hard too. Be gentle with yourself tonight.")
	author.Submit(`form.composer button.primary`, 200)
	reply := author.postIDs()[1]

	reader.waitText(".live-note", "1 new reply \u2013 show")
	if href := reader.attr(".live-note a", "href"); !strings.HasSuffix(href, "/p/"+reply) {
		t.Fatalf("show links %q, want the reply %s", href, reply)
	}
	if role := reader.attr(".live-note", "role"); role != "status" {
		t.Fatalf("the status line has role %q", role)
	}
	reader.AuditNow("live-replies")
	if axeScript(t) != "" {
		if vs := eval[[]axeViolation](reader, axeRun); len(vs) > 0 {
			t.Errorf("axe: the thread with new replies has %d finding(s):\n%s", len(vs), formatViolations(vs))
		}
	}
	reader.Shot("live-replies")
	if got := still.Text(".live-note"); got != "" {
		t.Fatalf("with JavaScript off the status line reads %q", got)
	}
	if still.Has("#p-" + reply) {
		t.Fatal("the page without JavaScript changed by itself")
	}

	reader.Click(".live-note a")
	if !strings.HasSuffix(reader.Location(), "#p-"+reply) || !reader.Has("#p-"+reply) {
		t.Fatalf("show led to %s without the reply", reader.Location())
	}
	if got := reader.Text("#p-" + reply + " .prose"); !strings.Contains(got, "It comes in waves") {
		t.Fatalf("the new reply reads %q", got)
	}
	if got := reader.Text(".live-note"); got != "" {
		t.Fatalf("after showing the replies the status line reads %q", got)
	}

	for _, b := range []*Browser{author, reader, still} {
		b.Go("/")
	}
	deadline := time.Now().Add(stepTimeout)
	for n := liveStreams(t, srv); n != "0"; n = liveStreams(t, srv) {
		if time.Now().After(deadline) {
			t.Fatalf("%s live streams still open after every page was left", n)
		}
		<-time.After(50 * time.Millisecond)
	}
}

// TestJourneyLiveQueue: a moderator keeps the queue open; when a member
// posts words of crisis, the queue shows the new wellbeing concern and
// the staff bar its count, and the status line says items arrived,
// without a reload. While the moderator has an item's actions open, the
// list is left alone and the status line offers to show the new one.
func TestJourneyLiveQueue(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{})
	srv.NeedRoute(t, "/signup")
	mod, _ := Admin(t, srv, false)
	mod.Go("/mod")
	if !mod.Has(".empty") || mod.Has("li.queue-item") {
		t.Fatalf("the queue is not empty at first:\n%s", tail(mod.Body(), 20))
	}
	member, _ := Member(t, srv, "wren", false)
	member.StartThread("depression", "Tonight "+newName("x"), "I can't do this anymore. I'm going to kill myself tonight.")

	mod.waitText(".live-note", "New items arrived in the queue.")
	mod.waitText(".staff-bar", "1 wellbeing concern waiting")
	if n := mod.Count("li.queue-item"); n != 1 {
		t.Fatalf("the refreshed queue lists %d items", n)
	}
	if got := mod.Text("li.queue-item h2"); !strings.Contains(got, "Wellbeing concern") {
		t.Fatalf("the new item reads %q", got)
	}
	mod.AuditNow("live-queue")
	if axeScript(t) != "" {
		if vs := eval[[]axeViolation](mod, axeRun); len(vs) > 0 {
			t.Errorf("axe: the refreshed queue has %d finding(s):\n%s", len(vs), formatViolations(vs))
		}
	}
	mod.Shot("live-queue")

	mod.do("open the item's actions", chromedpClick("li.queue-item details.mod-actions summary"))
	if !mod.open("li.queue-item details.mod-actions") {
		t.Fatal("the item's actions did not open")
	}
	member.StartThread("depression", "Again "+newName("x"), "I have the pills saved up and tonight is the night. I can't do this anymore.")
	mod.waitText(".live-note", "New items arrived in the queue. \u2013 show")
	mod.waitText(".staff-bar", "2 wellbeing concerns waiting")
	if n := mod.Count("li.queue-item"); n != 1 {
		t.Fatalf("the list changed under the moderator's open actions: %d items", n)
	}
	mod.Click(".live-note a")
	if n := mod.Count("li.queue-item"); n != 2 {
		t.Fatalf("show gave %d items", n)
	}
}
