package safety

import "testing"

// TestLiteralIndexWideNode: a node with many children (searched by
// bisection in the compact automaton) finds every one of them, including
// the first, the last and one in the middle, and nothing else.
func TestLiteralIndexWideNode(t *testing.T) {
	x := newLiteralIndex()
	var f idFilter
	for c := byte('a'); c <= 'z'; c++ {
		f = append(f, x.add(prefilter{{"q" + string(c)}})...)
	}
	x.build()
	for i, c := 0, byte('a'); c <= 'z'; i, c = i+1, c+1 {
		all, _ := x.scan("xx q"+string(c)+" yy", nil)
		for j, set := range f {
			if got := all.has(set); got != (i == j) {
				t.Errorf("text with q%c: literal %d found %v", c, j, got)
			}
		}
	}
}
