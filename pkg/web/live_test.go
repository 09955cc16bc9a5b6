package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"html"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"hearth/pkg/app"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// Reading live streams (server-sent events) over real connections, as a
// browser's EventSource does.

// streamWait bounds how long a test waits for an event it expects, so a
// broken stream fails the test instead of hanging it; it measures nothing.
const streamWait = 15 * time.Second

// sseEvent is one server-sent event.
type sseEvent struct{ name, data string }

// stream is an open event stream; events closes when the server ends it.
type stream struct {
	t      *testing.T
	events chan sseEvent
}

// startLive runs a's background work (on PostgreSQL, the relay between
// instances) until the test ends.
func startLive(t *testing.T, a *app.App) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	a.Start(ctx)
}

// streamRequest sends GET path to the server at base as c's member (a
// visitor for nil), and returns the response with its body open.
func streamRequest(t *testing.T, base string, c *forumtest.Client, path string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/event-stream")
	if c != nil {
		if ck := c.Cookie("hearth_session"); ck != nil {
			req.AddCookie(&http.Cookie{Name: ck.Name, Value: ck.Value})
		}
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = res.Body.Close() })
	return res
}

// openStream opens the stream at path and reads its events as they come.
func openStream(t *testing.T, base string, c *forumtest.Client, path string) *stream {
	t.Helper()
	res := streamRequest(t, base, c, path)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("GET %s: %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
	}
	s := &stream{t: t, events: make(chan sseEvent, 64)}
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(res.Body)
		var e sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.name != "" {
					s.events <- e
				}
				e = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return s
}

// next is the stream's next event, which must be called name.
func (s *stream) next(name string) sseEvent {
	s.t.Helper()
	select {
	case e, ok := <-s.events:
		if !ok {
			s.t.Fatalf("the stream ended; want a %q event", name)
		}
		if e.name != name {
			s.t.Fatalf("got event %q (%s), want %q", e.name, e.data, name)
		}
		return e
	case <-time.After(streamWait):
		s.t.Fatalf("no %q event", name)
	}
	return sseEvent{}
}

// liveReplies is a thread stream's next event.
type liveReplies struct {
	Count int    `json:"count"`
	Text  string `json:"text"`
	Href  string `json:"href"`
}

func (s *stream) replies() liveReplies {
	s.t.Helper()
	var r liveReplies
	if err := json.Unmarshal([]byte(s.next("replies").data), &r); err != nil {
		s.t.Fatal(err)
	}
	return r
}

// ended waits for the server to end the stream.
func (s *stream) ended() {
	s.t.Helper()
	for {
		select {
		case e, ok := <-s.events:
			if !ok {
				return
			}
			s.t.Logf("event before the end: %q %s", e.name, e.data)
		case <-time.After(streamWait):
			s.t.Fatal("the server did not end the stream")
		}
	}
}

var liveAttr = regexp.MustCompile(`data-live="([^"]+)"`)

// liveURL is the stream a page links, which it must.
func liveURL(t *testing.T, body string) string {
	t.Helper()
	m := liveAttr.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the page has no live stream: %s", snippet(body))
	}
	return html.UnescapeString(m[1])
}

// serveApp serves a with its real http.Server settings on a loopback
// port until stop is called; served then says how Serve returned.
func serveApp(t *testing.T, a *app.App) (base string, stop func(), served chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	served = make(chan error, 1)
	go func() { served <- a.Web.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), cancel, served
}

// liveApp is an app with live updates bounded to max streams of at most
// lifetime each, and its address.
func liveApp(t *testing.T, db *store.DB, max int, lifetime time.Duration) (*app.App, string) {
	t.Helper()
	cfg := forumtest.Config(t)
	cfg.LiveMaxConnections, cfg.LiveMaxLifetime = max, lifetime
	a, _ := forumtest.NewApp(t, db, cfg)
	startLive(t, a)
	return a, httptestServer(t, a.Web.Handler())
}
