package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// wrkOutput is what wrk 4.1 prints with --latency.
const wrkOutput = `Running 15s test @ http://127.0.0.1:41234/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.52ms    5.10ms  80.12ms   88.01%
    Req/Sec     2.32k   310.22     3.01k    71.33%
  Latency Distribution
     50%    6.20ms
     75%    8.01ms
     90%   11.40ms
     99%  850.00us
  69394 requests in 15.02s, 201.47MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   4620.31
Transfer/sec:     13.41MB
`

func TestParseWrk(t *testing.T) {
	var r result
	parseWrk(wrkOutput, &r)
	if r.rps != 4620.31 || r.p50 != 6.20 || r.p99 != 0.85 || r.requests != 69394 || r.bad != 4 || r.sockErrs != 3 {
		t.Fatalf("parsed %+v", r)
	}
	var s result
	parseWrk(strings.Replace(wrkOutput, "99%  850.00us", "99%    1.37s", 1), &s)
	if s.p99 != 1370 {
		t.Fatalf("p99 in seconds parsed as %v ms", s.p99)
	}
}

func TestPrintResultsLines(t *testing.T) {
	var b bytes.Buffer
	printResults(&b, []result{
		{name: "home", rps: 4620.31, p50: 6.2, p99: 38.35, target: 8000, cpuMS: 0.4213, dbMS: 0.15},
		{name: "reply", skipped: "skipped: route not built yet (GET /t/1/reply answers 404)"},
	}, 112.4, "sqlite")
	out := b.String()
	for _, re := range []string{
		`(?m)^bench: scenario=home rps=4620 p50_ms=6\.20 p99_ms=38\.35$`,
		`(?m)^bench: scenario=home cpu_ms_per_request=0\.421 database_cpu_ms_per_request=0\.150$`,
		`(?m)^bench: scenario=reply skipped: route not built yet`,
		`(?m)^bench: peak_rss_mb=112\.4$`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("output does not match %s:\n%s", re, out)
		}
	}
	if strings.Index(out, "scenario  ") > strings.Index(out, "bench: scenario=") {
		t.Errorf("the table must come before the bench: lines:\n%s", out)
	}
}

func TestMissingScriptSkipsTheScenario(t *testing.T) {
	if got := missingScript([]string{"-t", "2", "-s", filepath.Join(t.TempDir(), "reply.lua")}); !strings.Contains(got, "reply.lua") {
		t.Errorf("a missing script gave %q, want a skip naming it", got)
	}
	if got := missingScript([]string{"-s", filepath.Join("..", "bench", "reply.lua")}); got != "" {
		t.Errorf("the repository's reply.lua gave %q", got)
	}
}
