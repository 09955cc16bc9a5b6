package e2e

import (
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"hearth/pkg/forumtest"
)

// TestJourneyFloodLimit: a member replying faster than the flood limit
// (lowered here to two replies a minute) gets a calm 429 page that says
// how long to wait, with the reply they typed still in its form; the
// first two replies are posted. With and without JavaScript, axe-core
// clean.
func TestJourneyFloodLimit(t *testing.T) {
	needChromium(t)
	srv := StartServer(t, ServerOptions{Env: []string{"HEARTH_FLOOD_LIMITS=reply.account=2/1m," +
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

// TestJourneyCalmOutage: the database becomes unreachable while a member
// is writing a reply on PostgreSQL. Sending it answers a calm 503 page with
// the words kept in a form; once the database is back, "Send again" posts
// the reply once. With and without JavaScript, axe-core clean.
func TestJourneyCalmOutage(t *testing.T) {
	needChromium(t)
	if forumtest.PostgresURL() == "" {
		if required() {
			t.Fatal("the outage journey cuts a PostgreSQL connection: set HEARTH_TEST_DATABASE_URL")
		}
		t.Skip("skipped: the outage journey cuts a PostgreSQL connection; set HEARTH_TEST_DATABASE_URL to run it")
	}
	p := newDBProxy(t, forumtest.PostgresSchemaURL(t))
	srv := StartServer(t, ServerOptions{DatabaseURL: p.url})
	modes(t, func(t *testing.T, noJS bool) {
		m, _ := Member(t, srv, "wren", noJS)
		path := m.StartThread("grief", "Quiet evenings "+newName("t"), "The house is so quiet now.")
		words := "I light a candle for him every evening. It helps a little."
		m.Go(path)
		m.SetValue("#body", words)
		p.cut()
		m.Submit(`form.composer button.primary`, 503)
		if body := m.Body(); !strings.Contains(body, "reach its storage") || eval[string](m, `document.querySelector("#kept-body").value`) != words {
			p.restore()
			t.Fatalf("the reply sent during the outage does not come back calmly with its words:\n%s", tail(body, 25))
		}
		m.Audit()
		m.Shot("outage-503")
		p.restore()
		m.Submit(`form button.primary`, 200)
		if !strings.HasPrefix(m.Path(), path) || strings.Count(m.Body(), "I light a candle") != 1 {
			t.Fatalf("sending again led to %s without the reply once:\n%s", m.Path(), tail(m.Body(), 25))
		}
	})
}

// dbProxy forwards a loopback port to the database server, so a journey can
// cut the server off from its database and bring it back.
type dbProxy struct {
	t      *testing.T
	url    string
	addr   string
	target string

	mu    sync.Mutex
	ln    net.Listener
	conns []net.Conn
}

func newDBProxy(t *testing.T, dbURL string) *dbProxy {
	t.Helper()
	host := dbURL[strings.Index(dbURL, "@")+1:]
	host = host[:strings.Index(host, "/")]
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &dbProxy{t: t, addr: ln.Addr().String(), target: host}
	p.url = strings.Replace(dbURL, "@"+host+"/", "@"+p.addr+"/", 1)
	p.serve(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *dbProxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			d, err := net.Dial("tcp", p.target)
			if err != nil {
				_ = c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, d)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(d, c); _ = d.Close() }()
			go func() { _, _ = io.Copy(c, d); _ = c.Close() }()
		}
	}()
}

// cut closes the port and every connection through it.
func (p *dbProxy) cut() {
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

// restore listens on the same port again.
func (p *dbProxy) restore() {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("database proxy: %v", err)
	}
	p.serve(ln)
}
