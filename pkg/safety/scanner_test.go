package safety

import (
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
)

// scannerInputs are texts for checking the hand-written scanners against the
// regular expressions they replace: every example of testdata/crisis.tsv, raw
// and normalised, plus random strings over the bytes the scanners care
// about.
func scannerInputs(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(ownSetPath)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if _, text, ok := strings.Cut(line, "\t"); ok {
			out = append(out, text, strings.ToLower(text), normalize(text))
		}
	}
	const alphabet = "ab yet and but cause because while whereas,;:()-_'\x01\x02\t\n\f\r\v*Ab9é’"
	alpha := []rune(alphabet)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(40) {
			if rng.IntN(3) == 0 {
				b.WriteString(clauseWords[rng.IntN(len(clauseWords))])
			} else {
				b.WriteRune(alpha[rng.IntN(len(alpha))])
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestScannersMatchRegexps: clauseBounds, expandTokens and collapseSpace
// give exactly what the regular expressions they replace give.
func TestScannersMatchRegexps(t *testing.T) {
	for _, s := range scannerInputs(t) {
		var want []span
		for _, loc := range clauseBoundaryRe.FindAllStringIndex(s, -1) {
			want = append(want, span{loc[0], loc[1]})
		}
		if got := clauseBounds(s); !reflect.DeepEqual(got, want) {
			t.Errorf("clauseBounds(%q) = %v, want %v", s, got, want)
		}
		if got, want := expandTokens(s), tokenRe.ReplaceAllStringFunc(s, expandToken); got != want {
			t.Errorf("expandTokens(%q) = %q, want %q", s, got, want)
		}
		if got, want := collapseSpace(s), whitespaceRe.ReplaceAllString(s, " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
