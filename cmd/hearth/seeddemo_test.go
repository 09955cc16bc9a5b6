package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
)

func TestSeedDemoCommand(t *testing.T) {
	dir := t.TempDir()
	lookup := func(k string) (string, bool) {
		if k == "HEARTH_DATA_DIR" {
			return dir, true
		}
		return "", false
	}
	var out, errb bytes.Buffer
	args := []string{"seed-demo", "--bench-shape", "--threads", "6", "--posts", "300", "--members", "4", "--seed", "3"}
	if code := run(context.Background(), args, strings.NewReader(""), &out, &errb, lookup); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, re := range []string{
		`(?m)^seed-demo: added 4 members, 6 threads, 300 posts \(\d+ with trigger warnings\), \d+ reactions, \d+ follows, \d+ open reports; 5 groups in use \(0 new\)$`,
		`(?m)^seed-demo: sqlite in \d+\.\ds: \d+ posts/s`,
		`(?m)^seed-demo: members sign in with the password "hearth-demo-password", for example: \S+, \S+, \S+$`,
		`(?m)^seed-demo: busiest thread: /t/\d+ \(50 posts\)$`,
		`(?m)^seed-demo: threads /t/\d+ to /t/\d+$`,
	} {
		if !regexp.MustCompile(re).MatchString(out.String()) {
			t.Errorf("output does not match %s:\n%s", re, out.String())
		}
	}

	out.Reset()
	errb.Reset()
	if code := run(context.Background(), []string{"seed-demo", "--threads", "10", "--posts", "5"}, strings.NewReader(""), &out, &errb, lookup); code != 1 {
		t.Fatalf("impossible sizes: exit %d, want 1", code)
	}
	if !strings.Contains(errb.String(), "posts (5) must be at least threads (10)") {
		t.Errorf("stderr = %q", errb.String())
	}

	// --scale multiplies the shape; flags given by name still win.
	out.Reset()
	errb.Reset()
	args = []string{"seed-demo", "--bench-shape", "--scale", "3", "--threads", "6", "--posts", "300", "--seed", "4"}
	if code := run(context.Background(), args, strings.NewReader(""), &out, &errb, lookup); code != 0 {
		t.Fatalf("--scale 3: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "seed-demo: added 600 members, 6 threads, 300 posts") {
		t.Errorf("--scale 3 of the bench shape's 200 members:\n%s", out.String())
	}
	errb.Reset()
	if code := run(context.Background(), []string{"seed-demo", "--scale", "0"}, strings.NewReader(""), &out, &errb, lookup); code != 1 || !strings.Contains(errb.String(), "--scale must be") {
		t.Errorf("--scale 0: exit %d, stderr %q", code, errb.String())
	}
}
