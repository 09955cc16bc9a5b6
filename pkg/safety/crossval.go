package safety

import (
	"runtime"
	"sync"
)

// BlockResult is one block's or one holdout set's figures.
type BlockResult struct {
	Name   string
	Report Report
}

// CVResult is a leave-one-block-out cross-validation: each block scored by
// a model trained on every other block and the background, never on
// itself; the pooled figures count every block's examples so scored; the
// background's everyday posts are scored the same way a fold at a time;
// the holdout sets are scored by a model trained on everything.
type CVResult struct {
	Blocks []BlockResult
	Pooled Report
	// Background is the false alarms on the background's everyday posts,
	// each scored by a model trained without its fold (backgroundFolds):
	// the cross-validated estimate of how many everyday posts reach each
	// level, which the holdout sets then check. Its Name is empty when
	// there is no background.
	Background BlockResult
	Holdouts   []BlockResult
	// Scored are the cross-validated scores of every block's examples,
	// BackgroundScored those of the background's.
	Scored, BackgroundScored []Scored
	// Model is the model trained on every block and the background, the
	// one crisis-train writes.
	Model *Model
}

// backgroundFolds is how many parts the background is cross-validated in.
// Its posts are never a block's (they stay in every block's training), so
// they are held out apart: a fold at a time, with every block trained on.
const backgroundFolds = 4

// CrossValidate trains and scores one model per block of c and per fold of
// its background, with opt, and counts at the two thresholds.
func CrossValidate(c Corpus, opt TrainOptions, crisisAt, concernAt float64) CVResult {
	var all []Example
	starts := make([]int, len(c.Blocks)+1)
	for i, b := range c.Blocks {
		starts[i] = len(all)
		all = append(all, b...)
	}
	bg := len(all)
	starts[len(c.Blocks)] = bg
	all = append(all, c.Background...)
	classes := classesOf(all)
	samples := prepare(all, classes)

	// Runs 0 … len(c.Blocks)-1 leave out a block, the next trains on
	// everything, and the last backgroundFolds leave out a fold of the
	// background (position i of the background is in fold i mod
	// backgroundFolds).
	full := len(c.Blocks)
	heldOut := func(k, i int) bool {
		switch {
		case k < full:
			return i >= starts[k] && i < starts[k+1]
		case k == full:
			return false
		}
		return i >= bg && (i-bg)%backgroundFolds == k-full-1
	}
	scored := make([]Scored, len(all))
	var fullModel *model
	parallel(full+1+backgroundFolds, func(k int) {
		var use []int
		for i := range samples {
			if !heldOut(k, i) {
				use = append(use, i)
			}
		}
		m := train(samples, use, classes, opt)
		if k == full {
			fullModel = m
			return
		}
		d := NewDetector(withModel(m))
		for i := range all {
			if heldOut(k, i) {
				scored[i] = d.scoreModel(all[i])
			}
		}
	})
	return cvResult(c, scored[:bg], scored[bg:], fullModel, crisisAt, concernAt)
}

// cvResult counts the cross-validated scores of the blocks and the
// background, and scores the holdout sets with the model trained on
// everything.
func cvResult(c Corpus, blocks, background []Scored, full *model, crisisAt, concernAt float64) CVResult {
	res := CVResult{Scored: blocks, BackgroundScored: background, Pooled: Measure(blocks, crisisAt, concernAt), Model: &Model{full}}
	start := 0
	for _, b := range c.Blocks {
		res.Blocks = append(res.Blocks, BlockResult{Name: blockName(b), Report: Measure(blocks[start:start+len(b)], crisisAt, concernAt)})
		start += len(b)
	}
	if len(background) > 0 {
		// Every file whose name starts with "background" is in it.
		res.Background = BlockResult{Name: "background", Report: Measure(background, crisisAt, concernAt)}
	}
	d := NewDetector(withModel(full))
	for _, h := range c.Holdouts {
		scored := make([]Scored, len(h))
		for i, ex := range h {
			scored[i] = d.scoreModel(ex)
		}
		res.Holdouts = append(res.Holdouts, BlockResult{Name: blockName(h), Report: Measure(scored, crisisAt, concernAt)})
	}
	return res
}

// scoreModel is the model's probabilities for ex alone, without the
// rules' own crisis: what the cross-validation measures.
func (d *Detector) scoreModel(ex Example) Scored {
	s := d.score(normalize(ex.Text))
	return Scored{Example: ex, Score: s.crisis, Concern: s.concern, Bare: s.bare}
}

// WithRules is the model's scores with the rules' own crisis beside them,
// as a Detector with the learned model decides: the cross-validated scores
// so marked, measured at the serving thresholds, are the cross-validated
// figures of the detector Hearth runs.
func WithRules(scored []Scored) []Scored {
	rules := sharedRules()
	out := make([]Scored, len(scored))
	parallel(len(out), func(i int) {
		out[i] = scored[i]
		out[i].Rules = rules.rulesOverPassages(normalize(out[i].Text)) >= ruleThreshold
	})
	return out
}

func blockName(exs []Example) string {
	if len(exs) == 0 {
		return "(empty)"
	}
	return exs[0].Block
}

// parallel runs f(0) ... f(n-1) on as many goroutines as there are cores.
func parallel(n int, f func(int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				f(k)
			}
		}()
	}
	for k := range n {
		next <- k
	}
	close(next)
	wg.Wait()
}
