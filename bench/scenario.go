package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// scenario is one wrk run.
type scenario struct {
	name string
	// route is the GET path whose absence (404) means the feature has not
	// been built yet.
	route func(si seedInfo) string
	// target is the goal in requests per second.
	target float64
	write  bool
}

var scenarios = []scenario{
	{name: "home", route: func(seedInfo) string { return "/" }, target: 8000},
	{name: "group", route: func(seedInfo) string { return "/g/grief" }, target: 8000},
	{name: "thread", route: func(si seedInfo) string { return fmt.Sprintf("/t/%d", si.threadID) }, target: 3700},
	{name: "thread-member", route: func(si seedInfo) string { return fmt.Sprintf("/t/%d", si.threadID) }, target: 3700},
	{name: "thread-unread", route: func(si seedInfo) string { return fmt.Sprintf("/t/%d", si.threadID) }, target: 3700},
	{name: "search", route: func(seedInfo) string { return "/search" }},
	{name: "reply", route: func(si seedInfo) string { return fmt.Sprintf("/t/%d/reply", si.threadID) }, target: 1200, write: true},
	{name: "login", route: func(seedInfo) string { return "/login" }, write: true},
}

// searchQueries are what the search scenario asks, in turn: words common,
// middling and rare in the bench data set, alone and in pairs.
var searchQueries = []string{"walk", "garden breakfast", "appointment", "tulips", "evening", "library group",
	"counsellor", "barista", "sleep better", "playlist"}

func scenarioNames() []string {
	var out []string
	for _, s := range scenarios {
		out = append(out, s.name)
	}
	return out
}

// result is one scenario's figures.
type result struct {
	name          string
	skipped       string
	rps           float64
	p50, p99      float64
	requests      int
	bad, sockErrs int
	target        float64
	write         bool
	// hwm is the server's peak RSS (MiB) once this scenario ended.
	hwm float64
	// cpuMS and dbMS are the CPU milliseconds per request the server and
	// (PostgreSQL) its database backends used during the measured run.
	cpuMS, dbMS float64
}

// luaDir is where wrk's scripts live (bench/*.lua), next to this file.
func luaDir() string {
	if _, err := os.Stat("bench/reply.lua"); err == nil {
		return "bench"
	}
	return "."
}

// runScenarios runs each chosen scenario in turn and returns its result,
// or why it was skipped.
func runScenarios(ctx context.Context, o options, srv *server, si seedInfo, pg *pgSchema) []result {
	var out []result
	var cookies []string
	unreadCookie := ""
	for _, sc := range scenarios {
		if o.only != nil && !o.only[sc.name] {
			continue
		}
		if ctx.Err() != nil {
			break
		}
		r := result{name: sc.name, target: sc.target, write: sc.write}
		path := sc.route(si)
		if !srv.routed(path) {
			r.skipped = "skipped: route not built yet (GET " + path + " answers 404)"
			fmt.Printf("bench: %s %s\n", sc.name, r.skipped)
			out = append(out, r)
			continue
		}
		if (sc.name == "thread-member" || sc.name == "reply") && cookies == nil {
			cookies = logins(srv, si)
		}
		if sc.name == "thread-unread" {
			unreadCookie = loginUnread(srv, si)
		}
		args, env, target, skip := wrkInvocation(o, srv, si, sc.name, path, cookies, unreadCookie)
		if skip == "" {
			skip = missingScript(args)
		}
		if skip != "" {
			r.skipped = skip
			out = append(out, r)
			continue
		}
		if pg != nil && !sc.write {
			// A server without autovacuum (the default PostgreSQL
			// settings do vacuum) would otherwise measure the dead rows
			// and stale statistics the scenarios before left.
			fmt.Printf("bench: VACUUM ANALYZE before %s\n", sc.name)
			if err := pg.vacuum(ctx); err != nil {
				r.skipped = "failed: VACUUM ANALYZE: " + err.Error()
				out = append(out, r)
				continue
			}
		}
		measure(ctx, o, srv, pg, sc, args, env, target, &r)
		out = append(out, r)
	}
	return out
}

// missingScript says why wrk cannot run when its -s script is not there:
// wrk would otherwise warn and measure plain GETs of the target instead.
func missingScript(args []string) string {
	for i, a := range args {
		if a == "-s" && i+1 < len(args) {
			if _, err := os.Stat(args[i+1]); err != nil {
				return "skipped: no " + args[i+1] + " (run bench from the repository's root)"
			}
		}
	}
	return ""
}

