package cache

import (
	"html/template"
	"strings"
	"testing"
)

// TestFragmentsStayWithinTheirBudget fills the cache far past its budget
// and checks that it holds no more than that, keeps the newest entries,
// refuses a single oversized fragment and moves an entry found in the
// older generation to the current one.
func TestFragmentsStayWithinTheirBudget(t *testing.T) {
	const budget = 1 << 20
	fc := NewFragments(budget)
	body := template.HTML(strings.Repeat("x", 2000))
	var last FragmentKey
	for i := range 10 * budget / len(body) {
		last = FragmentKey{uint64(i), 1}
		fc.Put(last, body)
	}
	total := 0
	for _, m := range []map[FragmentKey]template.HTML{fc.cur, fc.old} {
		for _, h := range m {
			total += len(h)
		}
	}
	if total > budget {
		t.Errorf("the cache holds %d bytes, over its budget of %d", total, budget)
	}
	if h, ok := fc.Get(last); !ok || h != body {
		t.Error("the newest entry is gone")
	}
	big := FragmentKey{0, 2}
	fc.Put(big, template.HTML(strings.Repeat("y", budget/32)))
	if _, ok := fc.Get(big); ok {
		t.Error("an oversized fragment was kept")
	}
	k := FragmentKey{0, 3}
	fc.Put(k, "kept")
	fc.old, fc.cur, fc.curBytes = fc.cur, map[FragmentKey]template.HTML{}, 0
	if _, ok := fc.Get(k); !ok {
		t.Fatal("an entry of the older generation was not found")
	}
	if _, ok := fc.cur[k]; !ok {
		t.Error("a hit in the older generation did not move to the current one")
	}
	var off *Fragments
	off.Put(k, "x")
	if _, ok := off.Get(k); ok || NewFragments(0) != nil {
		t.Error("a cache that is off kept something")
	}
}
