package safety

import (
	_ "embed" // the generated model
	"io"
	"slices"
	"sync"

	"hearth/pkg/forum"
)

// Default thresholds of the learned model, chosen from the
// leave-one-block-out cross-validation of the labelled set and the
// everyday posts it was never trained on (testdata/README.md): the crisis
// threshold is on P(crisis), the concern threshold on P(concern or
// crisis). The rules' own crisis stands besides (Assess), so the model
// raises a post only when it is sure: there everyday posts, the demo's
// peer support among them, stay under the false-alarm ceilings (1% to a
// crisis, 5% to a concern) while the two together find more than the
// rules alone at both levels.
const (
	DefaultCrisisThreshold  = 0.85
	DefaultConcernThreshold = 0.80
)

// The model's recall-oriented operating point: thresholds at which its
// pooled cross-validated figures meet the design's targets (crisis recall
// 0.95 at precision 0.90, concern recall 0.98; at a concern threshold of
// 0.13 the concern recall falls to 0.979). The cross-validation (CrossValidate,
// `hearth crisis-eval -cv`) holds the model to its targets there; serving
// there would raise about one ordinary peer-support post in twelve.
const (
	CVCrisisThreshold  = 0.21
	CVConcernThreshold = 0.12
)

// certainWithoutEvidence is how sure the model must be of a passage that
// names no risk and matches no rule before it calls a crisis on its own.
// Its P(crisis) is scaled by withoutEvidence, which at the serving
// threshold would leave the model unable to raise such a passage at all;
// but a plan with a date, a place or a means named in everyday words is
// written exactly so. 0.90 is the lowest that keeps every everyday set
// under the false-alarm ceiling at the default crisis threshold, and the
// one at which the detector as served finds the most crises,
// cross-validated (testdata/README.md).
const certainWithoutEvidence = 0.90

// isCrisis decides the crisis level from a text's scores: the rules' own
// crisis, the model at the crisis threshold, or a passage that names no
// risk at certainWithoutEvidence.
func isCrisis(score, bare float64, rules bool, crisisAt float64) bool {
	return rules || score >= crisisAt || bare >= max(crisisAt, certainWithoutEvidence)
}

// Assessment is the result of scoring one text.
type Assessment struct {
	// Score is the model's probability that the text is a crisis, in [0,1],
	// scaled down where the text names no risk and matches no rule.
	Score float64
	// Bare is the model's probability that the most worrying passage of
	// the text that names no risk and matches no rule is a crisis, not
	// scaled: such a passage is a crisis only when the model is
	// sure (0.90, or the crisis threshold if higher).
	Bare float64
	// Concern is its probability that the text is a concern or a crisis.
	Concern float64
	// Level is crisis when the rules read one, Score reaches the crisis
	// threshold or Bare reaches 0.90; else concern when Concern reaches the
	// concern threshold; else none.
	Level forum.Level
	// Crisis is Level == forum.LevelCrisis.
	Crisis bool
	// Rules: the phrase rules alone read a crisis in the text, which makes
	// it one whatever the model's score.
	Rules bool
	// Topic is suicide or self-harm for a concern or crisis.
	Topic forum.Topic
	// Immediate: a crisis whose words put the danger now, a plan or means
	// tied to a time ("tonight") or the author at a place of danger.
	Immediate bool
	// NotScreened is forum.NotScreenedLanguage for text in a language the
	// detector does not read; the text is then not scored at all.
	NotScreened string
	// Matches say why a concern or crisis was raised: the phrases the rules
	// matched, then the words and cues that raised the model's score most,
	// in the normalised form the detector saw (lower case, contractions and
	// slang expanded: "gonna kms" reads "going to kill myself").
	Matches []string
}

// Model is a trained crisis model.
type Model struct{ m *model }

// Write writes the model file that NewDetector embeds, with meta (how it
// was made) in its header.
func (m *Model) Write(w io.Writer, meta string) error { return encodeModel(w, m.m, meta) }

//go:embed crisis_model.bin
var embeddedModel []byte

// sharedModel decodes the embedded model once per process.
var sharedModel = sync.OnceValues(func() (*model, error) { return decodeModel(embeddedModel) })

// Detector scores text for current suicidal or self-harm intent of its
// author: phrase rules a moderator can read, and a model trained on the
// labelled set that reads the rules' findings with the words, word classes
// and sentence cues around them. It holds only read-only state, so one
// Detector can be shared by any number of goroutines.
type Detector struct {
	rules     *rules
	model     *model
	learned   bool
	crisisAt  float64
	concernAt float64
}

