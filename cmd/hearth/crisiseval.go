package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"hearth/pkg/safety"
)

// cmdCrisisEval measures the crisis-language detector on a labelled TSV file
// (header "label<TAB>text", labels crisis/none) and prints exactly one line:
// "crisis-eval: n=N precision=P recall=R f1=F". With -misses, the examples
// it got wrong are listed on standard error.
func cmdCrisisEval(_ context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("crisis-eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	misses := fs.Bool("misses", false, "list misclassified examples on standard error")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: hearth crisis-eval [-misses] FILE.tsv")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("expected one FILE.tsv")
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	m, err := safety.Evaluate(safety.NewDetector(), f)
	if err != nil {
		return err
	}
	if *misses {
		for _, x := range m.Misclassified {
			fmt.Fprintf(e.stderr, "line %d: want %s, score %.2f: %s\n", x.Line, x.Label, x.Score, x.Text)
		}
	}
	_, err = fmt.Fprintln(e.stdout, m.String())
	return err
}
