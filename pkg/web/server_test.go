package web_test

import (
	"context"
	"hearth/pkg/forumtest"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// TestShutdownLetsInFlightRequestFinish starts the real server, begins a slow
// request, asks the server to stop, and checks the request still completes.
func TestShutdownLetsInFlightRequestFinish(t *testing.T) {
	db := forumtest.NewSQLite(t)
	a, _ := forumtest.NewApp(t, db, forumtest.Config(t))
	started, release := make(chan struct{}), make(chan struct{})
	a.Web.Echo().GET("/slow", func(c echo.Context) error {
		close(started)
		<-release
		return c.String(http.StatusOK, "finished")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- a.Web.Serve(ctx, ln) }()

	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		got <- result{string(b), err}
	}()
	<-started
	stop()
	// The request is released only once shutdown has begun: the listener
	// refuses new connections from then on.
	waitRefused(t, ln.Addr().String())
	close(release)
	r := <-got
	if r.err != nil || r.body != "finished" {
		t.Fatalf("in-flight request: %q, %v", r.body, r.err)
	}
	if err := <-served; err != nil {
		t.Fatalf("serve returned %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Fatal("server still accepting after shutdown")
	}
}

// waitRefused waits until nothing accepts connections at addr.
func waitRefused(t *testing.T, addr string) {
	t.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(10 * time.Second)
	for {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			return
		}
		c.Close()
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatal("the listener still accepts connections 10 s after shutdown began")
		}
	}
}
