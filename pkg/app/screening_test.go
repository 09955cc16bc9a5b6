package app

import (
	"strconv"
	"testing"

	"hearth/pkg/config"
	"hearth/pkg/forum"
	"hearth/pkg/safety"
)

// TestCrisisThresholdDefaults: the settings' documented defaults are the
// detector's own.
func TestCrisisThresholdDefaults(t *testing.T) {
	for _, c := range []struct {
		setting string
		want    float64
	}{{config.DefaultCrisisThreshold, safety.DefaultCrisisThreshold}, {config.DefaultConcernThreshold, safety.DefaultConcernThreshold}} {
		if got, err := strconv.ParseFloat(c.setting, 64); err != nil || got != c.want {
			t.Errorf("config default %q, safety default %v", c.setting, c.want)
		}
	}
}

// TestScreeningCarriesTheAssessment: every field the forum stores and shows
// comes from the detector, and Crisis is exactly the crisis level.
func TestScreeningCarriesTheAssessment(t *testing.T) {
	d := safety.NewDetector()
	for _, text := range []string{
		"I have the pills saved up and tonight is the night",
		"had a lovely walk by the sea with the dog today",
		"Hoy fue un día muy largo y estoy muy cansada, pero mañana será mejor.",
	} {
		a := d.Assess(text)
		s := screening(a)
		if s.Score != a.Score || s.Level != a.Level || s.Topic != a.Topic || s.Immediate != a.Immediate ||
			s.NotScreened != a.NotScreened || len(s.Matches) != len(a.Matches) {
			t.Errorf("%q: screening %+v from %+v", text, s, a)
		}
		if s.Crisis != (s.Level == forum.LevelCrisis) {
			t.Errorf("%q: Crisis %v at level %v", text, s.Crisis, s.Level)
		}
	}
	if s := screening(d.Assess("I have the pills saved up and tonight is the night")); !s.Crisis || s.Topic != forum.TopicSuicide || !s.Immediate {
		t.Errorf("plan with means tonight: %+v", s)
	}
	if s := screening(d.Assess("Hoy fue un día muy largo y estoy muy cansada, pero mañana será mejor.")); s.NotScreened != forum.NotScreenedLanguage || s.Level != forum.LevelNone {
		t.Errorf("Spanish: %+v", s)
	}
}

// TestDetectorSetting: HEARTH_CRISIS_DETECTOR picks the rules alone, which
// never raise a concern, or the learned model, which does.
func TestDetectorSetting(t *testing.T) {
	text := "i can't stop crying and i feel so alone with all of this"
	for setting, want := range map[string]forum.Level{"rules": forum.LevelNone, "learned": forum.LevelConcern} {
		cfg := config.Config{CrisisDetector: setting, CrisisThreshold: safety.DefaultCrisisThreshold, ConcernThreshold: safety.DefaultConcernThreshold}
		if a := safety.NewDetector(detectorOptions(cfg)...).Assess(text); a.Level != want {
			t.Errorf("%s: level %v (p=%.2f, concern=%.2f), want %v", setting, a.Level, a.Score, a.Concern, want)
		}
	}
}
