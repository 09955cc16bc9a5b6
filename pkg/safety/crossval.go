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
// holdout sets are scored by a model trained on everything.
type CVResult struct {
	Blocks   []BlockResult
	Pooled   Report
	Holdouts []BlockResult
	// Scored are the cross-validated scores of every block's examples.
	Scored []Scored
	// Model is the model trained on every block and the background, the
	// one crisis-train writes.
	Model *Model
}

// CrossValidate trains and scores one model per block of c, with opt,
// and counts at the two thresholds.
func CrossValidate(c Corpus, opt TrainOptions, crisisAt, concernAt float64) CVResult {
	var all []Example
	starts := make([]int, len(c.Blocks)+1)
	for i, b := range c.Blocks {
		starts[i] = len(all)
		all = append(all, b...)
	}
	starts[len(c.Blocks)] = len(all)
	all = append(all, c.Background...)
	classes := classesOf(all)
	samples := prepare(all, classes)

	scored := make([]Scored, starts[len(c.Blocks)])
	var full *model
	parallel(len(c.Blocks)+1, func(k int) {
		var use []int
		for i := range samples {
			if k == len(c.Blocks) || i < starts[k] || i >= starts[k+1] {
				use = append(use, i)
			}
		}
		m := train(samples, use, classes, opt)
		if k == len(c.Blocks) {
			full = m
			return
		}
		d := NewDetector(withModel(m), WithThresholds(crisisAt, concernAt))
		for i := starts[k]; i < starts[k+1]; i++ {
			s := d.score(normalize(all[i].Text))
			scored[i] = Scored{Example: all[i], Score: s.crisis, Concern: s.concern}
		}
	})

	res := CVResult{Scored: scored, Pooled: Measure(scored, crisisAt, concernAt), Model: &Model{full}}
	for k, b := range c.Blocks {
		res.Blocks = append(res.Blocks, BlockResult{Name: blockName(b), Report: Measure(scored[starts[k]:starts[k+1]], crisisAt, concernAt)})
	}
	d := NewDetector(withModel(full), WithThresholds(crisisAt, concernAt))
	for _, h := range c.Holdouts {
		res.Holdouts = append(res.Holdouts, BlockResult{Name: blockName(h), Report: Measure(d.Score(h), crisisAt, concernAt)})
	}
	return res
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
