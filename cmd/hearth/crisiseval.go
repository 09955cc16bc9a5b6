package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"hearth/pkg/safety"
)

// cmdCrisisEval measures the crisis-language detector on a labelled TSV file
// (header "label<TAB>text", labels crisis/none) and prints exactly one line:
// "crisis-eval: n=N precision=P recall=R f1=F". With -misses, the examples
// it got wrong are listed on standard error with the phrases that matched.
// With -lines, FILE is plain text, one example a line, and each line's
// score and matched phrases are printed instead: a way to study a fresh
// block before anything is changed for it.
func cmdCrisisEval(_ context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("crisis-eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	misses := fs.Bool("misses", false, "list misclassified examples and their matched phrases on standard error")
	lines := fs.Bool("lines", false, "FILE is plain text, one example a line: print each line's score and matched phrases")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: hearth crisis-eval [-misses] FILE.tsv | hearth crisis-eval -lines FILE.txt")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("expected one FILE.tsv")
	}
	d := safety.NewDetector()
	if *lines {
		return printLines(e, d, fs.Arg(0))
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	m, err := safety.Evaluate(d, f)
	if err != nil {
		return err
	}
	if *misses {
		for _, x := range m.Misclassified {
			fmt.Fprintf(e.stderr, "line %d: want %s, score %.2f: %s\n    matched: %q\n", x.Line, x.Label, x.Score, x.Text, d.Assess(x.Text).Matches)
		}
	}
	_, err = fmt.Fprintln(e.stdout, m.String())
	return err
}

// printLines prints, for each non-empty line of a plain-text file, "C" for
// a crisis or a space, the score, the line and the phrases that matched.
func printLines(e *env, d *safety.Detector, path string) error {
	data, err := os.ReadFile(path) // #nosec G304 -- the file the operator names on the command line
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		a := d.Assess(line)
		mark := " "
		if a.Crisis {
			mark = "C"
		}
		if _, err := fmt.Fprintf(e.stdout, "%s %.2f %s %q\n", mark, a.Score, line, a.Matches); err != nil {
			return err
		}
	}
	return nil
}
