package safety

import "testing"

// TestExtraPatternsHavePrefilters keeps the added families cheap: each must
// yield a literal pre-filter, so a sentence without its words never reaches
// the regular expression.
func TestExtraPatternsHavePrefilters(t *testing.T) {
	for _, p := range extraPatterns() {
		if f := newPrefilter(p.re.String()); len(f) == 0 {
			t.Errorf("pattern %q has no pre-filter; split its alternatives so each names a literal", p.name)
		}
	}
}
