package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// buildDir holds the hearth binary built once for the whole test run.
var buildDir string

func TestMain(m *testing.M) {
	neutral := httptest.NewTLSServer(http.HandlerFunc(neutralSite))
	exitURL = neutral.URL + "/weather"
	code := m.Run()
	neutral.Close()
	if buildDir != "" {
		_ = os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// repoRoot is the module root (the directory above e2e/).
func repoRoot(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(wd)
}

// hearthBinary builds cmd/hearth once per test run and returns its path
// (HEARTH_E2E_BIN names a binary built beforehand instead).
func hearthBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		if p := os.Getenv("HEARTH_E2E_BIN"); p != "" {
			binPath = p
			return
		}
		dir, err := os.MkdirTemp("", "hearth-e2e-bin-")
		if err != nil {
			buildErr = err
			return
		}
		buildDir = dir
		// A name of its own, so that someone cleaning up their own
		// "hearth" processes by name does not stop these.
		binPath = filepath.Join(dir, "hearth-e2e")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/hearth")
		cmd.Dir = repoRoot(t)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build ./cmd/hearth: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// ServerOptions change how a test server starts.
type ServerOptions struct {
	// DataDir is HEARTH_DATA_DIR; empty means a fresh temporary directory.
	DataDir string
	// DatabaseURL is HEARTH_DATABASE_URL; empty means SQLite in DataDir.
	DatabaseURL string
	// SecretFile is HEARTH_SECRET_FILE; empty means generated in DataDir.
	SecretFile string
	// Env adds or overrides variables (KEY=VALUE).
	Env []string
}

// Server is a running hearth process.
type Server struct {
	URL     string
	DataDir string
	env     []string
	cmd     *exec.Cmd
	logs    *syncBuffer
	done    chan struct{}
	waitErr error
}

// syncBuffer is a goroutine-safe log collector.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// exitURL is the quick-exit destination: a neutral https page served by the
// test process itself (the default, a real weather site, is not reachable
// from test machines and must never be contacted by tests).
var exitURL string

// neutralSite serves the quick-exit destination, and at /inaccessible a page
// with deliberate accessibility faults (to prove the axe check can fail).
func neutralSite(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	switch r.URL.Path {
	case "/weather":
		fmt.Fprint(w, `<!doctype html><html lang="en"><head><title>Weather</title></head><body><main><h1>Weather forecast</h1><p>Sunny spells.</p></main></body></html>`)
	case "/inaccessible":
		fmt.Fprint(w, `<!doctype html><html><head><title>x</title></head><body><img src="/x.png"><form><input type="text"></form><p style="color:#ccc;background:#fff">faint</p></body></html>`)
	default:
		http.NotFound(w, r)
	}
}

// serverEnv is the environment every test server gets: nothing inherited
// from the developer's HEARTH_* settings.
func serverEnv(dataDir string, o ServerOptions) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "HEARTH_") {
			env = append(env, kv)
		}
	}
	env = append(env,
		"HEARTH_ADDR=127.0.0.1:0",
		"HEARTH_DATA_DIR="+dataDir,
		"HEARTH_STAFF_TOTP=optional",
		"HEARTH_LOG_FORMAT=json",
		"HEARTH_LOG_LEVEL=info",
		"HEARTH_SHUTDOWN_TIMEOUT=3s",
		// Every browser of a journey comes from one address, so the
		// per-client flood limits are raised; each member's own limits
		// stay at their defaults, which people clicking never reach.
		"HEARTH_FLOOD_LIMITS=signup.client=1000/1h,thread.client=1000/10m,reply.client=1000/1m,edit.client=1000/1m,react.client=1000/1m,report.client=1000/10m",
	)
	if exitURL != "" {
		env = append(env, "HEARTH_QUICK_EXIT_URL="+exitURL)
	}
	if o.DatabaseURL != "" {
		env = append(env, "HEARTH_DATABASE_URL="+o.DatabaseURL, "HEARTH_AUTO_MIGRATE=1")
	}
	if o.SecretFile != "" {
		env = append(env, "HEARTH_SECRET_FILE="+o.SecretFile)
	}
	return append(env, o.Env...)
}

