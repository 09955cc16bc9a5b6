package demo

import (
	"strings"
	"testing"

	"hearth/pkg/auth"
	"hearth/pkg/safety"
)

// TestBodiesAreNotCrises: demo posts must not flood the wellbeing queue or
// show crisis panels, so no generated body may read as crisis language.
func TestBodiesAreNotCrises(t *testing.T) {
	d := safety.NewDetector()
	g := newGen(Defaults())
	for i := range topics {
		tp := &topics[i]
		for _, opening := range []bool{true, false} {
			for _, tagged := range []bool{true, false} {
				for n := 0; n < 150; n++ {
					b := g.body(tp, opening, tagged)
					if a := d.Assess(b); a.Crisis {
						t.Fatalf("%s body reads as crisis language (score %.2f, %v):\n%s", tp.slug, a.Score, a.Matches, b)
					}
				}
			}
		}
	}
}

// TestBodiesVary: bodies differ in length and use Markdown.
func TestBodiesVary(t *testing.T) {
	g := newGen(Defaults())
	short, long, lists, quotes := 0, 0, 0, 0
	for n := 0; n < 2000; n++ {
		b := g.body(&topics[n%len(topics)], n%5 == 0, false)
		switch {
		case len(b) < 200:
			short++
		case len(b) > 1000:
			long++
		}
		if strings.Contains(b, "\n- ") {
			lists++
		}
		if strings.Contains(b, "\n> ") {
			quotes++
		}
	}
	for what, n := range map[string]int{"short": short, "long": long, "list": lists, "quote": quotes} {
		if n < 20 {
			t.Errorf("only %d of 2000 bodies are %s", n, what)
		}
	}
}

// TestPseudonymsAreValid: every demo name passes the signup rules and is
// unique by key.
func TestPseudonymsAreValid(t *testing.T) {
	g := newGen(Defaults())
	taken := map[string]bool{}
	names := g.pseudonyms(3000, taken)
	seen := map[string]bool{}
	for _, n := range names {
		_, key, err := auth.NormalizePseudonym(n)
		if err != nil {
			t.Fatalf("%q: %v", n, err)
		}
		if seen[key] {
			t.Fatalf("%q collides with an earlier name", n)
		}
		seen[key] = true
	}
}

// TestSortKey pins the tree encoding of migration 0003.
func TestSortKey(t *testing.T) {
	root := sortKey("", 7)
	child := sortKey(root, 12)
	if root != "0000000007" || child != "0000000007/0000000012" || depthOf(root) != 0 || depthOf(child) != 1 {
		t.Fatalf("sortKey: %q %q", root, child)
	}
}