// Option configures a Detector.
type Option func(*Detector)

// WithThresholds sets the crisis threshold (on P(crisis)) and the concern
// threshold (on P(concern or crisis)). A threshold of 0 or less keeps the
// default, so that an unset value never flags every post.
func WithThresholds(crisis, concern float64) Option {
	return func(d *Detector) {
		if crisis > 0 {
			d.crisisAt = crisis
		}
		if concern > 0 {
			d.concernAt = concern
		}
	}
}

// WithLearnedModel scores with the embedded learned model beside the
// rules, at both levels: a crisis when the rules read one or the model
// reaches the crisis threshold, a concern when the model reaches the
// concern threshold. Without it (or WithModel) a Detector is the rules
// alone, which only ever raise the crisis level. Hearth serves with it
// (HEARTH_CRISIS_DETECTOR=learned, the default).
func WithLearnedModel() Option { return func(d *Detector) { d.learned = true } }

// WithModel scores with a model other than the embedded one, such as one
// Train has just fitted.
func WithModel(m *Model) Option { return withModel(m.m) }

func withModel(m *model) Option { return func(d *Detector) { d.model, d.learned = m, true } }

// NewDetector returns a Detector: the rules alone, or the rules and the
// learned model with WithLearnedModel. It is cheap after the first call. It
// panics if the embedded model cannot be read, which a test of the package
// rules out for every build.
func NewDetector(opts ...Option) *Detector {
	d := &Detector{rules: sharedRules(), crisisAt: DefaultCrisisThreshold, concernAt: DefaultConcernThreshold}
	for _, o := range opts {
		o(d)
	}
	if d.learned && d.model == nil {
		m, err := sharedModel()
		if err != nil {
			panic(err)
		}
		d.model = m
	}
	return d
}

var featurePool = sync.Pool{New: func() any { return new(features) }}

// Assess scores text. It never fails: empty or unrelated text scores near
// 0, and text in a language the detector does not read is marked as not
// screened.
func (d *Detector) Assess(text string) Assessment {
	if !readable(text) {
		return Assessment{NotScreened: forum.NotScreenedLanguage}
	}
	n := normalize(text)
	if d.model == nil {
		return d.assessRules(n)
	}
	s := d.score(n)
	// The rules' evidence over the whole text, not only the most worrying
	// passage's, so that the two together do not raise less than the rules
	// alone.
	a := Assessment{Score: s.crisis, Concern: s.concern, Bare: s.bare, Rules: s.allRules >= ruleThreshold}
	switch {
	case isCrisis(a.Score, a.Bare, a.Rules, d.crisisAt):
		a.Level = forum.LevelCrisis
	case a.Concern >= d.concernAt:
		a.Level = forum.LevelConcern
	}
	a.Crisis = a.Level == forum.LevelCrisis
	if a.Level != forum.LevelNone {
		f := featurePool.Get().(*features)
		sents := f.split(n)
		a.Topic = topicOf(sents)
		a.Immediate = a.Crisis && immediate(sents)
		featurePool.Put(f)
		a.Matches = d.explain(s.text, s.rules, a.Crisis)
		if a.Rules {
			a.Matches = unionFirst(ruleResult{hits: s.allHits}.matches(), a.Matches)
		}
	}
	return a
}

// Normalized is text in the form the detector reads it: lower case,
// contractions and slang expanded, quotations marked.
func Normalized(text string) string { return normalize(text) }

// assessRules is Assess with the rules alone: a crisis from the rules'
// threshold, never a concern.
func (d *Detector) assessRules(n string) Assessment {
	rr := d.rules.assess(n)
	a := Assessment{Score: rr.score, Concern: rr.score}
	if rr.score >= ruleThreshold {
		a.Level, a.Crisis, a.Rules = forum.LevelCrisis, true, true
		f := featurePool.Get().(*features)
		sents := f.split(n)
		a.Topic = topicOf(sents)
		a.Immediate = immediate(sents)
		featurePool.Put(f)
		a.Matches = rr.matches()
	}
	return a
}

// unionFirst is the strings of first, then those of rest, in order, each
// once.
func unionFirst(first, rest []string) []string {
	var out []string
	for _, x := range slices.Concat(first, rest) {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
