package safety

import "testing"

// TestPatternsHavePrefilters keeps every family cheap: each must yield the
// literal pre-filter the detector's index uses, so a sentence without its
// words never reaches the regular expression.
func TestPatternsHavePrefilters(t *testing.T) {
	ps := sharedPatterns()
	if len(ps) == 0 {
		t.Fatal("no patterns")
	}
	for _, p := range ps {
		if len(p.needs) == 0 {
			t.Errorf("pattern %q has no pre-filter; split its alternatives so each names a literal", p.name)
		}
	}
}
