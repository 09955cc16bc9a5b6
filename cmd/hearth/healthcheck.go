package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"hearth/pkg/config"
)

// cmdHealthcheck asks the server at HEARTH_ADDR for /readyz (or the path
// given) and fails unless it answers 200. The container image has no shell
// or curl, so Docker's HEALTHCHECK runs this.
func cmdHealthcheck(ctx context.Context, e *env, args []string) error {
	path := "/readyz"
	switch {
	case len(args) == 1 && strings.HasPrefix(args[0], "/"):
		path = args[0]
	case len(args) > 0:
		return errors.New("usage: hearth healthcheck [PATH] (default /readyz)")
	}
	cfg, err := config.Load(e.lookup)
	if err != nil {
		return err
	}
	host, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return err
	}
	// A server listening on every address answers on loopback.
	if host == "" || net.ParseIP(host).IsUnspecified() {
		host = "127.0.0.1"
	}
	url := "http://" + net.JoinHostPort(host, port) + path
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil) // #nosec G704 -- the operator's own HEARTH_ADDR, not request input
	if err != nil {
		return err
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req) // #nosec G704 -- the operator's own HEARTH_ADDR, not request input
	if err != nil {
		return err
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 4<<10))
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, res.Status)
	}
	fmt.Fprintf(e.stdout, "healthcheck: GET %s: %s\n", url, res.Status)
	return nil
}
