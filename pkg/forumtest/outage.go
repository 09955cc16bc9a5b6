package forumtest

import (
	"io"
	"net"
	"net/url"
	"sync"
	"testing"

	"hearth/pkg/store"
)

// Outages for tests of how Hearth answers while its database is out of
// reach: on SQLite the database handle is closed; on PostgreSQL the store
// reaches the server through a loopback proxy that can be cut (every
// connection dropped, new ones refused) and restored.

// Outage cuts a test database off and, on PostgreSQL, brings it back.
type Outage struct {
	// Cut makes the database unreachable.
	Cut func()
	// Restore makes it reachable again; nil on SQLite, whose closed
	// handle stays closed.
	Restore func()
}

// EachOutage runs fn like EachDB, on a migrated database that o cuts off.
func EachOutage(t *testing.T, fn func(t *testing.T, db *store.DB, o Outage)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		db := NewSQLite(t)
		fn(t, db, Outage{Cut: func() { _ = db.Close() }})
	})
	if PostgresURL() != "" || Required() {
		t.Run("postgres", func(t *testing.T) {
			dsn, o := PostgresBehindProxy(t)
			fn(t, open(t, dsn), o)
		})
	}
}

// PostgresBehindProxy returns a fresh schema's URL that reaches the test
// PostgreSQL through a loopback proxy, and the outage that cuts and
// restores it (for a server run as its own process, as the browser
// journeys do).
func PostgresBehindProxy(t testing.TB) (string, Outage) {
	t.Helper()
	u, err := url.Parse(PostgresSchemaURL(t))
	if err != nil {
		t.Fatal(err)
	}
	p := newProxy(t, u.Host)
	u.Host = p.addr
	return u.String(), Outage{Cut: p.cut, Restore: p.restore}
}

// proxy forwards loopback connections to a database server.
type proxy struct {
	t      testing.TB
	addr   string
	target string

	mu    sync.Mutex
	ln    net.Listener
	conns []net.Conn
}

func newProxy(t testing.TB, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{t: t, addr: ln.Addr().String(), target: target}
	p.serve(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *proxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.pipe(c)
		}
	}()
}

// pipe joins client c to a new connection to the server.
func (p *proxy) pipe(c net.Conn) {
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		_ = c.Close()
		return
	}
	p.mu.Lock()
	if p.ln == nil {
		p.mu.Unlock()
		_ = c.Close()
		_ = s.Close()
		return
	}
	p.conns = append(p.conns, c, s)
	p.mu.Unlock()
	go func() { _, _ = io.Copy(s, c); _ = s.Close() }()
	_, _ = io.Copy(c, s)
	_ = c.Close()
}

// cut closes the listener and every connection through it.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		_ = p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
}

// restore listens again on the same address.
func (p *proxy) restore() {
	p.t.Helper()
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("restore the database proxy: %v", err)
	}
	p.serve(ln)
}
