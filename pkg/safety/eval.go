package safety

import (
	"fmt"
	"io"
)

// Misclassified is one example the detector got wrong, kept so that a
// developer can see the errors behind the numbers.
type Misclassified struct {
	Line  int     // line number in the input, counting the header as 1
	Block string  // the block it came from
	Label string  // the expected label
	Text  string  // the example as written in the file
	Score float64 // the detector's probability for the level measured
}

// Metrics summarises a detector's performance at one level on a labelled
// set: at the crisis level crisis examples are the positives, at the
// concern level concern and crisis examples are.
type Metrics struct {
	N, TP, FP, FN, TN int
	// Precision, Recall and F1 are 0 when undefined (no predicted or no
	// actual positives), so that an empty result never looks perfect.
	Precision, Recall, F1 float64
	// Misclassified lists false negatives and false positives in input
	// order.
	Misclassified []Misclassified
}

// String returns the crisis level's line of `hearth crisis-eval`.
func (m Metrics) String() string { return m.line("crisis-eval") }

func (m Metrics) line(prefix string) string {
	return fmt.Sprintf("%s: n=%d precision=%.3f recall=%.3f f1=%.3f", prefix, m.N, m.Precision, m.Recall, m.F1)
}

// Report is a detector's performance at both levels.
type Report struct {
	Crisis, Concern Metrics
}

// String returns the two lines `hearth crisis-eval` prints, crisis first.
func (r Report) String() string {
	return r.Crisis.String() + "\n" + r.Concern.line("crisis-eval concern")
}

// Scored is an example with the detector's probabilities for it.
type Scored struct {
	Example
	Score   float64 // P(crisis)
	Concern float64 // P(concern or crisis)
	// Bare is Assessment.Bare: P(crisis) of a passage that names no risk,
	// unscaled.
	Bare float64
	// Rules: the phrase rules alone read a crisis, a crisis whatever the
	// thresholds (Assessment.Rules).
	Rules bool
}

// Measure counts scored examples at the two thresholds.
func Measure(scored []Scored, crisisAt, concernAt float64) Report {
	var r Report
	for _, s := range scored {
		crisis := isCrisis(s.Score, s.Bare, s.Rules, crisisAt)
		concern := crisis || s.Concern >= concernAt
		g := grade(s.Label)
		r.Crisis.count(s, g == 2, crisis, s.Score)
		r.Concern.count(s, g >= 1, concern, s.Concern)
	}
	r.Crisis.finish()
	r.Concern.finish()
	return r
}

func (m *Metrics) count(s Scored, want, got bool, score float64) {
	m.N++
	switch {
	case want && got:
		m.TP++
	case want:
		m.FN++
	case got:
		m.FP++
	default:
		m.TN++
	}
	if want != got {
		m.Misclassified = append(m.Misclassified, Misclassified{Line: s.Line, Block: s.Block, Label: s.Label, Text: s.Text, Score: score})
	}
}

func (m *Metrics) finish() {
	m.Precision = ratio(m.TP, m.TP+m.FP)
	m.Recall = ratio(m.TP, m.TP+m.FN)
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
}

// Score scores examples with d.
func (d *Detector) Score(exs []Example) []Scored {
	out := make([]Scored, len(exs))
	for i, ex := range exs {
		a := d.Assess(ex.Text)
		out[i] = Scored{Example: ex, Score: a.Score, Concern: a.Concern, Bare: a.Bare, Rules: a.Rules}
	}
	return out
}

// Evaluate runs d over a labelled file (see ReadExamples) at d's
// thresholds. Errors name the offending line.
func Evaluate(d *Detector, r io.Reader) (Report, error) {
	exs, err := ReadExamples(r, "")
	if err != nil {
		return Report{}, fmt.Errorf("crisis-eval: %w", err)
	}
	crisisAt, concernAt := d.thresholds()
	return Measure(d.Score(exs), crisisAt, concernAt), nil
}

// thresholds are the scores from which d's Assess calls each level: the
// configured ones with the learned model, the rules' own (which
// WithThresholds does not move) for the rules alone.
func (d *Detector) thresholds() (crisis, concern float64) {
	if d.model == nil {
		return ruleThreshold, ruleThreshold
	}
	return d.crisisAt, d.concernAt
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
