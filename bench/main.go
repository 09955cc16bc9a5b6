package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type options struct {
	duration, warmup time.Duration
	threads, conns   int
	only             map[string]bool
	dataDir          string
	keep             bool
	profile          string
	bin              string
	dbURL            string
	serverEnv        envList
	heap             bool
	scale            int
}

// envList is the repeatable -env flag: settings for the server under test,
// which otherwise runs with production defaults.
type envList []string

func (e *envList) String() string { return strings.Join(*e, " ") }

func (e *envList) Set(kv string) error {
	if k, _, ok := strings.Cut(kv, "="); !ok || !strings.HasPrefix(k, "HEARTH_") {
		return fmt.Errorf("want HEARTH_NAME=value, not %q", kv)
	}
	*e = append(*e, kv)
	return nil
}

func main() {
	var o options
	var only string
	flag.DurationVar(&o.duration, "d", 15*time.Second, "duration of each measured wrk run")
	flag.DurationVar(&o.warmup, "warmup", 3*time.Second, "unmeasured wrk run before each read scenario (0 for none)")
	flag.IntVar(&o.threads, "t", 2, "wrk threads")
	flag.IntVar(&o.conns, "c", 32, "wrk connections")
	flag.StringVar(&only, "scenarios", "", "comma-separated scenarios to run (default all): "+strings.Join(scenarioNames(), ","))
	flag.StringVar(&o.dataDir, "data", "", "data directory to reuse between runs (seeded on first use; on PostgreSQL it names the kept schema); default a fresh temporary one")
	flag.StringVar(&o.profile, "profile", "", "write a CPU profile of the server during this scenario to bench-SCENARIO.prof")
	flag.StringVar(&o.bin, "bin", "", "use this hearth binary instead of building one")
	flag.BoolVar(&o.keep, "keep", false, "keep the temporary data directory or PostgreSQL schema")
	flag.BoolVar(&o.heap, "heap", false, "after the scenarios, write the server's live heap profile to bench-heap.prof")
	flag.IntVar(&o.scale, "scale", 1, "seed-demo --scale: 10 seeds 1,000,000 posts (with -data, only when the directory is first seeded)")
	flag.Var(&o.serverEnv, "env", "a HEARTH_NAME=value setting for the server under test (repeatable), to measure a setting's effect")
	flag.Parse()
	o.dbURL = os.Getenv("HEARTH_DATABASE_URL")
	if only != "" {
		o.only = map[string]bool{}
		for _, s := range strings.Split(only, ",") {
			o.only[strings.TrimSpace(s)] = true
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options) error {
	if _, err := exec.LookPath("wrk"); err != nil {
		return errors.New("wrk not found; install it (Debian: apt-get install -y wrk)")
	}
	tmp, err := os.MkdirTemp("", "hearth-bench-")
	if err != nil {
		return err
	}
	defer func() {
		if o.keep {
			fmt.Printf("bench: kept %s\n", tmp)
			return
		}
		_ = os.RemoveAll(tmp)
	}()

	bin := o.bin
	if bin == "" {
		bin = filepath.Join(tmp, "hearth")
		fmt.Println("bench: building hearth")
		cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-o", bin, "./cmd/hearth") // #nosec G204 -- go build of this repository into a temporary directory
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
	}

	dataDir := o.dataDir
	if dataDir == "" {
		dataDir = filepath.Join(tmp, "data")
	}
	env := benchEnv(dataDir)
	dialect := "sqlite"
	reuse := o.dataDir != ""
	var pg *pgSchema
	if o.dbURL != "" {
		dialect = "postgres"
		if pg, err = openSchema(ctx, o.dbURL, o.dataDir, o.keep); err != nil {
			return err
		}
		defer pg.close()
		reuse = pg.reused
		env = append(env, "HEARTH_DATABASE_URL="+pg.url, "HEARTH_AUTO_MIGRATE=1")
	}

	seed, err := seedOnce(ctx, bin, env, dataDir, reuse, o.scale)
	if err != nil {
		return err
	}

	srv, err := startServer(ctx, bin, append(env, o.serverEnv...), tmp, o.profile != "" || o.heap)
	if err != nil {
		return err
	}
	defer srv.stop()
	fmt.Printf("bench: %s, hearth at %s (pid %d), wrk -t%d -c%d -d%s\n", dialect, srv.url, srv.pid(), o.threads, o.conns, o.duration)
	if len(o.serverEnv) > 0 {
		fmt.Printf("bench: server settings: %s\n", o.serverEnv.String())
	}

	loadBefore := loadAvg()
	results := runScenarios(ctx, o, srv, seed, pg)
	rss := srv.peakRSS()
	printResults(os.Stdout, results, rss, dialect)
	fmt.Println("bench: server memory at the end:", srv.memoryNow())
	if o.heap && srv.pprof != "" {
		// gc=1 collects first, so the profile shows what is live.
		if err := fetchPprof("http://"+srv.pprof+"/debug/pprof/heap?gc=1", 0, "bench-heap.prof"); err != nil {
			fmt.Println("bench: heap profile:", err)
		} else {
			fmt.Println("bench: wrote bench-heap.prof (go tool pprof -sample_index=inuse_space -top bench-heap.prof)")
		}
	}
	fmt.Printf("bench: machine: %d CPUs, load average %s before and %s after (other processes compete with hearth and wrk)\n", runtime.NumCPU(), loadBefore, loadAvg())
	return nil
}

// loadAvg is the 1-minute load average from /proc/loadavg.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

// benchEnv is the server's environment: production defaults except the
// address and staff two-factor (no staff are benchmarked).
func benchEnv(dataDir string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "HEARTH_") {
			env = append(env, kv)
		}
	}
	// The bench's members post far faster than people do: it measures
	// the server, not the flood limits.
	return append(env, "HEARTH_DATA_DIR="+dataDir, "HEARTH_STAFF_TOTP=optional", "HEARTH_FLOOD_LIMITS=off")
}

