package safety

import (
	"bytes"
	"regexp"
	"testing"

	"hearth/pkg/demo"
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
	res := CrossValidate(c, DefaultTrainOptions, CVCrisisThreshold, CVConcernThreshold)
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
	checkHoldouts(t, res, c)
	var b bytes.Buffer
	if err := encodeModel(&b, res.Model.m, ""); err != nil {
		t.Fatal(err)
	}
	if got, want := modelBody(t, b.Bytes()), modelBody(t, embeddedModel); !bytes.Equal(got, want) {
		t.Errorf("crisis_model.bin is not what this data trains (run hearth crisis-train)")
	}
}

// checkHoldouts logs the model's false alarms at its cross-validated
// operating point, on the ordinary holdout set and, cross-validated, on the
// background's everyday posts; and holds the detector as served (the
// rules' own crisis and the model at the default thresholds) under the
// false-alarm ceilings on both, on the everyday shapes, on the none lines
// of the peer-support holdout and on the demo's generated peer support;
// the blind everyday shapes are logged only.
func checkHoldouts(t *testing.T, res CVResult, c Corpus) {
	t.Helper()
	for _, h := range res.Holdouts {
		if h.Name == "ordinary" {
			t.Logf("ordinary holdout, the model at %.2f / %.2f: false alarms %d and %d of %d", CVCrisisThreshold, CVConcernThreshold, h.Report.Crisis.FP, h.Report.Concern.FP, h.Report.Crisis.N)
		}
	}
	if len(res.BackgroundScored) == 0 {
		t.Fatal("no background scored by cross-validation")
	}
	served := NewDetector(WithModel(res.Model))
	sets := map[string][]Scored{"background (cross-validated)": WithRules(res.BackgroundScored)}
	for _, h := range c.Holdouts {
		switch name := blockName(h); {
		case name == blindShapesHoldout:
			// Logged, not held: no serving setting keeps it under the
			// ceiling, the phrase rules alone raising 1.1% of it
			// (testdata/README.md).
			r := Measure(served.Score(h), DefaultCrisisThreshold, DefaultConcernThreshold)
			t.Logf("holdout %s, as served: false alarms %d at crisis, %d at concern of %d (not held to the ceilings)", name, r.Crisis.FP, r.Concern.FP, r.Crisis.N)
		case allNone(h):
			sets["holdout "+name] = served.Score(h)
		case name == peerSupportHoldout:
			// Ordinary peer support on heavy topics: its none lines
			// are everyday posts for the groups Hearth serves.
			sets["holdout "+name+" (its none lines)"] = served.Score(noneOnly(h))
		}
	}
	bodies, err := demo.SampleBodies(150)
	if err != nil {
		t.Fatal(err)
	}
	var exs []Example
	for _, b := range bodies {
		exs = append(exs, Example{Label: LabelNone, Text: b})
	}
	sets["the demo's bodies"] = served.Score(exs)
	if len(sets) < 5 {
		t.Errorf("want the background, two everyday holdout sets, the peer support's none lines and the demo, have %d sets", len(sets))
	}
	for name, scored := range sets {
		r := Measure(scored, DefaultCrisisThreshold, DefaultConcernThreshold)
		n := float64(r.Crisis.N)
		crisis, concern := float64(r.Crisis.FP)/n, float64(r.Concern.FP)/n
		t.Logf("%s, as served: false alarms %.3f at crisis, %.3f at concern of %d", name, crisis, concern, r.Crisis.N)
		if crisis > maxCrisisFalseAlarms || concern > maxConcernFalseAlarms {
			t.Errorf("%s: as served, %.3f of everyday posts raised to a crisis and %.3f to a concern, want at most %.2f and %.2f", name, crisis, concern, maxCrisisFalseAlarms, maxConcernFalseAlarms)
		}
	}
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

// blindShapesHoldout is the second set of everyday posts in the shapes of
// crisis posts, written blind to the detector and the other sets.
const blindShapesHoldout = "everyday-shapes-blind"

// peerSupportHoldout is the holdout set of posts from peer-support groups
// on heavy topics, labelled at all three levels.
const peerSupportHoldout = "peer-support"

// noneOnly is the examples labelled none.
func noneOnly(exs []Example) []Example {
	var out []Example
	for _, ex := range exs {
		if ex.Label == LabelNone {
			out = append(out, ex)
		}
	}
	return out
}

// allNone: every example is labelled none (an everyday set).
func allNone(exs []Example) bool {
	for _, ex := range exs {
		if ex.Label != LabelNone {
			return false
		}
	}
	return len(exs) > 0
}
