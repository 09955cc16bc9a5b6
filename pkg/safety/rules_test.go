package safety

import (
	"testing"
)

// The phrase rules were tuned on blocks A to J of testdata/crisis.tsv; these
// tests hold them to what they scored there, so a change to a rule that
// breaks an earlier fix fails. They say nothing about unseen text: the
// cross-validation of the whole detector does (crossval_test.go).

// Targets from the design: the detector must find nearly every crisis post
// while keeping false alarms rare enough that moderators trust the flag.
const (
	targetRecall    = 0.95
	targetPrecision = 0.90
)

const (
	ownSetPath = "testdata/crisis.tsv"
	// devSetPath is a small development set written apart from the blocks;
	// it is never trained on.
	devSetPath = "testdata/holdout/crisis-dev.tsv"
)

// rulesCrisis is what the rules alone make of a text.
func rulesCrisis(text string) (bool, ruleResult) {
	rr := sharedRules().assess(normalize(text))
	return rr.score >= ruleThreshold, rr
}

// rulesMetrics counts the rules' crisis verdicts on examples.
func rulesMetrics(exs []Example) Metrics {
	scored := make([]Scored, len(exs))
	for i, ex := range exs {
		_, rr := rulesCrisis(ex.Text)
		scored[i] = Scored{Example: ex, Score: rr.score}
	}
	return Measure(scored, ruleThreshold, ruleThreshold).Crisis
}

func checkTargets(t *testing.T, name string, m Metrics) {
	t.Helper()
	t.Logf("%s: %s (tp=%d fp=%d fn=%d tn=%d)", name, m, m.TP, m.FP, m.FN, m.TN)
	for _, x := range m.Misclassified {
		t.Logf("  line %d: want %s, score %.2f: %s", x.Line, x.Label, x.Score, x.Text)
	}
	if m.Recall < targetRecall {
		t.Errorf("%s: recall %.3f < %.2f", name, m.Recall, targetRecall)
	}
	if m.Precision < targetPrecision {
		t.Errorf("%s: precision %.3f < %.2f", name, m.Precision, targetPrecision)
	}
}

// TestRulesOwnSetBlocks evaluates the rules on each block of
// testdata/crisis.tsv (see testdata/README.md), so a regression in one kind
// of example is not hidden by the others.
func TestRulesOwnSetBlocks(t *testing.T) {
	c, err := LoadCorpus(ownSetPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Blocks) != 10 {
		t.Fatalf("%d blocks in %s, want A to J", len(c.Blocks), ownSetPath)
	}
	var all []Example
	for _, b := range c.Blocks {
		checkTargets(t, "block "+b[0].Block, rulesMetrics(b))
		all = append(all, b...)
	}
	checkTargets(t, "blocks A to J", rulesMetrics(all))
}

// TestRuleCases pins the rules' verdict on clear cases and near misses.
func TestRuleCases(t *testing.T) {
	for _, c := range ruleCases {
		got, rr := rulesCrisis(c.text)
		if got != c.crisis {
			t.Errorf("%q: crisis=%v (score %.2f, matches %q), want %v: %s", c.text, got, rr.score, rr.matches(), c.crisis, c.why)
		}
	}
}
