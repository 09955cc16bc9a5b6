package web

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"hearth/pkg/events"
)

// Live updates are server-sent events (text/event-stream), which browsers
// reconnect by themselves and which need nothing but the standard library
// to write. A stream never carries a post's words or anyone's name: it
// tells its reader what changed for them, counted for that reader through
// the same rules as the page (live_thread.go, live_mod.go), and the page
// fetches anything more the ordinary way.

const (
	// liveHeartbeat is how often an idle stream sends a comment, so a
	// client that left is noticed (the write fails) and proxies keep the
	// connection.
	liveHeartbeat = 25 * time.Second
	// liveWriteWait bounds one write to a stream.
	liveWriteWait = 10 * time.Second
	// liveRetryAfter is the Retry-After, in seconds, of a stream refused
	// because the server holds as many as it may.
	liveRetryAfter = 30
	// liveBuffer is how many events a stream's subscription holds before
	// the bus drops (a stream counts again after any burst, so one is as
	// good as many).
	liveBuffer = 8
)

// liveHub bounds the open streams and ends them all when the server shuts
// down, so a graceful shutdown never waits on a stream.
type liveHub struct {
	bus      *events.Bus
	max      int
	lifetime time.Duration
	mu       sync.Mutex
	open     int
	done     chan struct{}
	once     sync.Once
}

// newLiveHub returns the hub, or nil (live updates off) when max is 0 or
// there is no bus.
func newLiveHub(bus *events.Bus, max int, lifetime time.Duration) *liveHub {
	if bus == nil || max <= 0 {
		return nil
	}
	if lifetime <= 0 {
		lifetime = 10 * time.Minute
	}
	return &liveHub{bus: bus, max: max, lifetime: lifetime, done: make(chan struct{})}
}

// enter takes a place for a stream; false when all are taken or the
// server is shutting down.
func (h *liveHub) enter() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	select {
	case <-h.done:
		return false
	default:
	}
	if h.open >= h.max {
		return false
	}
	h.open++
	return true
}

// leave gives a stream's place back.
func (h *liveHub) leave() {
	h.mu.Lock()
	h.open--
	h.mu.Unlock()
}

// Open counts the streams open now.
func (h *liveHub) Open() int {
	if h == nil {
		return 0
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.open
}

// shutdown ends every stream and refuses new ones.
func (h *liveHub) shutdown() {
	if h != nil {
		h.once.Do(func() { close(h.done) })
	}
}

// LiveStreams counts the live-update streams this server holds open.
func (s *Server) LiveStreams() int { return s.live.Open() }

// liveUpdate computes what a stream sends after the events in evs (none
// when the stream opens): the event's name and data, or "" to send
// nothing. stop ends the stream (the reader may no longer see what it
// watches).
type liveUpdate func(ctx context.Context, evs []events.Event) (name string, data any, stop bool, err error)

// liveStream serves one stream: it hears the events keep accepts, calls
// update when it opens and after each burst of events, and sends what
// update returns. It ends when the
// client leaves, the lifetime is over, the server shuts down or update
// says stop. Past the bound it answers 503 with Retry-After.
func (s *Server) liveStream(c echo.Context, keep func(events.Event) bool, update liveUpdate) error {
	h := s.live
	if h == nil {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	if !h.enter() {
		c.Response().Header().Set("Retry-After", strconv.Itoa(liveRetryAfter))
		return c.String(http.StatusServiceUnavailable, s.tr(c, "Live updates are busy; the page works without them. Try again later.")+"\n")
	}
	defer h.leave()
	sub := h.bus.Subscribe(liveBuffer, keep)
	defer sub.Close()
	ctx := c.Request().Context()
	w := c.Response()
	rc := http.NewResponseController(w)
	// The server's read timeout would end the request, and its write
	// timeout the stream: a stream sets its own deadlines.
	_ = rc.SetReadDeadline(time.Time{})
	w.Header().Set(echo.HeaderContentType, "text/event-stream; charset=utf-8")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	// Reconnections after a restart or the lifetime are spread over a few
	// seconds rather than arriving at once.
	retry := 2000 + rand.IntN(8000) // #nosec G404 -- spreading reconnections needs no secret
	send := func(chunk string) error {
		_ = rc.SetWriteDeadline(time.Now().Add(liveWriteWait))
		if _, err := fmt.Fprint(w, chunk); err != nil {
			return err
		}
		return rc.Flush()
	}
	if err := send("retry: " + strconv.Itoa(retry) + "\n\n"); err != nil {
		return nil
	}
	push := func(evs []events.Event) (bool, error) {
		name, data, stop, err := update(ctx, evs)
		if err != nil || stop || name == "" {
			return stop, err
		}
		b, err := json.Marshal(data)
		if err != nil {
			return true, err
		}
		return false, send("event: " + name + "\ndata: " + string(b) + "\n\n")
	}
	if stop, err := push(nil); stop || err != nil {
		return s.liveEnd(c, err)
	}
	life := time.NewTimer(h.lifetime)
	defer life.Stop()
	beat := time.NewTicker(liveHeartbeat)
	defer beat.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-h.done:
			return nil
		case <-life.C:
			return nil
		case <-beat.C:
			if err := send(": still here\n\n"); err != nil {
				return nil
			}
		case e := <-sub.Events():
			evs := drain(sub, e)
			if stop, err := push(evs); stop || err != nil {
				return s.liveEnd(c, err)
			}
		}
	}
}

// drain is e and the events already waiting behind it.
func drain(sub *events.Sub, e events.Event) []events.Event {
	evs := []events.Event{e}
	for {
		select {
		case more := <-sub.Events():
			evs = append(evs, more)
		default:
			return evs
		}
	}
}

// liveEnd ends a stream whose update failed or said stop. The status has
// been sent, so an error is only logged; the client reconnects and is
// then answered in full.
func (s *Server) liveEnd(c echo.Context, err error) error {
	if err != nil && c.Request().Context().Err() == nil {
		s.log.Warn("live updates", "request_id", reqID(c), "route", c.Path(), "err", err.Error())
	}
	return nil
}