// logins signs the sample members in and returns their session cookies.
func logins(srv *server, si seedInfo) []string {
	var cookies []string
	for _, m := range si.members {
		ck, err := srv.login(m, si.password)
		if err != nil {
			fmt.Printf("bench: %v\n", err)
			continue
		}
		cookies = append(cookies, ck)
	}
	return cookies
}

// loginUnread signs in the member with unread notifications, if the data
// set has one.
func loginUnread(srv *server, si seedInfo) string {
	if si.unreadMember == "" {
		return ""
	}
	ck, err := srv.login(si.unreadMember, si.password)
	if err != nil {
		fmt.Printf("bench: %v\n", err)
		return ""
	}
	fmt.Printf("bench: thread-unread signs in as %s, who has %d unread notifications\n", si.unreadMember, si.unread)
	return ck
}

// wrkInvocation is how wrk runs scenario name against path: its
// arguments, environment and target URL, or why it cannot run.
func wrkInvocation(o options, srv *server, si seedInfo, name, path string, cookies []string, unreadCookie string) (args, env []string, target, skip string) {
	args = []string{"-t", strconv.Itoa(o.threads), "-c", strconv.Itoa(o.conns), "--latency", "--timeout", "10s"}
	env = os.Environ()
	target = srv.url + path
	switch name {
	case "thread-member":
		if len(cookies) == 0 {
			return nil, nil, "", "skipped: could not log in"
		}
		args = append(args, "-H", "Cookie: "+cookies[0])
	case "thread-unread":
		if unreadCookie == "" {
			return nil, nil, "", "skipped: the data set has no member with unread notifications (seed-demo --bench-shape makes one)"
		}
		args = append(args, "-H", "Cookie: "+unreadCookie)
	case "reply":
		if len(cookies) == 0 {
			return nil, nil, "", "skipped: could not log in"
		}
		var ids []string
		for id := si.firstThread; id <= si.lastThr && len(ids) < 500; id += max(1, (si.lastThr-si.firstThread+1)/500) {
			ids = append(ids, strconv.FormatInt(id, 10))
		}
		run := make([]byte, 4)
		_, _ = rand.Read(run)
		args = append(args, "-s", filepath.Join(luaDir(), "reply.lua"))
		env = append(env, "BENCH_COOKIES="+strings.Join(cookies, ","), "BENCH_THREADS="+strings.Join(ids, ","), "BENCH_RUN="+hex.EncodeToString(run))
		target = srv.url + "/"
	case "search":
		args = append(args, "-s", filepath.Join(luaDir(), "search.lua"))
		env = append(env, "BENCH_QUERIES="+strings.Join(searchQueries, ","))
		target = srv.url + "/"
	case "login":
		args = append(args, "-s", filepath.Join(luaDir(), "login.lua"))
		env = append(env, "BENCH_USERS="+strings.Join(si.members, ","), "BENCH_PASSWORD="+si.password)
		target = srv.url + "/login"
	}
	return args, env, target, ""
}

// measure warms the server up (for reads), runs wrk for the scenario with
// a CPU profile when asked, and reads its figures into r.
func measure(ctx context.Context, o options, srv *server, pg *pgSchema, sc scenario, args, env []string, target string, r *result) {
	if o.warmup > 0 && !sc.write {
		_, _ = wrk(ctx, env, append(append([]string{}, args...), "-d", o.warmup.String(), target))
	}
	var prof chan error
	if o.profile == sc.name && srv.pprof != "" {
		prof = make(chan error, 1)
		go func() { prof <- fetchProfile(srv.pprof, o.duration, "bench-"+sc.name+".prof") }()
	}
	fmt.Printf("bench: running %s for %s\n", sc.name, o.duration)
	meter := cpuMeter{server: srv.pid(), pg: pg}
	s0, b0 := meter.sample(ctx)
	text, err := wrk(ctx, env, append(args, "-d", o.duration.String(), target))
	s1, b1 := meter.sample(ctx)
	if prof != nil {
		if err := <-prof; err != nil {
			fmt.Printf("bench: profile: %v\n", err)
		} else {
			fmt.Printf("bench: wrote bench-%s.prof (go tool pprof -top bench-%s.prof)\n", sc.name, sc.name)
		}
	}
	if err != nil {
		r.skipped = "failed: " + err.Error()
		return
	}
	parseWrk(text, r)
	r.hwm = srv.peakRSS()
	r.cpuMS, r.dbMS = cpuPerRequest(s0, s1, b0, b1, r.requests)
}

