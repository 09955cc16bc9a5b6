package safety

import (
	"os"
	"strings"
	"testing"
)

// TestCrisisProbe prints every misclassified line of the file named by
// HEARTH_CRISIS_PROBE with its normalised text and matches. It is a tool for
// studying a fresh probe block and skips without the variable.
func TestCrisisProbe(t *testing.T) {
	path := os.Getenv("HEARTH_CRISIS_PROBE")
	if path == "" {
		t.Skip("set HEARTH_CRISIS_PROBE to a TSV file to study it")
	}
	m := evaluateFile(t, path)
	t.Logf("%s (tp=%d fp=%d fn=%d tn=%d)", m, m.TP, m.FP, m.FN, m.TN)
	d := NewDetector()
	for _, x := range m.Misclassified {
		a := d.Assess(x.Text)
		t.Logf("line %d want %s score %.2f %q\n    norm: %s", x.Line, x.Label, x.Score, a.Matches, normalize(x.Text))
	}
}

// TestCrisisLines prints the score and matches of every line of the file
// named by HEARTH_CRISIS_LINES (plain text, one example a line).
func TestCrisisLines(t *testing.T) {
	path := os.Getenv("HEARTH_CRISIS_LINES")
	if path == "" {
		t.Skip("set HEARTH_CRISIS_LINES to a text file to study it")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := NewDetector()
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		a := d.Assess(line)
		mark := " "
		if a.Crisis {
			mark = "C"
		}
		t.Logf("%s %.2f %-60s %q", mark, a.Score, line, a.Matches)
	}
}
