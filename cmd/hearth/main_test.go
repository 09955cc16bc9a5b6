package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"hearth/migrations"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

// hearthCmd runs one subcommand in process with env as the whole environment.
func hearthCmd(t *testing.T, env map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb,
		func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	return code, out.String(), errb.String()
}

// server is a running `hearth serve`.
type server struct {
	base   string
	stop   context.CancelFunc
	done   chan int
	stderr *forumtest.LogBuffer
}

// startServe runs `hearth serve` on a free loopback port and waits until it
// logs the address it serves.
func startServe(t *testing.T, env map[string]string) *server {
	t.Helper()
	// HEARTH_MEMORY_LIMIT=0: serve runs in the test process, whose own
	// memory limit it would otherwise set (TestServeSetsMemoryLimit checks it).
	full := map[string]string{"HEARTH_ADDR": "127.0.0.1:0", "HEARTH_STAFF_TOTP": "optional", "HEARTH_LOG_LEVEL": "info", "HEARTH_MEMORY_LIMIT": "0"}
	for k, v := range env {
		full[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &server{stop: cancel, done: make(chan int, 1), stderr: &forumtest.LogBuffer{}}
	go func() {
		s.done <- run(ctx, []string{"serve"}, strings.NewReader(""), io.Discard, s.stderr,
			func(k string) (string, bool) { v, ok := full[k]; return v, ok })
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.done:
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
	})
	addr := regexp.MustCompile(`url=(http://[0-9.:]+)`)
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m := addr.FindStringSubmatch(s.stderr.String()); m != nil {
			s.base = m[1]
			return s
		}
		select {
		case code := <-s.done:
			s.done <- code
			t.Fatalf("serve exited with %d before serving:\n%s", code, s.stderr)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start:\n%s", s.stderr)
	return nil
}

// shutdown stops the server as SIGTERM would and returns its exit code.
func (s *server) shutdown(t *testing.T) int {
	t.Helper()
	s.stop()
	select {
	case code := <-s.done:
		s.done <- code // for the cleanup
		return code
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
		return -1
	}
}

func newBrowser(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func get(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

func wantDefaultGroups(t *testing.T, body string) {
	t.Helper()
	for _, want := range []string{`href="/g/grief"`, "Grief &amp; Loss", `href="/g/anxiety"`, `href="/g/ptsd"`, "PTSD &amp; Trauma", `href="/g/depression"`} {
		if !strings.Contains(body, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
}

// markNewer records a migration this build does not know, as a newer Hearth
// would.
func markNewer(t *testing.T, dsn string) {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, store.Options{MaxConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.W.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from a newer hearth', CURRENT_TIMESTAMP)", migrations.Latest()+1).Error; err != nil {
		t.Fatal(err)
	}
}

func TestCommandLine(t *testing.T) {
	if code, out, _ := hearthCmd(t, nil, "", "version"); code != 0 || out != "hearth dev\n" {
		t.Fatalf("version: %d %q", code, out)
	}
	code, out, _ := hearthCmd(t, nil, "", "help")
	if code != 0 {
		t.Fatalf("help: %d", code)
	}
	for name := range commands {
		if !strings.Contains(out, "  "+name+" ") {
			t.Errorf("help does not list %s:\n%s", name, out)
		}
	}
	if code, _, errs := hearthCmd(t, nil, "", "serv"); code != 2 || !strings.Contains(errs, `unknown command "serv"`) || !strings.Contains(errs, "usage: hearth COMMAND") {
		t.Fatalf("unknown command: %d %q", code, errs)
	}
	// Bad settings stop every command at start with one message per value.
	env := map[string]string{"HEARTH_ADDR": "8080", "HEARTH_STAFF_TOTP": "never", "HEARTH_DATA_DIR": t.TempDir()}
	for _, cmd := range []string{"serve", "migrate"} {
		code, _, errs := hearthCmd(t, env, "", cmd)
		if code != 1 || !strings.Contains(errs, "HEARTH_ADDR: ") || !strings.Contains(errs, "HEARTH_STAFF_TOTP: ") {
			t.Errorf("%s with bad settings: %d %q", cmd, code, errs)
		}
	}
	if code, _, errs := hearthCmd(t, nil, "", "healthcheck", "readyz", "extra"); code != 1 || !strings.Contains(errs, "usage: hearth healthcheck") {
		t.Fatalf("healthcheck usage: %d %q", code, errs)
	}
}

// TestServeOnSQLiteKeepsEverythingAcrossRestarts is `make run` in process: a
// fresh data directory gets the SQLite file, the secret key and the default
// groups; a session made before a restart still works after it; a schema
// from a newer Hearth stops the server from starting.
func TestServeOnSQLiteKeepsEverythingAcrossRestarts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	env := map[string]string{"HEARTH_DATA_DIR": dir}

	s := startServe(t, env)
	for _, f := range []string{"hearth.db", "secret.key"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatalf("data directory: %v", err)
		}
	}
	key, _ := os.ReadFile(filepath.Join(dir, "secret.key"))
	c := newBrowser(t)
	code, body := get(t, c, s.base+"/")
	if code != http.StatusOK {
		t.Fatalf("home: %d", code)
	}
	wantDefaultGroups(t, body)
	hc := map[string]string{"HEARTH_ADDR": strings.TrimPrefix(s.base, "http://")}
	if code, out, errs := hearthCmd(t, hc, "", "healthcheck"); code != 0 || !strings.Contains(out, "200") {
		t.Fatalf("healthcheck on a running server: %d %q %q", code, out, errs)
	}
	if code, out, errs := hearthCmd(t, env, "a long keeper password\n", "create-admin", "keeper"); code != 0 {
		t.Fatalf("create-admin: %d %q %q", code, out, errs)
	}
	res, err := c.PostForm(s.base+"/login", url.Values{"username": {"keeper"}, "password": {"a long keeper password"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d", res.StatusCode)
	}
	if _, body := get(t, c, s.base+"/"); !strings.Contains(body, `action="/logout"`) {
		t.Fatal("not signed in after login")
	}
	if code := s.shutdown(t); code != 0 {
		t.Fatalf("serve exited with %d:\n%s", code, s.stderr)
	}
	if code, _, _ := hearthCmd(t, hc, "", "healthcheck"); code == 0 {
		t.Fatal("healthcheck passed with the server stopped")
	}

	s = startServe(t, env)
	if again, _ := os.ReadFile(filepath.Join(dir, "secret.key")); !bytes.Equal(again, key) {
		t.Fatal("the secret key changed across a restart")
	}
	code, body = get(t, c, s.base+"/")
	if code != http.StatusOK || !strings.Contains(body, `action="/logout"`) {
		t.Fatalf("after a restart: %d, signed in %v", code, strings.Contains(body, `action="/logout"`))
	}
	wantDefaultGroups(t, body)
	if code := s.shutdown(t); code != 0 {
		t.Fatalf("serve exited with %d", code)
	}

	markNewer(t, "sqlite:"+filepath.Join(dir, "hearth.db"))
	if code, _, errs := hearthCmd(t, env, "", "serve"); code != 1 || !strings.Contains(errs, "newer than this version") {
		t.Fatalf("serve on a newer schema: %d %q", code, errs)
	}
}

// TestServeOnPostgresNeedsMigrate checks the PostgreSQL path of the README:
// the server refuses an unmigrated database, `hearth migrate` applies every
// step once, the server then serves the default groups, HEARTH_AUTO_MIGRATE=1
// migrates on start instead, and a newer schema is refused by both commands.
func TestServeOnPostgresNeedsMigrate(t *testing.T) {
	dsn := forumtest.PostgresSchemaURL(t)
	env := map[string]string{"HEARTH_DATABASE_URL": dsn, "HEARTH_DATA_DIR": t.TempDir()}
	if code, _, errs := hearthCmd(t, env, "", "serve"); code != 1 || !strings.Contains(errs, "hearth migrate") {
		t.Fatalf("serve on an unmigrated database: %d %q", code, errs)
	}
	want := fmt.Sprintf("migrate: applied %d step(s); schema is current\n", len(migrations.Steps))
	if code, out, errs := hearthCmd(t, env, "", "migrate"); code != 0 || out != want {
		t.Fatalf("migrate: %d %q %q", code, out, errs)
	}
	if code, out, errs := hearthCmd(t, env, "", "migrate"); code != 0 || out != "migrate: applied 0 step(s); schema is current\n" {
		t.Fatalf("second migrate: %d %q %q", code, out, errs)
	}
	s := startServe(t, env)
	code, body := get(t, newBrowser(t), s.base+"/")
	if code != http.StatusOK {
		t.Fatalf("home: %d", code)
	}
	wantDefaultGroups(t, body)
	if code := s.shutdown(t); code != 0 {
		t.Fatalf("serve exited with %d", code)
	}

	markNewer(t, dsn)
	for _, cmd := range []string{"migrate", "serve"} {
		if code, _, errs := hearthCmd(t, env, "", cmd); code != 1 || !strings.Contains(errs, "newer than this version") {
			t.Errorf("%s on a newer schema: %d %q", cmd, code, errs)
		}
	}

	auto := map[string]string{"HEARTH_DATABASE_URL": forumtest.PostgresSchemaURL(t), "HEARTH_DATA_DIR": t.TempDir(), "HEARTH_AUTO_MIGRATE": "1"}
	s = startServe(t, auto)
	if code, body := get(t, newBrowser(t), s.base+"/"); code != http.StatusOK || !strings.Contains(body, "Grief &amp; Loss") {
		t.Fatalf("home with HEARTH_AUTO_MIGRATE=1: %d", code)
	}
}

// TestServeSetsMemoryLimit: HEARTH_MEMORY_LIMIT becomes the runtime's soft
// memory limit, and GOMEMLIMIT, when set, is left to win.
func TestServeSetsMemoryLimit(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })

	s := startServe(t, map[string]string{"HEARTH_DATA_DIR": t.TempDir(), "HEARTH_MEMORY_LIMIT": "3GiB"})
	if got := debug.SetMemoryLimit(-1); got != 3<<30 {
		t.Fatalf("memory limit %d, want 3 GiB", got)
	}
	if !strings.Contains(s.stderr.String(), "from=HEARTH_MEMORY_LIMIT") {
		t.Fatalf("no memory limit line in the log:\n%s", s.stderr.String())
	}

	debug.SetMemoryLimit(5 << 30) // as the runtime would from GOMEMLIMIT=5GiB
	s = startServe(t, map[string]string{"HEARTH_DATA_DIR": t.TempDir(), "HEARTH_MEMORY_LIMIT": "3GiB", "GOMEMLIMIT": "5GiB"})
	if got := debug.SetMemoryLimit(-1); got != 5<<30 {
		t.Fatalf("memory limit %d with GOMEMLIMIT set, want it left at 5 GiB", got)
	}
	if !strings.Contains(s.stderr.String(), "from=GOMEMLIMIT") {
		t.Fatalf("no GOMEMLIMIT line in the log:\n%s", s.stderr.String())
	}
}
