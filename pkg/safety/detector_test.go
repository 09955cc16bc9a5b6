package safety

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"

	"hearth/pkg/forum"
)

func TestAssessResultShape(t *testing.T) {
	d := NewDetector(WithLearnedModel())
	for _, text := range []string{"", "   ", "Today was fine.", "I want to die", "I want to die. I bought a rope. I wrote goodbye letters. Tonight is the night."} {
		a := d.Assess(text)
		if a.Score < 0 || a.Score > 1 || a.Concern < a.Score || a.Concern > 1 {
			t.Errorf("%q: score %v, concern %v: want 0 <= score <= concern <= 1", text, a.Score, a.Concern)
		}
		want := forum.LevelNone
		switch {
		case a.Score >= DefaultCrisisThreshold || a.Rules:
			want = forum.LevelCrisis
		case a.Concern >= DefaultConcernThreshold:
			want = forum.LevelConcern
		}
		if a.Level != want || a.Crisis != (want == forum.LevelCrisis) {
			t.Errorf("%q: level %v, crisis %v, from score %v and concern %v", text, a.Level, a.Crisis, a.Score, a.Concern)
		}
		if a.Level != forum.LevelNone && (len(a.Matches) == 0 || a.Topic == forum.TopicNone) {
			t.Errorf("%q: flagged without matches or topic: %+v", text, a)
		}
		if a.Level == forum.LevelNone && (len(a.Matches) != 0 || a.Topic != forum.TopicNone || a.Immediate) {
			t.Errorf("%q: not flagged, yet %+v", text, a)
		}
	}
	a := d.Assess("I'm gonna kms tonight")
	if !a.Crisis || !strings.Contains(strings.Join(a.Matches, "|"), "kill myself") {
		t.Errorf("%+v: matches should show the normalised phrase", a)
	}
}

// TestAssessLevels: plain cases at each level. These are not near misses
// (the cross-validation measures those); they check the levels are wired.
func TestAssessLevels(t *testing.T) {
	d := NewDetector(WithLearnedModel())
	for text, want := range map[string]forum.Level{
		"I want to die.": forum.LevelCrisis,
		"I have the pills saved up and tonight is the night":       forum.LevelCrisis,
		"this exam is killing me lol":                              forum.LevelNone,
		"had a lovely walk by the sea with the dog today":          forum.LevelNone,
		"I used to self-harm, two years clean now and proud of it": forum.LevelNone,
		"please don't kill yourself, we are all here for you":      forum.LevelNone,
	} {
		if a := d.Assess(text); a.Level != want {
			t.Errorf("%q: level %v (p=%.2f, concern=%.2f, %q), want %v", text, a.Level, a.Score, a.Concern, a.Matches, want)
		}
	}
}

func TestWithThresholds(t *testing.T) {
	text := "everything feels pointless lately and i'm so tired of it"
	if a := NewDetector(WithLearnedModel(), WithThresholds(1, 1)).Assess(text); a.Level != forum.LevelNone {
		t.Errorf("thresholds of 1: %+v", a)
	}
	if a := NewDetector(WithLearnedModel(), WithThresholds(1e-9, 1)).Assess(text); a.Level != forum.LevelCrisis {
		t.Errorf("a crisis threshold near 0: %+v", a)
	}
	if a, b := NewDetector(WithLearnedModel(), WithThresholds(0, 0)).Assess(text), NewDetector(WithLearnedModel()).Assess(text); a.Level != b.Level {
		t.Errorf("thresholds of 0 should keep the defaults: %v, want %v", a.Level, b.Level)
	}
}

// TestRulesCrisisStands: with the learned model, a text the rules alone
// read as a crisis is one whatever the model's score, with the rules'
// phrases first among its matches; so the two together never raise less
// than the rules, on any line of the labelled set, long posts (read a
// passage at a time) among them.
func TestRulesCrisisStands(t *testing.T) {
	a := NewDetector(WithLearnedModel(), WithThresholds(1, 1)).Assess("I want to die.")
	if !a.Crisis || !a.Rules || len(a.Matches) == 0 || !strings.Contains(a.Matches[0], "want to die") {
		t.Errorf("thresholds of 1, a rules crisis: %+v", a)
	}
	c, err := LoadCorpus("testdata")
	if err != nil {
		t.Fatal(err)
	}
	rules, both := NewDetector(), NewDetector(WithLearnedModel(), WithThresholds(1, 1))
	n, long := 0, 0
	for _, b := range c.Blocks {
		for _, ex := range b {
			if r := rules.Assess(ex.Text); r.Crisis {
				n++
				if len(passages(normalize(ex.Text))) > 1 {
					long++
				}
				if b := both.Assess(ex.Text); !b.Crisis || !b.Rules {
					t.Errorf("%s line %d: a crisis to the rules, %v with the model: %q", ex.Block, ex.Line, b.Level, ex.Text)
				}
			}
		}
	}
	if n < 1000 || long < 10 {
		t.Errorf("only %d rules crises in testdata, %d of them long", n, long)
	}
}

