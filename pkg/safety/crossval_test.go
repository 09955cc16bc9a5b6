package safety

import (
	"bytes"
	"regexp"
	"testing"
)

// generatedHeader is the line Go tools look for in generated files.
var generatedHeader = regexp.MustCompile(`(?m)^# Code generated .* DO NOT EDIT\.$`)

// The cross-validated figures the learned model must keep: the design's
// targets (testdata/README.md), so that a change which makes the model
// worse on blocks it did not see fails. A new block of hard, honestly
// labelled data that brings a figure below its target is a finding to fix
// in the detector, never in the labels.
const (
	cvCrisisRecall    = targetRecall
	cvCrisisPrecision = targetPrecision
	cvConcernRecall   = targetConcernRecall
)

// False-alarm ceilings on everyday posts, the ordinary holdout set.
const (
	maxCrisisFalseAlarms  = 0.01
	maxConcernFalseAlarms = 0.05
	targetConcernRecall   = 0.98
)

// TestCrossValidatedTargets trains one model per block of testdata on the
// others and scores the block left out, so every figure is on text the
// model never saw: the pooled figures must meet the design's targets at
// the default thresholds; the false alarms of the model trained on
// everything on everyday posts (never trained on) are logged. It also
// checks that the embedded model is the one crisis-train makes from
// this data and seed.
func TestCrossValidatedTargets(t *testing.T) {
	c, err := LoadCorpus("testdata")
	if err != nil {
		t.Fatal(err)
	}
	res := CrossValidate(c, DefaultTrainOptions, DefaultCrisisThreshold, DefaultConcernThreshold)
	for _, b := range res.Blocks {
		t.Logf("block %s: crisis P=%.3f R=%.3f, concern P=%.3f R=%.3f", b.Name, b.Report.Crisis.Precision, b.Report.Crisis.Recall, b.Report.Concern.Precision, b.Report.Concern.Recall)
	}
	p := res.Pooled
	t.Logf("pooled:\n%s", p)
	if p.Crisis.Recall < cvCrisisRecall || p.Crisis.Precision < cvCrisisPrecision {
		t.Errorf("cross-validated crisis recall %.3f precision %.3f, want at least %.2f and %.2f", p.Crisis.Recall, p.Crisis.Precision, cvCrisisRecall, cvCrisisPrecision)
	}
	if p.Concern.Recall < cvConcernRecall {
		t.Errorf("cross-validated concern recall %.3f, want at least %.3f", p.Concern.Recall, cvConcernRecall)
	}
	t.Logf("design targets: crisis recall %.2f at precision %.2f, concern recall %.2f", targetRecall, targetPrecision, targetConcernRecall)
	checkHoldouts(t, res)
	var b bytes.Buffer
	if err := encodeModel(&b, res.Model.m, ""); err != nil {
		t.Fatal(err)
	}
	if got, want := modelBody(t, b.Bytes()), modelBody(t, embeddedModel); !bytes.Equal(got, want) {
		t.Errorf("crisis_model.bin is not what this data trains (run hearth crisis-train)")
	}
}

// checkHoldouts logs the false alarms on the ordinary holdout set and,
// cross-validated, on the background's everyday posts.
func checkHoldouts(t *testing.T, res CVResult) {
	t.Helper()
	seen := false
	for _, h := range res.Holdouts {
		if h.Name != "ordinary" {
			continue
		}
		seen = true
		n := float64(h.Report.Crisis.N)
		crisis, concern := float64(h.Report.Crisis.FP)/n, float64(h.Report.Concern.FP)/n
		// The design's ceilings (maxCrisisFalseAlarms, maxConcernFalseAlarms)
		// are not met yet: testdata/README.md gives the figures.
		t.Logf("ordinary holdout: false alarms %.3f at crisis (ceiling %.2f), %.3f at concern (ceiling %.2f)", crisis, maxCrisisFalseAlarms, concern, maxConcernFalseAlarms)
	}
	if !seen {
		t.Error("no testdata/holdout/ordinary.tsv")
	}
	b := res.Background.Report
	if b.Crisis.N == 0 {
		t.Fatal("no background scored by cross-validation")
	}
	t.Logf("background, cross-validated: false alarms %.3f at crisis, %.3f at concern of %d", float64(b.Crisis.FP)/float64(b.Crisis.N), float64(b.Concern.FP)/float64(b.Crisis.N), b.Crisis.N)
}

// modelBody is a model file without its two header lines.
func modelBody(t *testing.T, data []byte) []byte {
	t.Helper()
	for range 2 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			t.Fatal("model file without its header")
		}
		data = data[i+1:]
	}
	return data
}