// seedInfo is what seed-demo reports that the scenarios need.
type seedInfo struct {
	members              []string
	password             string
	threadID             int64
	firstThread, lastThr int64
	// unreadMember has unread notifications waiting (seed-demo's report).
	unreadMember string
	unread       int
}

var (
	reMembers = regexp.MustCompile(`password "([^"]+)", for example: (.+)$`)
	reBusiest = regexp.MustCompile(`busiest thread: /t/(\d+)`)
	reRange   = regexp.MustCompile(`threads /t/(\d+) to /t/(\d+)`)
	reUnread  = regexp.MustCompile(`seed-demo: (\S+) has (\d+) unread notifications`)
)

// seedOnce runs hearth seed-demo --bench-shape, or reuses a directory seeded
// by an earlier run (its report is kept next to the database).
func seedOnce(ctx context.Context, bin string, env []string, dataDir string, reuse bool, scale int) (seedInfo, error) {
	report := filepath.Join(dataDir, "bench-seed.txt")
	var out []byte
	if b, err := os.ReadFile(report); reuse && err == nil { // #nosec G304 -- the data directory the user passed with -data
		fmt.Printf("bench: reusing the data set in %s\n", dataDir)
		out = b
	} else {
		args := []string{"seed-demo", "--bench-shape", "--scale", strconv.Itoa(scale)}
		fmt.Printf("bench: seeding the bench data set (hearth %s)\n", strings.Join(args, " "))
		cmd := exec.CommandContext(ctx, bin, args...) // #nosec G204 -- the hearth binary with fixed arguments
		cmd.Env = env
		cmd.Stderr = os.Stderr
		out, err = cmd.Output()
		if err != nil {
			return seedInfo{}, fmt.Errorf("seed-demo: %w", err)
		}
		_, _ = os.Stdout.Write(out)
		if reuse || dataDir != "" {
			_ = os.MkdirAll(dataDir, 0o700)
			_ = os.WriteFile(report, out, 0o600)
		}
	}
	var si seedInfo
	for _, line := range strings.Split(string(out), "\n") {
		if m := reMembers.FindStringSubmatch(line); m != nil {
			si.password = m[1]
			si.members = strings.Split(m[2], ", ")
		}
		if m := reBusiest.FindStringSubmatch(line); m != nil {
			si.threadID, _ = strconv.ParseInt(m[1], 10, 64)
		}
		if m := reUnread.FindStringSubmatch(line); m != nil {
			si.unreadMember = m[1]
			si.unread, _ = strconv.Atoi(m[2])
		}
		if m := reRange.FindStringSubmatch(line); m != nil {
			si.firstThread, _ = strconv.ParseInt(m[1], 10, 64)
			si.lastThr, _ = strconv.ParseInt(m[2], 10, 64)
		}
	}
	if si.threadID == 0 || len(si.members) == 0 || si.firstThread == 0 {
		return si, fmt.Errorf("could not read the seed-demo report:\n%s", out)
	}
	return si, nil
}