// TestCrisisWithoutRiskWordsNeedsCertainty: a passage that names no risk
// and matches no rule is scaled down, so it reaches the crisis level only
// through Bare, at certainWithoutEvidence (0.90) or the crisis threshold
// if that is higher.
func TestCrisisWithoutRiskWordsNeedsCertainty(t *testing.T) {
	for _, c := range []struct {
		score, bare, at float64
		rules, want     bool
	}{
		{0.5, 0.899, 0.85, false, false},
		{0.5, 0.90, 0.85, false, true},
		{0.5, 0.99, 0.995, false, false},
		{0.5, 0.996, 0.995, false, true},
		{0.91, 0, 0.90, false, true},
		{0.1, 0, 0.90, true, true},
		{0.2, 0.2, 0.21, false, false},
	} {
		if got := isCrisis(c.score, c.bare, c.rules, c.at); got != c.want {
			t.Errorf("isCrisis(score %v, bare %v, rules %v, at %v) = %v, want %v", c.score, c.bare, c.rules, c.at, got, c.want)
		}
	}
	// Letters left to be found name no means, no death and no place, and
	// match no rule: the model alone must be sure.
	const letters = "i've written to each of them and the letters are in the drawer for when they find me"
	a := NewDetector(WithLearnedModel()).Assess(letters)
	if !a.Crisis || a.Rules || a.Score >= DefaultCrisisThreshold || a.Bare < certainWithoutEvidence {
		t.Errorf("%q: %+v, want a crisis from Bare alone", letters, a)
	}
	if a := NewDetector(WithLearnedModel(), WithThresholds(0.999, 0)).Assess(letters); a.Crisis && a.Bare < 0.999 {
		t.Errorf("crisis threshold 0.999: %q is a crisis at Bare %v", letters, a.Bare)
	}
}

// TestAssessConcurrent runs one Detector from many goroutines; with -race it
// checks that Assess shares nothing mutable.
func TestAssessConcurrent(t *testing.T) {
	d := NewDetector(WithLearnedModel())
	texts := []string{"I want to die", "This exam is killing me", "I bought a rope", "My friend wants to die", "so tired of everything"}
	want := make([]Assessment, len(texts))
	for i, s := range texts {
		want[i] = d.Assess(s)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				k := (g + i) % len(texts)
				if got := d.Assess(texts[k]); got.Score != want[k].Score || strings.Join(got.Matches, "|") != strings.Join(want[k].Matches, "|") {
					t.Errorf("%q: got %+v want %+v", texts[k], got, want[k])
				}
			}
		}()
	}
	wg.Wait()
}

// TestDevSet: the small development set, never trained on.
func TestDevSet(t *testing.T) {
	f, err := os.Open(devSetPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := Evaluate(NewDetector(WithLearnedModel()), f)
	if err != nil {
		t.Fatal(err)
	}
	checkTargets(t, "dev set", r.Crisis)
}

func TestModelRoundTrip(t *testing.T) {
	classes := []modelClass{{"crisis/plan", 2}, {"none/everyday", 0}}
	dense := [][]float32{make([]float32, 1<<featureBits), make([]float32, 1<<featureBits)}
	dense[0][7], dense[1][featureMask] = 0.5, -2
	dense[1][9] = 1e-30 // rounds to zero: no row
	m := newModel(classes, []float32{-1.5, 3.25}, dense)
	var b bytes.Buffer
	if err := encodeModel(&b, m, "test"); err != nil {
		t.Fatal(err)
	}
	if !generatedHeader.Match(b.Bytes()) {
		t.Errorf("model file lacks the generated-code line: %q", b.String()[:60])
	}
	got, err := decodeModel(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.classes) != 2 || got.classes[0] != classes[0] || got.bias[1] != 3.25 || got.weight(0, 7) != 0.5 || got.weight(1, featureMask) != -2 ||
		got.weight(1, 7) != 0 || got.rows[9] != -1 || len(got.table) != 4 {
		t.Errorf("decoded classes %v, bias %v, %d weights", got.classes, got.bias, len(got.table))
	}
	for _, bad := range [][]byte{nil, []byte("# x\n# y\nHCM1"), b.Bytes()[:b.Len()-1], append(b.Bytes(), 0)} {
		if _, err := decodeModel(bad); err == nil {
			t.Errorf("decoded a broken file %q", bad)
		}
	}
}
