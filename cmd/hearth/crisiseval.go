package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"hearth/pkg/config"
	"hearth/pkg/demo"
	"hearth/pkg/forum"
	"hearth/pkg/safety"
)

// defaultData is the project's labelled set, read when -cv or crisis-train
// names no data (run from the repository's root).
const defaultData = "pkg/safety/testdata"

// evalFlags are crisis-eval's options.
type evalFlags struct {
	cv, misses, explain, demo bool
	lines, detector           string
}

// demoBodies is how many bodies of each kind -demo scores: 150 opening
// posts and 150 replies a topic, each with and without a trigger warning,
// 4,800 bodies for the demo's eight topics.
const demoBodies = 150

// cmdCrisisEval measures the crisis-language detector. On a labelled TSV
// file (header "label<TAB>text" or "label<TAB>category<TAB>text") it prints
// two lines, "crisis-eval: n=N precision=P recall=R f1=F" for the crisis
// level and "crisis-eval concern: ..." for the concern level. With -cv it
// cross-validates over the blocks of the data named (pkg/safety/testdata by
// default): the same two lines pooled, then a line per block and per
// holdout set, with the background's everyday posts (scored a fold at a
// time by models trained without them) between the blocks and the
// holdouts. -misses lists the examples it got wrong, -explain adds what
// the detector read and why, -lines scores every line of a plain text
// file, and -demo counts the demo's generated bodies (ordinary peer
// support, never trained on) the detector raises to each level.
func cmdCrisisEval(_ context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("crisis-eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var f evalFlags
	fs.BoolVar(&f.cv, "cv", false, "leave-one-block-out cross-validation of the data named (default "+defaultData+")")
	fs.BoolVar(&f.misses, "misses", false, "list misclassified examples on standard error")
	fs.BoolVar(&f.explain, "explain", false, "with -misses: show each miss's normalised text and matches")
	fs.StringVar(&f.lines, "lines", "", "score every line of a plain text `FILE` instead")
	fs.BoolVar(&f.demo, "demo", false, "count the demo's generated bodies raised to each level instead (with -misses, list them)")
	fs.StringVar(&f.detector, "detector", "", "`rules` or `learned` (default: HEARTH_CRISIS_DETECTOR, learned unless set); -cv always measures the learned model")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: hearth crisis-eval [-misses [-explain]] FILE.tsv\n       hearth crisis-eval -cv [-misses] [DIR-or-FILE...]\n       hearth crisis-eval -lines FILE.txt\n       hearth crisis-eval -demo [-misses] [-detector rules|learned]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := config.Load(e.lookup)
	if err != nil {
		return err
	}
	opts := []safety.Option{safety.WithThresholds(cfg.CrisisThreshold, cfg.ConcernThreshold)}
	if f.detector == "" {
		f.detector = cfg.CrisisDetector
	}
	switch f.detector {
	case "learned":
		opts = append(opts, safety.WithLearnedModel())
	case "rules":
	default:
		return fmt.Errorf("-detector %q: want rules or learned", f.detector)
	}
	d := safety.NewDetector(opts...)
	switch {
	case f.lines != "":
		return scoreLines(e.stdout, d, f.lines)
	case f.demo:
		return scoreDemo(e, d, f)
	case f.cv:
		return crossValidate(e, f, fs.Args(), cfg)
	case fs.NArg() != 1:
		fs.Usage()
		return errors.New("expected one FILE.tsv")
	}
	file, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer file.Close()
	r, err := safety.Evaluate(d, file)
	if err != nil {
		return err
	}
	if f.misses {
		printMisses(e.stderr, d, r, f.explain)
	}
	_, err = fmt.Fprintln(e.stdout, r.String())
	return err
}

// crossValidate prints the model's pooled figures at its cross-validated
// operating point (safety.CVCrisisThreshold, CVConcernThreshold), then each
// block's, the background's (scored a fold at a time) and each holdout
// set's, then the pooled figures of the detector as served: the rules' own
// crisis beside the model at the configured thresholds.
func crossValidate(e *env, f evalFlags, paths []string, cfg config.Config) error {
	if len(paths) == 0 {
		paths = []string{defaultData}
	}
	c, err := safety.LoadCorpus(paths...)
	if err != nil {
		return err
	}
	res := safety.CrossValidate(c, safety.DefaultTrainOptions, safety.CVCrisisThreshold, safety.CVConcernThreshold)
	if _, err := fmt.Fprintln(e.stdout, res.Pooled.String()); err != nil {
		return err
	}
	for _, b := range res.Blocks {
		fmt.Fprintf(e.stdout, "block %s: %s\n", b.Name, figures(b.Report))
	}
	if b := res.Background; b.Name != "" {
		fmt.Fprintf(e.stdout, "%s (cross-validated): %s\n", b.Name, figures(b.Report))
	}
	for _, h := range res.Holdouts {
		fmt.Fprintf(e.stdout, "holdout %s: %s\n", h.Name, figures(h.Report))
	}
	served := safety.Measure(safety.WithRules(res.Scored), cfg.CrisisThreshold, cfg.ConcernThreshold)
	fmt.Fprintf(e.stdout, "served (the rules, or the model from %.2f; a concern from %.2f), cross-validated: %s\n", cfg.CrisisThreshold, cfg.ConcernThreshold, figures(served))
	if f.misses {
		printMisses(e.stderr, nil, res.Pooled, false)
		printMisses(e.stderr, nil, res.Background.Report, false)
		for _, h := range res.Holdouts {
			printMisses(e.stderr, nil, h.Report, false)
		}
	}
	return nil
}

// figures is one block's line: both levels, and the false alarms among
// its examples labelled none.
func figures(r safety.Report) string {
	none := r.Crisis.N - r.Concern.TP - r.Concern.FN
	return fmt.Sprintf("crisis n=%d precision=%.3f recall=%.3f; concern precision=%.3f recall=%.3f; false alarms on none %d at crisis, %d at concern of %d",
		r.Crisis.N, r.Crisis.Precision, r.Crisis.Recall, r.Concern.Precision, r.Concern.Recall, falseAlarms(r.Crisis), r.Concern.FP, none)
}

// falseAlarms counts the crisis level's false positives labelled none.
func falseAlarms(m safety.Metrics) int {
	n := 0
	for _, x := range m.Misclassified {
		if x.Label == safety.LabelNone {
			n++
		}
	}
	return n
}

// printMisses lists the misclassified examples of both levels.
func printMisses(w io.Writer, d *safety.Detector, r safety.Report, explain bool) {
	for _, lvl := range []struct {
		name string
		m    safety.Metrics
	}{{"crisis", r.Crisis}, {"concern", r.Concern}} {
		for _, x := range lvl.m.Misclassified {
			fmt.Fprintf(w, "%s %s line %d: want %s, p=%.2f: %s\n", lvl.name, x.Block, x.Line, x.Label, x.Score, x.Text)
			if d == nil {
				continue
			}
			if explain {
				fmt.Fprintf(w, "    read: %s\n", safety.Normalized(x.Text))
			}
			fmt.Fprintf(w, "    matches: %q\n", d.Assess(x.Text).Matches)
		}
	}
}

// scoreDemo prints how many of the demo's generated bodies reach each
// level: "crisis-eval demo: n=N crisis=C concern=K", a body counted at its
// level only (a crisis is not also a concern). With -misses it lists them.
func scoreDemo(e *env, d *safety.Detector, f evalFlags) error {
	bodies, err := demo.SampleBodies(demoBodies)
	if err != nil {
		return err
	}
	crisis, concern := 0, 0
	for _, b := range bodies {
		a := d.Assess(b)
		level := "crisis"
		switch a.Level {
		case forum.LevelCrisis:
			crisis++
		case forum.LevelConcern:
			concern++
			level = "concern"
		default:
			continue
		}
		if f.misses {
			fmt.Fprintf(e.stderr, "%s p=%.2f concern=%.2f %q: %q\n", level, a.Score, a.Concern, a.Matches, b)
		}
	}
	_, err = fmt.Fprintf(e.stdout, "crisis-eval demo: n=%d crisis=%d concern=%d (detector %s)\n", len(bodies), crisis, concern, f.detector)
	return err
}
