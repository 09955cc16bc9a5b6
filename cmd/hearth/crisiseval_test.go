package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestCrisisEvalPrintsOneLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.tsv")
	data := "label\ttext\n" +
		"crisis\tI have the pills saved up and tonight is the night\n" +
		"crisis\ti'm going to kill myself tonight\n" +
		"none\tthis exam is killing me\n" +
		"none\tI used to self-harm, two years clean now\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"crisis-eval", path}, strings.NewReader(""), &out, &errb, func(string) (string, bool) { return "", false })
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	line := out.String()
	if !regexp.MustCompile(`^crisis-eval: n=4 precision=\d\.\d{3} recall=\d\.\d{3} f1=\d\.\d{3}\n$`).MatchString(line) {
		t.Fatalf("output %q", line)
	}
	if errb.Len() != 0 {
		t.Fatalf("unexpected stderr %q", errb.String())
	}
}

func TestCrisisEvalErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("text\tlabel\nnone\thello\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"no file":      {"crisis-eval"},
		"missing file": {"crisis-eval", filepath.Join(dir, "absent.tsv")},
		"bad header":   {"crisis-eval", bad},
	} {
		var out, errb bytes.Buffer
		if code := run(context.Background(), args, strings.NewReader(""), &out, &errb, func(string) (string, bool) { return "", false }); code == 0 || out.Len() != 0 {
			t.Errorf("%s: exit %d, stdout %q", name, code, out.String())
		}
	}
}

// TestCrisisEvalLines: -lines scores each line of a plain-text file and
// marks the crisis ones; -misses names what matched.
func TestCrisisEvalLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lines.txt")
	if err := os.WriteFile(path, []byte("i'm going to kill myself tonight\n\nthis exam is killing me\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"crisis-eval", "-lines", path}, strings.NewReader(""), &out, &errb, func(string) (string, bool) { return "", false }); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	got := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(got) != 2 || !strings.HasPrefix(got[0], "C ") || !strings.Contains(got[0], "kill myself") || !strings.HasPrefix(got[1], "  ") {
		t.Fatalf("output %q", out.String())
	}

	tsv := filepath.Join(t.TempDir(), "miss.tsv")
	if err := os.WriteFile(tsv, []byte("label\ttext\nnone\ti'm going to kill myself tonight\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), []string{"crisis-eval", "-misses", tsv}, strings.NewReader(""), &out, &errb, func(string) (string, bool) { return "", false }); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "line 2: want none") || !strings.Contains(errb.String(), "matched: [") {
		t.Fatalf("misses %q", errb.String())
	}
}