func wrk(ctx context.Context, env, args []string) (string, error) {
	cmd := exec.CommandContext(ctx, "wrk", args...) // #nosec G204 -- wrk with arguments this program builds
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("wrk: %v\n%s", err, out)
	}
	return string(out), nil
}

var (
	reRPS      = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)
	reLatency  = regexp.MustCompile(`(?m)^\s+(50|99)%\s+([0-9.]+)(us|ms|s|m)\s*$`)
	reRequests = regexp.MustCompile(`(\d+) requests in`)
	reNon2xx   = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
	reSocket   = regexp.MustCompile(`Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
)

// parseWrk reads wrk's report (with --latency).
func parseWrk(text string, r *result) {
	if m := reRPS.FindStringSubmatch(text); m != nil {
		r.rps, _ = strconv.ParseFloat(m[1], 64)
	}
	for _, m := range reLatency.FindAllStringSubmatch(text, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		switch m[3] {
		case "us":
			v /= 1000
		case "s":
			v *= 1000
		case "m":
			v *= 60000
		}
		if m[1] == "50" {
			r.p50 = v
		} else {
			r.p99 = v
		}
	}
	if m := reRequests.FindStringSubmatch(text); m != nil {
		r.requests, _ = strconv.Atoi(m[1])
	}
	if m := reNon2xx.FindStringSubmatch(text); m != nil {
		r.bad, _ = strconv.Atoi(m[1])
	}
	if m := reSocket.FindStringSubmatch(text); m != nil {
		for _, s := range m[1:] {
			n, _ := strconv.Atoi(s)
			r.sockErrs += n
		}
	}
}

// fetchProfile saves a CPU profile of the server over d.
func fetchProfile(addr string, d time.Duration, file string) error {
	return fetchPprof(fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, int(d.Seconds())), d, file)
}

// fetchPprof saves what a pprof endpoint answers within d (plus a margin).
func fetchPprof(url string, d time.Duration, file string) error {
	c := &http.Client{Timeout: d + 30*time.Second}
	res, err := c.Get(url)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		return fmt.Errorf("pprof answered %d", res.StatusCode)
	}
	f, err := os.Create(file) // #nosec G304 -- a file name this program chose
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, res.Body)
	return err
}

// printResults prints the table, then the machine-readable lines.
func printResults(w io.Writer, rs []result, rssMB float64, dialect string) {
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "scenario\trequests/s\tp50 ms\tp99 ms\trequests\terrors\tpeak RSS MiB\ttarget\t\n")
	for _, r := range rs {
		if r.skipped != "" {
			fmt.Fprintf(tw, "%s\t%s\t\t\t\t\t\t\t\n", r.name, r.skipped)
			continue
		}
		goal := ""
		if r.target > 0 {
			goal = fmt.Sprintf(">= %.0f/s", r.target)
			if !r.write {
				goal += ", p99 < 25"
			}
		}
		fmt.Fprintf(tw, "%s\t%.0f\t%.2f\t%.2f\t%d\t%d\t%.1f\t%s\t\n", r.name, r.rps, r.p50, r.p99, r.requests, r.bad+r.sockErrs, r.hwm, goal)
	}
	_ = tw.Flush()
	fmt.Fprintf(w, "peak server RSS (VmHWM): %.1f MiB (target < 100)   database: %s\n\n", rssMB, dialect)
	for _, r := range rs {
		if r.skipped != "" {
			fmt.Fprintf(w, "bench: scenario=%s %s\n", r.name, r.skipped)
			continue
		}
		fmt.Fprintf(w, "bench: scenario=%s rps=%.0f p50_ms=%.2f p99_ms=%.2f\n", r.name, r.rps, r.p50, r.p99)
		if r.cpuMS > 0 {
			fmt.Fprintf(w, "bench: scenario=%s cpu_ms_per_request=%.3f database_cpu_ms_per_request=%.3f\n", r.name, r.cpuMS, r.dbMS)
		}
	}
	fmt.Fprintf(w, "bench: peak_rss_mb=%.1f\n", rssMB)
	for _, r := range rs {
		if r.skipped == "" && (r.bad > 0 || r.sockErrs > 0) {
			fmt.Fprintf(w, "bench: warning: scenario %s had %d non-2xx/3xx responses and %d socket errors\n", r.name, r.bad, r.sockErrs)
		}
	}
}