// StartServer starts hearth serve on a free loopback port and waits until it
// answers /readyz. The process is stopped (SIGTERM) when the test ends, and
// its log is printed if the test failed.
func StartServer(t testing.TB, o ServerOptions) *Server {
	t.Helper()
	bin := hearthBinary(t)
	dataDir := o.DataDir
	if dataDir == "" {
		dataDir = t.TempDir()
	}
	s := &Server{DataDir: dataDir, env: serverEnv(dataDir, o), logs: &syncBuffer{}, done: make(chan struct{})}
	s.cmd = exec.Command(bin, "serve")
	s.cmd.Env = s.env
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.cmd.Stdout = s.logs
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("start hearth: %v", err)
	}
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		sent := false
		for sc.Scan() {
			line := sc.Bytes()
			_, _ = s.logs.Write(append(append([]byte{}, line...), '\n'))
			if sent {
				continue
			}
			var rec struct {
				Msg string `json:"msg"`
				URL string `json:"url"`
			}
			if json.Unmarshal(line, &rec) == nil && rec.Msg == "hearth serving" && rec.URL != "" {
				urlc <- rec.URL
				sent = true
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
	}()
	go func() {
		s.waitErr = s.cmd.Wait()
		close(s.done)
	}()
	t.Cleanup(func() {
		s.Stop()
		if t.Failed() {
			t.Logf("hearth log (%s):\n%s", s.URL, tail(s.logs.String(), 60))
		}
	})
	select {
	case s.URL = <-urlc:
	case <-s.done:
		t.Fatalf("hearth exited before serving: %v\n%s", s.waitErr, s.logs.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("hearth did not start within 60s\n%s", s.logs.String())
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(s.URL + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("hearth at %s never became ready (%v)", s.URL, err)
		}
		<-time.After(50 * time.Millisecond)
	}
	return s
}

// Stop sends SIGTERM and waits for a clean exit (SIGKILL after 10s).
func (s *Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	select {
	case <-s.done:
		return
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// exited reports whether the server process has ended.
func (s *Server) exited() bool {
	if s.done == nil {
		return false
	}
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// Logs returns what the server has logged so far.
func (s *Server) Logs() string { return s.logs.String() }

// Hearth runs a hearth subcommand against the same data directory and
// database as the server (for example create-admin), feeding stdin.
func (s *Server) Hearth(t testing.TB, stdin string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, hearthBinary(t), args...)
	cmd.Env = s.env
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("hearth %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// NeedCommand fails the test when the built binary does not list
// subcommand name in its help: the journeys and the commands they use ship
// together, so a missing one is a defect, never a reason to skip.
func NeedCommand(t testing.TB, name string) {
	t.Helper()
	out, err := exec.Command(hearthBinary(t), "help").CombinedOutput()
	if err != nil {
		t.Fatalf("hearth help: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == name {
			return
		}
	}
	t.Fatalf("hearth has no %s command; this journey needs it (hearth help lists:\n%s)", name, out)
}

// status fetches path without following redirects and returns the status.
func (s *Server) status(t testing.TB, method, path string) int {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }, Timeout: 10 * time.Second}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	res.Body.Close()
	return res.StatusCode
}

// NeedRoute fails the test when the server does not route path (GET
// answers 404): the journeys and the routes they use ship together, so a
// missing route is a defect, never a reason to skip. A route that exists
// with another method answers 405, which counts as present.
func (s *Server) NeedRoute(t testing.TB, path string) {
	t.Helper()
	if code := s.status(t, http.MethodGet, path); code == http.StatusNotFound {
		t.Fatalf("GET %s answers 404; this journey needs that route", path)
	}
}

func tail(s string, lines int) string {
	parts := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(parts) > lines {
		parts = parts[len(parts)-lines:]
	}
	return strings.Join(parts, "\n")
}

var errNoChromium = errors.New("e2e: chromium not found; install Debian's chromium to run browser journeys")

// failRecorder is a testing.TB that records Fatalf instead of stopping.
type failRecorder struct {
	testing.TB
	fatal string
}

func (f *failRecorder) Fatalf(format string, args ...any) { f.fatal = fmt.Sprintf(format, args...) }

// TestNeedRouteFails proves NeedRoute fails a journey on a route that
// answers 404, and lets it go on for one that answers.
func TestNeedRouteFails(t *testing.T) {
	neutral := httptest.NewServer(http.HandlerFunc(neutralSite))
	defer neutral.Close()
	srv := &Server{URL: neutral.URL}
	missing := &failRecorder{TB: t}
	srv.NeedRoute(missing, "/no-such-page")
	if !strings.Contains(missing.fatal, "GET /no-such-page answers 404") {
		t.Errorf("a missing route did not fail the journey: %q", missing.fatal)
	}
	present := &failRecorder{TB: t}
	srv.NeedRoute(present, "/weather")
	if present.fatal != "" {
		t.Errorf("a route that answers failed the journey: %q", present.fatal)
	}
}