// server is the hearth process under test.
type server struct {
	url, pprof string
	cmd        *exec.Cmd
	done       chan struct{}
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func startServer(ctx context.Context, bin string, env []string, tmp string, pprof bool) (*server, error) {
	addr, err := freePort()
	if err != nil {
		return nil, err
	}
	args := []string{"serve"}
	s := &server{url: "http://" + addr, done: make(chan struct{})}
	if pprof {
		if s.pprof, err = freePort(); err != nil {
			return nil, err
		}
		args = append(args, "-pprof", s.pprof)
	}
	logf, err := os.Create(filepath.Join(tmp, "server.log")) // #nosec G304 -- this run's temporary directory
	if err != nil {
		return nil, err
	}
	// #nosec G204 -- bin is the hearth binary this program built or was given.
	s.cmd = exec.Command(bin, args...)
	s.cmd.Env = append(env, "HEARTH_ADDR="+addr)
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { _ = s.cmd.Wait(); _ = logf.Close(); close(s.done) }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		res, err := http.Get(s.url + "/readyz")
		if err == nil {
			_ = res.Body.Close()
			if res.StatusCode == 200 {
				return s, nil
			}
		}
		select {
		case <-s.done:
			b, _ := os.ReadFile(filepath.Join(tmp, "server.log")) // #nosec G304 -- this run's temporary directory
			return nil, fmt.Errorf("hearth exited:\n%s", b)
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, errors.New("hearth did not become ready within 60s")
		}
	}
}

func (s *server) pid() int { return s.cmd.Process.Pid }

func (s *server) stop() {
	select {
	case <-s.done:
		return
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

// peakRSS reads the server's high-water resident set (VmHWM) in MiB.
func (s *server) peakRSS() float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.pid()))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// memoryNow says where the server's resident memory is after the run: its
// anonymous and file-backed parts (/proc), and the Go runtime's share of
// the anonymous part (go_memstats from /metrics); the rest of the
// anonymous memory is SQLite's, allocated outside the Go heap.
func (s *server) memoryNow() string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.pid()))
	if err != nil {
		return "unknown"
	}
	kb := map[string]float64{}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.HasSuffix(v, " kB") {
			kb[k], _ = strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(v, " kB")), 64)
		}
	}
	out := fmt.Sprintf("RSS %.1f MiB (anonymous %.1f, file-backed %.1f)", kb["VmRSS"]/1024, kb["RssAnon"]/1024, kb["RssFile"]/1024)
	resp, err := client.Get(s.url + "/metrics")
	if err != nil {
		return out
	}
	defer resp.Body.Close()
	m := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if name, v, ok := strings.Cut(sc.Text(), " "); ok && strings.HasPrefix(name, "go_memstats_") {
			m[name], _ = strconv.ParseFloat(v, 64)
		}
	}
	if sys := m["go_memstats_sys_bytes"]; sys > 0 {
		// What the runtime has mapped and not handed back is an upper
		// bound on its resident share; the rest of the anonymous memory
		// is SQLite's (allocated outside the Go heap) and thread stacks.
		goRes := (sys - m["go_memstats_heap_released_bytes"]) / (1 << 20)
		out += fmt.Sprintf("; Go runtime at most %.1f MiB (heap in use %.1f), so at least %.1f MiB outside it",
			goRes, m["go_memstats_heap_inuse_bytes"]/(1<<20), max(0, kb["RssAnon"]/1024-goRes))
	}
	return out
}

// client does the few plain requests bench needs (route checks, logins).
var client = &http.Client{
	Timeout:       30 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// routed reports whether GET path is a route (anything but 404).
func (s *server) routed(path string) bool {
	res, err := client.Get(s.url + path)
	if err != nil {
		return false
	}
	_, _ = io.Copy(io.Discard, res.Body)
	_ = res.Body.Close()
	return res.StatusCode != http.StatusNotFound
}

// login signs a member in and returns the Cookie header value.
func (s *server) login(name, password string) (string, error) {
	res, err := client.PostForm(s.url+"/login", url.Values{"username": {name}, "password": {password}})
	if err != nil {
		return "", err
	}
	_, _ = io.Copy(io.Discard, res.Body)
	_ = res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return "", fmt.Errorf("login as %s answered %d", name, res.StatusCode)
	}
	for _, c := range res.Cookies() {
		if c.Name == "hearth_session" && c.Value != "" {
			return c.Name + "=" + c.Value, nil
		}
	}
	return "", fmt.Errorf("login as %s set no session cookie", name)
}
